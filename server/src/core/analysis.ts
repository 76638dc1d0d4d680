/**
 * Analysis of one document version: the prose model, then per block the sentences, terms and
 * findings. Block results depend only on the block's masked text, so they are reused across versions:
 * after an edit the prose model is scanned again only around the edit (see `updateProseModel`), the
 * other blocks keep their results, and of the blocks scanned again only those whose text is new are
 * judged again.
 */
import type { Glossary } from './glossary/glossary';
import { buildProseModel, updateProseModel, type ProseBlock, type ProseLanguage, type ProseModel } from './prose/proseModel';
import { splitSentences, sentenceAt, type Span } from './prose/sentences';
import type { Finding, RuleEngine } from './rules/types';
import type { TermOccurrence } from './terms/matcher';
import type { Position } from 'vscode-languageserver-types';

/** What one block yields. Offsets are relative to the block. */
export interface BlockAnalysis {
  /** Offsets where the block's lines start (the first is 0); computed on first use by `positionIn`. */
  lineStarts?: number[];
  terms: TermOccurrence[];
  findings: Finding[];
  /** Distinct ITIL (non-colloquial) entry ids among the block's terms: its evidence of a service management document. */
  anchors: readonly string[];
}

/** Documents larger than this are analysed up to this many characters only (see README, Limits). */
export const MAX_ANALYZED_CHARS = 2_000_000;

/** A whole document, analysed. */
export interface DocumentAnalysis {
  version: number;
  model: ProseModel;
  blocks: readonly BlockAnalysis[];
  /** Why part or all of the document was not analysed, if so. */
  skipped?: { reason: 'binary' | 'too-large'; analyzedChars: number };
  /** Distinct ITIL (non-colloquial) entry ids seen: evidence that the document is about service management. */
  anchorTerms: ReadonlySet<string>;
  /** The text analysed (the document, or its first MAX_ANALYZED_CHARS) and its language: the next version starts from them. */
  source?: string;
  language?: ProseLanguage;
}

/**
 * Results of blocks that edits replaced, by block text, for blocks that come back (an undo, a paragraph
 * cut and pasted, a code fence opened and closed again). Bounded: the most recently replaced are kept.
 */
export class BlockCache {
  /** Most blocks kept. */
  static readonly LIMIT = 512;
  private readonly byText = new Map<string, BlockAnalysis>();

  get(text: string): BlockAnalysis | undefined {
    return this.byText.get(text);
  }

  set(text: string, a: BlockAnalysis): void {
    this.byText.delete(text);
    this.byText.set(text, a);
    if (this.byText.size > BlockCache.LIMIT) this.byText.delete(this.byText.keys().next().value!);
  }

  get size(): number {
    return this.byText.size;
  }
}

/** Analyses documents with one glossary and rule engine. */
export class Analyzer {
  constructor(
    private readonly glossary: Glossary,
    private readonly engine: RuleEngine,
  ) {}

  /**
   * Analyses a document version. Given the analysis of an earlier version (`previous`), only the part
   * of the document an edit changed is scanned again; the other blocks' results are carried over, and a
   * block scanned again is judged only if its text is new: not among the blocks it replaces, nor in
   * `cache` (blocks replaced by earlier edits).
   */
  analyze(text: string, version: number, language: ProseLanguage, cache: BlockCache = new BlockCache(), previous?: DocumentAnalysis): DocumentAnalysis {
    let skipped: DocumentAnalysis['skipped'];
    if (looksBinary(text)) {
      return { version, model: { blocks: [], directives: [], frontMatter: undefined, lineCount: 0 }, blocks: [], skipped: { reason: 'binary', analyzedChars: 0 }, anchorTerms: new Set() };
    }
    let source = text;
    if (text.length > MAX_ANALYZED_CHARS) {
      // Cut at a line break so no block is split mid-line.
      const cut = text.lastIndexOf('\n', MAX_ANALYZED_CHARS);
      source = text.slice(0, cut > 0 ? cut : MAX_ANALYZED_CHARS);
      skipped = { reason: 'too-large', analyzedChars: source.length };
    }
    const incremental = previous?.source !== undefined && previous.language === language;
    const update = incremental ? updateProseModel(previous.model, previous.source!, source, language) : undefined;
    const model = update ? update.model : buildProseModel(source, language);
    const n = model.blocks.length;
    // Blocks [0, head) and [tail, n) are the previous version's, unchanged: their results carry over.
    const head = update ? update.head : 0;
    const tail = update ? update.tail : n;
    const blocks: BlockAnalysis[] = new Array(n);
    for (let i = 0; i < head; i++) blocks[i] = previous!.blocks[i]!;
    // The blocks the scanned part replaces: most of them come back unchanged.
    const replaced = new Map<string, BlockAnalysis>();
    if (update) for (let i = update.oldTail - 1; i >= head; i--) replaced.set(previous!.model.blocks[i]!.text, previous!.blocks[i]!);
    const lookUp = update !== undefined || cache.size > 0;
    for (let i = head; i < tail; i++) {
      const text = model.blocks[i]!.text;
      blocks[i] = (lookUp && (replaced.get(text) ?? cache.get(text))) || this.analyzeBlock(text);
    }
    for (let i = tail, from = update ? update.oldTail - tail : 0; i < n; i++) blocks[i] = previous!.blocks[i + from]!;
    // Nearest the edit last, so that those are the ones the bounded cache keeps.
    for (const [text, a] of replaced) cache.set(text, a);
    const anchors = new Set<string>();
    for (const a of blocks) for (const id of a.anchors) anchors.add(id);
    return { version, model, blocks, skipped, anchorTerms: anchors, source, language };
  }

  /**
   * Terms and findings of one block of masked prose. The block is split into sentences only when
   * something reads them: the cues of an ambiguous alias, or the rule engine when a rule applies.
   */
  analyzeBlock(text: string): BlockAnalysis {
    let sentences: Span[] | undefined;
    const sentencesOf = () => (sentences ??= splitSentences(text));
    const sentenceOf = (offset: number) => {
      const all = sentencesOf();
      const k = sentenceAt(all, offset);
      return k < 0 ? '' : text.slice(all[k]!.start, all[k]!.end);
    };
    const terms = this.glossary.matcher.find(text, sentenceOf);
    const glossary = this.glossary;
    const findings = this.engine.judge({
      text,
      get sentences() {
        return sentencesOf();
      },
      terms,
      glossary,
      words: this.glossary.matcher.lastWords,
    });
    const anchors: string[] = [];
    for (const t of terms) {
      if (t.support !== 'yes') continue;
      const e = this.glossary.get(t.entryId);
      if (e && !e.colloquial && e.vocabulary !== 'non-itil' && !anchors.includes(e.id)) anchors.push(e.id);
    }
    return { terms, findings, anchors };
  }
}

/** True for text that is not a text document: NUL bytes or many control characters near the start. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

/** Offsets where lines start in a block (CRLF, LF or CR breaks). */
export function lineStartsOf(t: string): number[] {
  const out = [0];
  if (!t.includes('\r')) {
    // Line feeds only (nearly every block): a native search per line instead of a look at every character.
    for (let k = t.indexOf('\n'); k >= 0; k = t.indexOf('\n', k + 1)) out.push(k + 1);
    return out;
  }
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 10) out.push(k + 1);
    else if (c === 13) {
      if (t.charCodeAt(k + 1) === 10) k++;
      out.push(k + 1);
    }
  }
  return out;
}

/** Position of a block-relative offset, from the block's own line starts (never from the document start). */
export function positionIn(block: ProseBlock, analysis: BlockAnalysis, offset: number): Position {
  const ls = (analysis.lineStarts ??= lineStartsOf(block.text));
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: block.line + lo, character: offset - ls[lo]! };
}

/** Index of the block containing a document offset (binary search); -1 when the offset is not in prose. */
export function blockAt(model: ProseModel, offset: number): number {
  let lo = 0;
  let hi = model.blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = model.blocks[mid]!;
    if (offset < b.start) hi = mid - 1;
    else if (offset > b.start + b.text.length) lo = mid + 1;
    else return mid;
  }
  return -1;
}
