/**
 * The language service: the one facade through which the LSP shell, the CLI and the tests use the
 * core. Pure: it takes document text and returns LSP-typed results; it keeps a per-document cache of
 * analyses keyed by version.
 */
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import { Analyzer, BlockCache, type DocumentAnalysis } from './analysis';
import { computeCodeActions } from './features/codeActions';
import { CompletionIndex, computeCompletions } from './features/completion';
import { computeDiagnostics, isServiceManagementDocument } from './features/diagnostics';
import { computeHover, termAtOffset } from './features/hover';
import { renderEntry } from './features/render';
import type { Glossary } from './glossary/glossary';
import type { ProseLanguage } from './prose/proseModel';
import { createRuleEngine } from './rules/engine';
import type { RuleEngine } from './rules/types';
import type { Settings } from './settings';
import type { EntryResult, GlossaryItem } from '../protocol';

/** The document shape the service reads (satisfied by vscode-languageserver-textdocument's TextDocument). */
export interface TextDocumentLike {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(): string;
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
  readonly lineCount: number;
}

/** Options fixed for the life of a service. */
export interface LanguageServiceOptions {
  glossary: Glossary;
  engine?: RuleEngine;
  /** Render related terms as `command:` links (VS Code). */
  commandLinks?: boolean;
}

/** Language id of a document as the prose model reads it. */
export function proseLanguage(languageId: string): ProseLanguage {
  return languageId === 'markdown' || languageId === 'mdx' ? 'markdown' : 'plaintext';
}

/** Everything a client can ask of the core. */
export class LanguageService {
  readonly glossary: Glossary;
  private readonly analyzer: Analyzer;
  private readonly completion: CompletionIndex;
  private readonly docs = new Map<string, { analysis: DocumentAnalysis; cache: BlockCache }>();
  private readonly commandLinks: boolean;

  constructor(opts: LanguageServiceOptions) {
    this.glossary = opts.glossary;
    this.analyzer = new Analyzer(opts.glossary, opts.engine ?? createRuleEngine(opts.glossary));
    this.completion = new CompletionIndex(opts.glossary);
    this.commandLinks = opts.commandLinks ?? false;
  }

  /** The analysis of a document version (cached; blocks reused from earlier versions). */
  analyze(doc: TextDocumentLike): DocumentAnalysis {
    const held = this.docs.get(doc.uri);
    if (held && held.analysis.version === doc.version) return held.analysis;
    const cache = held?.cache ?? new BlockCache();
    const analysis = this.analyzer.analyze(doc.getText(), doc.version, proseLanguage(doc.languageId), cache, held?.analysis);
    this.docs.set(doc.uri, { analysis, cache });
    return analysis;
  }

  /** Drops what is cached for a closed document. */
  forget(uri: string): void {
    this.docs.delete(uri);
  }

  /** Misuse diagnostics. */
  diagnostics(doc: TextDocumentLike, settings: Settings): Diagnostic[] {
    return computeDiagnostics(this.analyze(doc), settings);
  }

  /** Hover at a position, or null. */
  hover(doc: TextDocumentLike, position: Position, settings: Settings): Hover | null {
    const offset = this.offsetIn(doc, position);
    if (offset === undefined) return null;
    const a = this.analyze(doc);
    return computeHover(a, offset, this.glossary, isServiceManagementDocument(a, settings), { commandLinks: this.commandLinks });
  }

  /** Completions at a position. */
  completions(doc: TextDocumentLike, position: Position): CompletionList {
    const offset = this.offsetIn(doc, position);
    if (offset === undefined) return { isIncomplete: false, items: [] };
    return computeCompletions(this.analyze(doc), offset, doc.getText(), this.completion);
  }

  /** Adds documentation to a completion item. */
  resolveCompletion(item: CompletionItem): CompletionItem {
    return this.completion.resolve(item, { commandLinks: this.commandLinks });
  }

  /** Quick fixes for the diagnostics in a range. */
  codeActions(doc: TextDocumentLike, _range: Range, context: readonly Diagnostic[], settings: Settings): CodeAction[] {
    const a = this.analyze(doc);
    return computeCodeActions(doc.uri, context, computeDiagnostics(a, settings), a.model);
  }

  /** The entry id of the term at a position, if any. */
  termAt(doc: TextDocumentLike, position: Position, settings: Settings): string | undefined {
    const offset = this.offsetIn(doc, position);
    if (offset === undefined) return undefined;
    const a = this.analyze(doc);
    return termAtOffset(a, offset, isServiceManagementDocument(a, settings))?.term.entryId;
  }

  /** Every entry, for glossary search. */
  glossaryItems(): GlossaryItem[] {
    return this.glossary.entries.map((e) => ({
      id: e.id,
      term: e.term,
      aliases: (e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
      category: e.category,
      status: e.status,
      vocabulary: e.vocabulary,
      definition: e.definition,
      related: e.related ?? [],
      replacedBy: e.replacedBy ?? [],
    }));
  }

  /** One entry rendered in full. */
  entry(id: string): EntryResult {
    const e = this.glossary.get(id);
    if (!e) return null;
    const related = [...(e.related ?? []), ...(e.replacedBy ?? [])]
      .map((r) => this.glossary.get(r))
      .filter((x) => !!x)
      .map((x) => ({ id: x!.id, term: x!.term }));
    return { id: e.id, term: e.term, markdown: renderEntry(e, this.glossary, { commandLinks: this.commandLinks }), related };
  }

  /** A position's offset, or undefined when the position is outside the document. */
  private offsetIn(doc: TextDocumentLike, p: Position): number | undefined {
    if (!p || p.line < 0 || p.character < 0 || p.line >= doc.lineCount) return undefined;
    return doc.offsetAt(p);
  }
}
