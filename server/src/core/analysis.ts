/**
 * Analysis of one document version: the prose model, then per block the sentences, terms and
 * findings. Block results depend only on the block's masked text, so they are cached by that text
 * and reused across versions: after an edit only the blocks whose text changed are judged again.
 */
import type { Glossary } from './glossary/glossary';
import { buildProseModel, type ProseBlock, type ProseLanguage, type ProseModel } from './prose/proseModel';
import { splitSentences, sentenceAt, type Span } from './prose/sentences';
import type { Finding, RuleEngine } from './rules/types';
import { tokenize, type TermOccurrence } from './terms/matcher';
import type { Position } from 'vscode-languageserver-types';

/** What one block yields. Offsets are relative to the block. */
export interface BlockAnalysis {
  /** Offsets where the block's lines start (the first is 0). */
  lineStarts: number[];
  sentences: Span[];
  terms: TermOccurrence[];
  findings: Finding[];
}

/** Documents larger than this are analysed up to this many characters only (see README, Limits). */
export const MAX_ANALYZED_CHARS = 4_000_000;

/** A whole document, analysed. */
export interface DocumentAnalysis {
  version: number;
  model: ProseModel;
  blocks: readonly BlockAnalysis[];
  /** Why part or all of the document was not analysed, if so. */
  skipped?: { reason: 'binary' | 'too-large'; analyzedChars: number };
  /** Distinct ITIL (non-colloquial) entry ids seen: evidence that the document is about service management. */
  anchorTerms: ReadonlySet<string>;
}

/** Reuses block results across versions of one document. */
export class BlockCache {
  private current = new Map<string, BlockAnalysis>();
  private next = new Map<string, BlockAnalysis>();

  get(text: string): BlockAnalysis | undefined {
    const hit = this.current.get(text) ?? this.next.get(text);
    if (hit) this.next.set(text, hit);
    return hit;
  }

  set(text: string, a: BlockAnalysis): void {
    this.next.set(text, a);
  }

  /** Ends a pass: blocks not used in this version are dropped. */
  rotate(): void {
    this.current = this.next;
    this.next = new Map();
  }
}

/** Analyses documents with one glossary and rule engine. */
export class Analyzer {
  constructor(
    private readonly glossary: Glossary,
    private readonly engine: RuleEngine,
  ) {}

  /** Analyses a document version, reusing what `cache` holds from earlier versions. */
  analyze(text: string, version: number, language: ProseLanguage, cache: BlockCache = new BlockCache()): DocumentAnalysis {
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
    const model = buildProseModel(source, language);
    const blocks: BlockAnalysis[] = new Array(model.blocks.length);
    const anchors = new Set<string>();
    for (let i = 0; i < model.blocks.length; i++) {
      const b = model.blocks[i]!;
      let a = cache.get(b.text);
      if (!a) {
        a = this.analyzeBlock(b.text);
        cache.set(b.text, a);
      }
      blocks[i] = a;
      for (const t of a.terms) {
        if (t.support !== 'yes') continue;
        const e = this.glossary.get(t.entryId);
        if (e && !e.colloquial && e.vocabulary !== 'non-itil') anchors.add(e.id);
      }
    }
    cache.rotate();
    return { version, model, blocks, skipped, anchorTerms: anchors };
  }

  /** Sentences, terms and findings of one block of masked prose. */
  analyzeBlock(text: string): BlockAnalysis {
    const sentences = splitSentences(text);
    const sentenceOf = (offset: number) => {
      const k = sentenceAt(sentences, offset);
      return k < 0 ? '' : text.slice(sentences[k]!.start, sentences[k]!.end);
    };
    const terms = this.glossary.matcher.find(text, tokenize(text), sentenceOf);
    const findings = this.engine.judge({ text, sentences, terms, glossary: this.glossary });
    return { lineStarts: lineStartsOf(text), sentences, terms, findings };
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
  const ls = analysis.lineStarts;
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
