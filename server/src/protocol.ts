/**
 * Custom requests between the VS Code client and the server. Types and method names only, so that
 * both sides compile against one definition and a workspace glossary can later add entries without
 * any change to the client.
 */

/** One row of the glossary search list. */
export interface GlossaryItem {
  id: string;
  term: string;
  aliases: string[];
  category: string;
  status: 'preferred' | 'admitted' | 'deprecated';
  vocabulary: 'itil4' | 'itil3' | 'non-itil';
  definition: string;
  related: string[];
  replacedBy: string[];
}

/** `itil/glossary`: every entry, for the quick pick. */
export const GlossaryRequestMethod = 'itil/glossary';
export type GlossaryParams = Record<string, never>;
export type GlossaryResult = GlossaryItem[];

/** `itil/entry`: one entry rendered as Markdown, for the read-only entry view. */
export const EntryRequestMethod = 'itil/entry';
export interface EntryParams {
  id: string;
}
export type EntryResult = { id: string; term: string; markdown: string; related: { id: string; term: string }[] } | null;

/** `itil/termAt`: the glossary entry at a position, for "Look Up Term at Cursor". */
export const TermAtRequestMethod = 'itil/termAt';
export interface TermAtParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}
export type TermAtResult = { id: string } | null;

/** Initialization options the VS Code client sends. */
export interface InitializationOptions {
  /** Render related terms as `command:` links that open their entry (VS Code only). */
  commandLinks?: boolean;
}
