/**
 * The contract between the rule engine and the rest of the core. The engine judges one block of prose
 * at a time and returns findings with offsets relative to the block; the diagnostics feature places
 * them in the document, applies settings, scope and inline directives, and builds quick fixes from
 * the fixes carried here.
 */
import type { Span } from '../prose/sentences';
import type { TermOccurrence, TokenBuffer } from '../terms/matcher';
import type { Glossary } from '../glossary/glossary';

/** The rule families; each has its own severity setting (`itil.severity.<family>`). */
export const FAMILIES = ['roles', 'version', 'workItems', 'outputOutcome', 'utilityWarranty', 'agreements'] as const;

/** One rule family. */
export type Family = (typeof FAMILIES)[number];

/** One alternative a quick fix can apply: replace [start, end) of the block by newText. */
export interface Fix {
  /** What the fix does, shown as the code action's title ("Replace with 'user'"). */
  title: string;
  start: number;
  end: number;
  newText: string;
}

/** A misuse judged in one block; offsets are relative to the block. */
export interface Finding {
  /** Stable rule code, e.g. `itil.role.customer-user`. */
  code: string;
  family: Family;
  /** The span to underline: the misused term. */
  start: number;
  end: number;
  /** One sentence that says why. */
  message: string;
  /** One fix per alternative, best first; may be empty. */
  fixes: Fix[];
  /** True when the rule applies only in documents about service management. */
  gated: boolean;
}

/** What the engine sees of one block. */
export interface BlockContext {
  /** The block's masked prose. */
  text: string;
  /** The block's sentences (may be computed on first read). */
  readonly sentences: readonly Span[];
  /** Glossary terms found in the block, in order. */
  terms: readonly TermOccurrence[];
  glossary: Glossary;
  /**
   * The block's words as the term matcher read them (for the word triggers' gate, see engine.ts), valid
   * while the block is judged; without them every word trigger pattern is run over the block.
   */
  words?: TokenBuffer;
}

/** Judges blocks of prose. Must be pure and take time linear in the block's length. */
export interface RuleEngine {
  judge(ctx: BlockContext): Finding[];
}
