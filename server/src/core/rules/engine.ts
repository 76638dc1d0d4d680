/**
 * The rule engine: judges one block of prose against the misuse rules held as data in
 * `glossary/rules/` (compiled once per glossary, see data.ts). A rule fires on a trigger (a glossary
 * term occurrence from the matcher, or a word pattern) when its context cues hold within the trigger's
 * clause or sentence and no exception does.
 *
 * Bounded work: sentences are at most MAX_SENTENCE characters; cues after a trigger are anchored
 * there, cues before it look at a bounded reach, and clause or sentence cues are evaluated once per
 * window and rule. So a block costs time linear in its length whatever it repeats.
 */
import type { Glossary } from '../glossary/glossary';
import { isAbbreviation } from '../glossary/check';
import { endsAtPipe, endsWithSemicolon, endsWithQuestion, MAX_SENTENCE, sentenceAt, splitClauses, Span } from '../prose/sentences';
import { indefiniteArticle, matchCase, pluralize } from '../text/inflect';
import { hashRange, wordKey, type TermOccurrence, type TokenBuffer } from '../terms/matcher';
import { compileRules, DEFINES_SUBJECT, type CompiledCue, type CompiledRule, type CompiledSuggestion } from './data';
import { anchorWord, LiteralIndex, requiredLiterals, type LiteralHits } from './prefilter';
import { cutPattern, execCut, pieceSources, splitAlternation, type CutPattern, type Split } from './split';
import type { BlockContext, Finding, Fix, RuleEngine } from './types';

/** A trigger found in the block. */
class Trigger {
  constructor(
    public start: number,
    /** End of the words, before any possessive 's. */
    public end: number,
    public text: string,
    public plural: boolean,
    /** 'maybe' for an ambiguous alias the sentence does not settle (the document's scope decides). */
    public support: 'yes' | 'maybe',
    /** The glossary entry, for term triggers (undefined for word triggers). A class, so the judge sees one object shape (see `Span` in prose/sentences.ts). */
    public entryId: string | undefined,
  ) {}
}

/** Family order when two findings would overlap: the more specific families first, v3 wording last. */
const FAMILY_RANK: Record<string, number> = { agreements: 0, workItems: 1, utilityWarranty: 2, outputOutcome: 3, roles: 4, version: 5 };

/** Builds the engine for a glossary (its entries and its rules). */
export function createRuleEngine(glossary: Glossary): RuleEngine {
  const rules = compileRules(glossary);
  return createEngineFromRules(rules, glossary.prefilters ?? prefilterTable(rules, glossary), glossary.splits ?? splitTable(rules, glossary));
}

/** The words the rules fire on (every form of every trigger term), lower case. */
function triggerWords(rules: readonly CompiledRule[], glossary: Glossary): string[] {
  const words = new Set<string>();
  for (const r of rules) {
    for (const id of r.termIds) {
      const e = glossary.get(id);
      if (!e) continue;
      words.add(e.term.toLowerCase());
      for (const a of e.aliases ?? []) words.add((typeof a === 'string' ? a : a.text).toLowerCase());
    }
  }
  return [...words];
}

/** Every pattern of the rules that the engine runs under a prefilter. */
function filteredPatterns(rules: readonly CompiledRule[]): RegExp[] {
  const out: RegExp[] = [];
  for (const r of rules) {
    for (const c of [...r.any, ...r.all, ...r.exceptions]) {
      out.push(c.re);
      if (c.unless) out.push(c.unless);
    }
    if (r.defines) out.push(r.defines);
  }
  return out;
}

/**
 * The split table the build stores in the compiled glossary (`splits`): per long pattern, where it is split
 * into pieces and each piece's literal prefilter (see split.ts).
 */
export function splitTable(rules: readonly CompiledRule[], glossary?: Glossary): Record<string, Split> {
  const triggers = glossary ? triggerWords(rules, glossary) : [];
  const table: Record<string, Split> = {};
  for (const re of filteredPatterns(rules)) {
    const key = patternKey(re);
    if (key in table) continue;
    const split = splitAlternation(re);
    if (!split) continue;
    split.literals = pieceSources(re.source, split).map((source) => requiredLiterals(new RegExp(source, re.flags), triggers));
    table[key] = split;
  }
  return table;
}

/** The prefilter table the build stores in the compiled glossary (`prefilters`), for these rules. */
export function prefilterTable(rules: readonly CompiledRule[], glossary: Glossary): Record<string, string[][] | null> {
  const triggers = triggerWords(rules, glossary);
  const table: Record<string, string[][] | null> = {};
  for (const re of filteredPatterns(rules)) table[patternKey(re)] ??= requiredLiterals(re, triggers);
  return table;
}

/** How `re` is run when it is cut into pieces (see split.ts), with the pieces' prefilters when the table has them. */
function cutOf(re: RegExp, splits: Readonly<Record<string, Split>>): { cut: CutPattern; literals: readonly (string[][] | null)[] | undefined } | undefined {
  const split = splits[patternKey(re)];
  if (!split) return undefined;
  try {
    return { cut: cutPattern(re, split), literals: split.literals };
  } catch {
    // A table that does not fit the pattern (edited by hand): the pattern runs whole, as it always may.
    return undefined;
  }
}

/**
 * Builds an engine from compiled rules (exported for tests that judge one rule). `table` holds
 * precomputed prefilters and `splits` the pieces of long patterns; what they lack is derived here.
 */
export function createEngineFromRules(
  rules: readonly CompiledRule[],
  table?: Readonly<Record<string, string[][] | null>>,
  splits: Readonly<Record<string, Split>> = splitTable(rules),
): RuleEngine {
  const byTerm = new Map<string, CompiledRule[]>();
  const wordRules: { rule: CompiledRule; re: RegExp }[] = [];
  const filters = new Prefilters(table);
  for (const re of filteredPatterns(rules)) filters.register(re, cutOf(re, splits));
  for (const r of rules) {
    for (const id of r.termIds) {
      const list = byTerm.get(id);
      if (list) list.push(r);
      else byTerm.set(id, [r]);
    }
    if (r.words) wordRules.push({ rule: r, re: new RegExp(r.words.source, r.words.flags.includes('g') ? r.words.flags : r.words.flags + 'g') });
  }
  const anyWord = unionOf(wordRules.map((w) => w.re));
  const gate = wordGate(wordRules.map((w) => w.re));
  return {
    judge(ctx: BlockContext): Finding[] {
      // Rules triggered by words rather than glossary terms: one search for all their patterns at once
      // rules out nearly every block (a leftmost match of any of them is a match of the union), and only
      // a block it finds something in runs each pattern over the block. Before that search, the block's
      // words (read by the term matcher already) rule out most blocks for less (see `wordGate`).
      let words: { rule: CompiledRule; m: RegExpExecArray }[] | undefined;
      if (anyWord) anyWord.lastIndex = 0;
      if (!anyWord || ((!gate || !ctx.words || gate(ctx.words, ctx.text)) && anyWord.test(ctx.text))) for (const w of wordRules) {
        w.re.lastIndex = 0;
        for (let m; (m = w.re.exec(ctx.text)); ) {
          if (!m[0].length) { w.re.lastIndex++; continue; }
          (words ??= []).push({ rule: w.rule, m });
        }
      }
      // A block with neither a glossary term nor a word trigger can raise nothing.
      if (!ctx.terms.length && !words) return [];
      const judge = new BlockJudge(ctx, filters);
      const found: Finding[] = [];
      for (const t of ctx.terms) {
        const list = byTerm.get(t.entryId);
        if (!list) continue;
        const trig = fromOccurrence(t);
        for (const r of list) {
          const f = judge.apply(r, trig);
          if (f) found.push(f);
        }
      }
      for (const { rule: r, m } of words ?? []) {
        const start = m.index;
        const end = start + m[0].length;
        // A trigger lies within one sentence, as the rule's cues read it.
        const k = sentenceAt(ctx.sentences, start);
        if (k < 0 || end > ctx.sentences[k]!.end) continue;
        if (insideLongerTerm(ctx.terms, start, end, r.termIds)) continue;
        const f = judge.apply(r, new Trigger(start, end, m[0], /s$/i.test(m[0]) && !/ss$/i.test(m[0]), 'yes', undefined));
        if (f) found.push(f);
      }
      return dropOverlaps(found);
    },
  };
}

/** True for an ASCII letter or digit (a word character for `\\b`, other than the underscore). */
function asciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/**
 * A test on a block's words that is true wherever one of `patterns` can match, or undefined when one of
 * them has no word it needs as a word of its own (then every block is searched).
 *
 * For each pattern, `anchorWord` finds a word its matches hold with a non-word character (or the text's
 * edge) on each side ("\\bservice transition\\b": transition). The term matcher's tokenizer (tokenizeInto)
 * reads such letters as one word of their own, whose key is the word's, unless a letter outside ASCII
 * touches them (the word then has key -1) or a joiner & ' ’ does (the word is marked joined). So the test
 * passes a block that has one of those words, or a word with key -1 or joined in which a run of ASCII
 * letters and digits is one of them.
 */
export function wordGate(patterns: readonly RegExp[]): ((words: TokenBuffer, text: string) => boolean) | undefined {
  if (!patterns.length) return undefined;
  const keys = new Set<number>();
  for (const re of patterns) {
    const forms = anchorWord(re);
    if (!forms) return undefined;
    for (const f of forms) keys.add(wordKey(f));
  }
  return (words, text) => {
    const { key, joined, start, end, length } = words;
    for (let i = 0; i < length; i++) {
      if (keys.has(key[i]!)) return true;
      if (key[i] !== -1 && joined[i] === 0) continue;
      // A word with letters outside ASCII or a joiner: each run of ASCII letters and digits in it is a
      // word for `\b`, and is checked on its own.
      for (let k = start[i]!, e = end[i]!; k < e; ) {
        while (k < e && !asciiAlnum(text.charCodeAt(k))) k++;
        const from = k;
        while (k < e && asciiAlnum(text.charCodeAt(k))) k++;
        if (k > from && keys.has(hashRange(text, from, k))) return true;
      }
    }
    return false;
  };
}

/**
 * One pattern matching wherever one of `patterns` does (their union), or undefined when they cannot be
 * joined: different flags, or group names that would clash. Without the sticky flag, so it searches.
 */
function unionOf(patterns: readonly RegExp[]): RegExp | undefined {
  if (!patterns.length) return undefined;
  const flags = patterns[0]!.flags.replace('y', '');
  if (patterns.some((p) => p.flags.replace('y', '') !== flags) || patterns.some((p) => /\(\?</.test(p.source.replace(/\(\?<[=!]/g, '')))) return undefined;
  try {
    return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), flags);
  } catch {
    return undefined;
  }
}

function fromOccurrence(t: TermOccurrence): Trigger {
  let end = t.end;
  let text = t.text;
  const poss = /['’]s$/i.exec(text);
  if (poss) {
    end -= 2;
    text = text.slice(0, -2);
  }
  return new Trigger(t.start, end, text, t.plural, t.support === 'maybe' ? 'maybe' : 'yes', t.entryId);
}

/** True when [start, end) lies inside a term occurrence that is longer and not one of the rule's own terms. */
function insideLongerTerm(terms: readonly TermOccurrence[], start: number, end: number, own: readonly string[]): boolean {
  // Terms are sorted by start; binary search for the last one starting at or before `start`.
  let lo = 0;
  let hi = terms.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]!.start <= start) { k = mid; lo = mid + 1; } else hi = mid - 1;
  }
  for (let i = k; i >= 0 && i > k - 4; i--) {
    const t = terms[i]!;
    if (t.end <= start) break;
    if (t.start <= start && t.end >= end && t.end - t.start > end - start && !own.includes(t.entryId)) return true;
  }
  return false;
}

/**
 * Keeps the first finding of each overlapping group, by family rank then position. The kept spans are
 * disjoint and held sorted, so each candidate is checked against its two neighbours only.
 */
function dropOverlaps(found: Finding[]): Finding[] {
  if (found.length < 2) return found;
  const ranked = [...found].sort((a, b) => (FAMILY_RANK[a.family]! - FAMILY_RANK[b.family]!) || a.start - b.start);
  const starts: number[] = [];
  const ends: number[] = [];
  const kept: Finding[] = [];
  for (const f of ranked) {
    let s = f.start;
    let e = f.end;
    for (const x of f.fixes) { s = Math.min(s, x.start); e = Math.max(e, x.end); }
    // First kept span starting at or after s.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    if (lo < starts.length && starts[lo]! < e) continue;
    if (lo > 0 && ends[lo - 1]! > s) continue;
    starts.splice(lo, 0, s);
    ends.splice(lo, 0, e);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function patternKey(re: RegExp): string {
  return `${re.flags}/${re.source}`;
}

/**
 * The rules' regular expressions with a literal prefilter (see prefilter.ts), in one multi-literal index:
 * a sentence is scanned once, and a pattern none of whose literals occur in it is not run there.
 */
class Prefilters {
  readonly index = new LiteralIndex();
  /** Per pattern: the ids of its literal sets, each of which must occur. */
  private readonly ids = new Map<RegExp, number[]>();
  private readonly byLiterals = new Map<string, number>();
  /** The patterns that are cut into pieces (see split.ts). */
  private readonly cuts = new Map<RegExp, CutPattern>();

  constructor(private readonly table?: Readonly<Record<string, string[][] | null>>) {}

  /** Registers `re`'s prefilter, and the pieces it is run as (each with its own prefilter) when it is split. */
  register(re: RegExp, cut?: { cut: CutPattern; literals: readonly (string[][] | null)[] | undefined }, literals?: string[][] | null): void {
    if (this.ids.has(re) || this.cuts.has(re)) return;
    if (cut) {
      this.cuts.set(re, cut.cut);
      cut.cut.pieces.forEach((p, i) => this.register(p, undefined, cut.literals?.[i]));
    }
    const known = literals !== undefined ? literals : this.table?.[patternKey(re)];
    const sets = known !== undefined ? known : requiredLiterals(re);
    if (!sets) return;
    const ids = sets.map((literals) => {
      const key = literals.join('\u0000');
      let id = this.byLiterals.get(key);
      if (id === undefined) {
        id = this.index.add(literals);
        this.byLiterals.set(key, id);
      }
      return id;
    });
    this.ids.set(re, ids);
  }

  /** The result of the last scan, shared by every judge of this engine (judging is synchronous). */
  get hits(): LiteralHits {
    return (this.sharedHits ??= this.index.hits());
  }

  private sharedHits: LiteralHits | undefined;

  idsOf(re: RegExp): number[] | undefined {
    return this.ids.get(re);
  }

  cutOf(re: RegExp): CutPattern | undefined {
    return this.cuts.get(re);
  }
}

/** Judges triggers in one block, caching windows and window-wide cue results. */
class BlockJudge {
  private readonly clauses = new Map<number, Span[]>();
  /**
   * Results of window-wide cues, per span (start and end packed in one number), then per regex. Spans
   * first: a block has a few spans but may try thousands of cues, and most are tried once (on the 1 MB
   * benchmark document seven in eight look-ups miss), so a map per regex was mostly allocation.
   */
  private readonly cueCache = new Map<number, Map<RegExp, RegExpExecArray | null>>();

  /** `re` run over a span of the block (see `run`), once per block. */
  spanExec(re: RegExp, span: Span, sentence?: Span): RegExpExecArray | null {
    const key = span.start * 8_388_608 + span.end;
    let bySpan = this.cueCache.get(key);
    if (!bySpan) {
      bySpan = new Map();
      this.cueCache.set(key, bySpan);
    }
    let hit = bySpan.get(re);
    if (hit === undefined) {
      hit = this.run(re, span.start, span.end, sentence);
      bySpan.set(re, hit);
    }
    return hit;
  }

  /**
   * The first match of `re` in the block's text [from, to). With `sentence` (which must hold that range),
   * the literal prefilter rules out patterns that cannot match there. A pattern cut into pieces (split.ts)
   * runs them first, each under its own prefilter: exact pieces give its match (the leftmost of theirs, the
   * earliest piece on a tie); gates that all fail rule it out, else it runs whole.
   */
  run(re: RegExp, from: number, to: number, sentence?: Span): RegExpExecArray | null {
    if (sentence && !this.possible(re, sentence, from, to)) return null;
    const subject = this.ctx.text.slice(from, to);
    const cut = this.filters.cutOf(re);
    if (!cut) return re.exec(subject);
    return execCut(cut, subject, sentence && ((p) => this.possible(p, sentence, from, to)));
  }

  /** Where the literal sets occur in the sentence scanned last (triggers come in text order, so one suffices). */
  /** The sentence (start and end packed in one number) and scan number of the engine's shared hits, when they are this judge's. */
  private hitsKey = -1;
  private hitsScan = -1;

  constructor(
    private readonly ctx: BlockContext,
    private readonly filters: Prefilters,
  ) {}

  /**
   * False when `re` cannot match inside [from, to) of `sentence` (block offsets; the whole sentence by
   * default): for one of its prefilter's sets, no literal starts at or after `from`, or none ends by `to`.
   */
  possible(re: RegExp, sentence: Span, from = sentence.start, to = sentence.end): boolean {
    const ids = this.filters.idsOf(re);
    if (ids === undefined) return true;
    const key = sentence.start * 8_388_608 + sentence.end;
    const hits = this.filters.hits;
    if (key !== this.hitsKey || hits.scan !== this.hitsScan) {
      this.filters.index.scan(this.ctx.text, sentence.start, sentence.end, hits);
      this.hitsKey = key;
      this.hitsScan = hits.scan;
    }
    const a = from - sentence.start;
    const b = to - sentence.start;
    for (const id of ids) if (!hits.within(id, a, b)) return false;
    return true;
  }

  private sentenceSpan(offset: number): Span {
    const k = sentenceAt(this.ctx.sentences, offset);
    return k < 0 ? new Span(0, this.ctx.text.length) : this.ctx.sentences[k]!;
  }

  /**
   * The sentence at `offset` with the sentences joined to it by semicolons or by the pipes of a record line
   * ("Owner: Finance | Role: user | Responsibility: approves the budget"), at most three on each side
   * (bounded work): "the head of sales is the user of the CRM; she set its targets" is one statement. A
   * question and the sentence that answers it are one statement too ("Who is the customer of the app? The
   * operators, who read its alerts every shift."): a passage that ends with a question takes the next
   * sentence, and one that follows a question takes that question (one sentence each way). A passage never
   * grows past MAX_SENTENCE characters.
   */
  private passageSpan(offset: number): Span {
    const list = this.ctx.sentences;
    const text = this.ctx.text;
    const k = sentenceAt(list, offset);
    if (k < 0) return new Span(0, text.length);
    let a = k;
    let b = k;
    // A sentence joins only while the passage stays within MAX_SENTENCE characters (bounded work, as for a
    // sentence): the tests after each `&&` below ("fits back", "fits on").
    while (a > 0 && k - a < 3 && joinsNext(text, list[a - 1]!) && list[b]!.end - list[a - 1]!.start <= MAX_SENTENCE) a--;
    while (b < list.length - 1 && b - k < 3 && joinsNext(text, list[b]!) && list[b + 1]!.end - list[a]!.start <= MAX_SENTENCE) b++;
    if (b < list.length - 1 && endsWithQuestion(text, list[b]!) && list[b + 1]!.end - list[a]!.start <= MAX_SENTENCE) b++;
    if (a > 0 && endsWithQuestion(text, list[a - 1]!) && list[b]!.end - list[a - 1]!.start <= MAX_SENTENCE) a--;
    return a === b ? list[k]! : new Span(list[a]!.start, list[b]!.end);
  }

  private clauseSpan(sentence: Span, offset: number): Span {
    let list = this.clauses.get(sentence.start);
    if (!list) {
      list = splitClauses(this.ctx.text, sentence.start, sentence.end);
      this.clauses.set(sentence.start, list);
    }
    for (const c of list) if (offset >= c.start && offset < c.end) return c;
    return sentence;
  }

  /** The trigger being judged and its spans, for `test` (set by `apply`; judging is synchronous). */
  private t!: Trigger;
  private sentence!: Span;
  private clause!: Span;
  private win!: Span;
  private passage: Span | undefined;

  /** `re` run over a span, unless the literal prefilter rules it out there (it knows the trigger's sentence only, so a passage beyond it is run directly). */
  private spanRun(re: RegExp, span: Span): RegExpExecArray | null {
    const sentence = this.sentence;
    return this.spanExec(re, span, span.start < sentence.start || span.end > sentence.end ? undefined : sentence);
  }

  private spanOf(kind: CompiledCue['kind']): Span {
    return kind === 'clause' ? this.clause : kind === 'sentence' ? this.sentence : kind === 'passage' ? (this.passage ??= this.passageSpan(this.t.start)) : this.win;
  }

  /** Cue `c` at the current trigger: its hit, unless its own `unless` vetoes it. */
  private test(c: CompiledCue): RegExpExecArray | null {
    const hit = this.testCue(c);
    if (hit && c.unless && this.spanRun(c.unless, this.spanOf(c.unlessIn ?? c.kind))) return null;
    return hit;
  }

  private testCue(c: CompiledCue): RegExpExecArray | null {
    const t = this.t;
    switch (c.kind) {
      case 'after':
        return this.run(c.re, t.end, Math.max(t.end, this.win.end), this.sentence);
      case 'before':
        return this.run(c.re, Math.max(this.win.start, t.start - c.reach), t.start, this.sentence);
      case 'clause':
      case 'sentence':
      case 'passage':
        return this.spanRun(c.re, this.spanOf(c.kind));
    }
  }

  /** The finding of rule `r` at trigger `t`, or undefined. */
  apply(r: CompiledRule, trigger: Trigger): Finding | undefined {
    let t = trigger;
    const text = this.ctx.text;
    const sentence = this.sentenceSpan(t.start);
    const clause = this.clauseSpan(sentence, t.start);
    if (r.triggerText && !r.triggerText.test(t.text)) return undefined;
    // An abbreviation in brackets right after other words is being defined as something else
    // ("Service Objectives (SO)"); had it been the v3 term, the words before it are flagged.
    if (r.family === 'version' && /^[A-Z]{2,}s?$/.test(t.text) && text[t.start - 1] === '(' && text[t.end] === ')') return undefined;
    this.t = t;
    this.sentence = sentence;
    this.clause = clause;
    this.win = r.within === 'clause' ? clause : sentence;
    this.passage = undefined;
    let cue = '';
    // A definitional swap decides on its own ("warranty means fit for purpose").
    const defined =
      r.defines && this.possible(r.defines, sentence, t.end) && DEFINES_SUBJECT.test(text.slice(Math.max(sentence.start, t.start - 60), t.start))
        ? this.run(r.defines, t.end, Math.max(t.end, sentence.end))
        : null;
    if (defined) cue = cueText(defined);
    // A rule that only knows definitional swaps fires on nothing else.
    else if (r.defines && !r.any.length && !r.all.length) return undefined;
    else {
      // Every `all` cue first: each is required, and they are usually narrow, so most triggers are ruled
      // out before the `any` alternatives (often sentence-wide vocabularies) run. The cue quoted in the
      // message is the `any` hit when there is one, else the first `all` hit, as if `any` ran first.
      let firstAll = '';
      for (const c of r.all) {
        const hit = this.test(c);
        if (!hit) return undefined;
        if (!firstAll) firstAll = cueText(hit);
      }
      if (r.any.length) {
        let hit: RegExpExecArray | null = null;
        for (const c of r.any) if ((hit = this.test(c))) break;
        if (!hit) return undefined;
        cue = cueText(hit);
      } else cue = firstAll;
    }
    if (!defined) for (const c of r.exceptions) if (this.test(c)) return undefined;

    let gated = r.gated || t.support === 'maybe';
    if (gated && r.ungateIf && t.support === 'yes' && r.ungateIf.test(text.slice(sentence.start, sentence.end))) gated = false;
    // A misused word inside a longer term ("external customers supply the circuits"): underline and
    // replace only that word, so the fix keeps the rest ("external suppliers").
    if (r.narrow) t = narrowTrigger(r.narrow, t);
    const own = r.suggestions.filter((s) => s.forTerm !== undefined && s.forTerm === t.entryId);
    const offered = own.length ? own : r.suggestions.filter((s) => s.forTerm === undefined);
    const fixes = offered.map((s) => suggestionFix(text, t, s));
    // The underline may be narrower than what the fix replaces ("technical management function":
    // writers point at "technical management", the fix replaces the whole phrase).
    const shown = r.underline ? narrowTrigger(r.underline, t) : t;
    const first = fixes[0] ? stripArticle(fixes[0].newText) : '';
    const message = r.message
      .replace(/\{term\}/g, t.text)
      .replace(/\{cue\}/g, cue || t.text)
      .replace(/\{suggestion\}/g, first || (offered[0]?.words ?? ''));
    return { code: r.code, family: r.family, start: shown.start, end: shown.end, message, fixes, gated };
  }
}

/** True when sentence `s` runs on into the next one of its passage: it ends with a semicolon, or a record line's pipe follows it. */
function joinsNext(text: string, s: Span): boolean {
  return endsWithSemicolon(text, s) || endsAtPipe(text, s);
}

/** The trigger reduced to the last match of `re` inside it that starts a word; unchanged when there is none or it is the whole. */
const GLOBAL = new WeakMap<RegExp, RegExp>();

function narrowTrigger(re: RegExp, t: Trigger): Trigger {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  g.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m; (m = g.exec(t.text)); ) {
    if (!m[0].length) { g.lastIndex++; continue; }
    if (m.index === 0 || !/[\p{L}\p{N}]/u.test(t.text[m.index - 1]!)) last = m;
  }
  if (!last || last[0].length === t.text.length) return t;
  const start = t.start + last.index;
  return new Trigger(start, start + last[0].length, last[0], t.plural, t.support, t.entryId);
}

/** The words that decided: a named group `cue` if the data gives one, else the whole cue. */
function cueText(hit: RegExpExecArray): string {
  return (hit.groups?.cue ?? hit[1] ?? hit[0]).trim().replace(/\s+/g, ' ');
}

function stripArticle(s: string): string {
  return s.replace(/^(?:an?|An?|AN?)\s+/, '');
}

/** The replacement for a trigger, in its case and number; an abbreviation for an abbreviation. */
export function replacementFor(original: string, plural: boolean, s: CompiledSuggestion): string {
  const bare = plural && /s$/.test(original) ? original.slice(0, -1) : original;
  // Short all-capital words are abbreviations (SLA, OLA); a shouted word (UTILITY) keeps its case instead.
  if (isAbbreviation(bare) && /[A-Z]{2}/.test(bare) && bare.length <= 5) {
    if (s.abbreviation) return plural ? s.abbreviation + 's' : s.abbreviation;
    // Words for an abbreviation: keep them lower case, as written in running text.
    return plural ? pluralize(s.words) : s.words;
  }
  return matchCase(original, plural ? pluralize(s.words) : s.words);
}

function suggestionFix(text: string, t: Trigger, s: CompiledSuggestion): Fix {
  let replacement = replacementFor(t.text, t.plural, s);
  // "ITIL functions" -> "ITIL practices": keep the framework's name when the replacement drops it.
  const itil = /^ITIL\s+/.exec(t.text);
  if (itil && !/^ITIL\b/i.test(replacement)) replacement = itil[0] + replacementFor(t.text.slice(itil[0].length), t.plural, s);
  return articleFix(text, t.start, t.end, replacement, `Replace with '${replacement}'`);
}

/**
 * A fix replacing [start, end) with `replacement`, adjusting an indefinite article right before the term
 * ("an incident" -> "a service request"). The edit covers the article only when it must change.
 */
export function articleFix(text: string, start: number, end: number, replacement: string, title: string): Fix {
  const before = /(?:^|[^\p{L}\p{N}])(an?|An?|AN?)([ \t]+)$/u.exec(text.slice(Math.max(0, start - 6), start));
  if (before) {
    const wanted = indefiniteArticle(replacement);
    const have = before[1]!;
    if (have.toLowerCase() !== wanted) {
      const article = have === have.toUpperCase() && have.length > 1 ? wanted.toUpperCase() : have[0] === 'A' ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted;
      const articleStart = start - before[1]!.length - before[2]!.length;
      return { title, start: articleStart, end, newText: article + before[2] + replacement };
    }
  }
  return { title, start, end, newText: replacement };
}

