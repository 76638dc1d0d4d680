/**
 * Rule data as written in `glossary/rules/*.json` (see `glossary/schema/rules.schema.json`), and its
 * compilation into regular expressions, once per glossary. The version family is completed from the
 * glossary: every deprecated entry gets a rule, refined by the data where a rule names it as trigger.
 */
import { isAbbreviation, regexProblem } from '../glossary/check';
import type { Glossary } from '../glossary/glossary';
import type { GlossaryProblem, TermEntry } from '../glossary/types';
import { FAMILIES, type Family } from './types';
import { VOCABULARY_REFERENCE } from './vocabulary';

/** One context condition as written. */
export interface CueData {
  after?: string;
  before?: string;
  clause?: string;
  sentence?: string;
  /** Anywhere in the trigger's sentence or the sentences joined to it by semicolons ("is the user of X; she set its targets"). */
  passage?: string;
  gap?: number;
  /** The cue does not count when this occurs in its span (clause, sentence, or the rule's window for after/before). */
  unless?: string;
  /** Where `unless` looks instead of the cue's own span. */
  unlessIn?: 'clause' | 'sentence' | 'passage';
  /** Match the cue with case (for capitalised names: "an OLA with Cygnet Marine"); cues ignore case by default. */
  caseSensitive?: boolean;
}

/** One alternative as written. */
export interface SuggestionData {
  term?: string;
  text?: string;
  abbreviation?: string;
  /** Offer this alternative only when the trigger is this glossary entry (e.g. 'utility requirements' -> 'warranty requirements'). */
  forTerm?: string;
}

/** One example sentence of a rule. */
export interface ExampleData {
  text: string;
  term?: string;
  suggestion?: string;
}

/** One rule as written (plus the `file` the build adds). */
export interface RuleData {
  code: string;
  family: Family;
  summary?: string;
  /** `text`: a pattern the trigger's own words must match in full (e.g. to skip an alias such as "fit for use"). */
  trigger: { terms?: string[]; words?: string; text?: string; narrow?: string; underline?: string };
  within?: 'clause' | 'sentence';
  context?: { any?: CueData[]; all?: CueData[] };
  exceptions?: CueData[];
  suggest?: SuggestionData[];
  message?: string;
  gated?: boolean;
  ungateIf?: string;
  /**
   * A definitional swap: what follows "TRIGGER is/means/refers to/=/:" when the trigger is defined with
   * another term's definition ("warranty means fit for purpose"). Decides on its own: context and
   * exceptions are not consulted, since the definition is the evidence.
   */
  defines?: string;
  examples: { bad: ExampleData[]; good: string[] };
  file?: string;
}

/** A cue, compiled: `re` is run on the window and yields the cue text as group 1. */
export interface CompiledCue {
  kind: 'after' | 'before' | 'clause' | 'sentence' | 'passage';
  re: RegExp;
  /** For before cues: how many characters before the trigger to look at (bounded work). */
  reach: number;
  /** Vetoes this cue alone when it occurs in the cue's span (or in `unlessIn`). */
  unless?: RegExp;
  unlessIn?: 'clause' | 'sentence' | 'passage';
}

/** One alternative, resolved. */
export interface CompiledSuggestion {
  words: string;
  abbreviation?: string;
  /** Only for triggers that are this glossary entry. */
  forTerm?: string;
}

/** A rule ready for the engine. */
export interface CompiledRule {
  code: string;
  family: Family;
  summary: string;
  termIds: string[];
  words?: RegExp;
  /** The trigger's words must match this in full (anchored), if given. */
  triggerText?: RegExp;
  /** Underline and replace only the last match of this inside a longer trigger ("external customers" -> "customers"), if given. */
  narrow?: RegExp;
  /**
   * Underline only the last match of this inside the trigger while the fix still replaces the whole
   * trigger ("technical management function": the underline on "technical management", the fix
   * replacing all three words), if given.
   */
  underline?: RegExp;
  within: 'clause' | 'sentence';
  any: CompiledCue[];
  all: CompiledCue[];
  exceptions: CompiledCue[];
  suggestions: CompiledSuggestion[];
  message: string;
  gated: boolean;
  ungateIf?: RegExp;
  /** Anchored at the trigger's end: a definitional verb, then the swapped definition (group 1). */
  defines?: RegExp;
  examples: { bad: ExampleData[]; good: string[] };
  file: string;
  /** True for version rules made from a deprecated entry with no rule data. */
  generated: boolean;
}

/**
 * A word in a gap: letters or digits, with inner apostrophes and hyphens. Bounded, so gaps never backtrack
 * far. Latin letters only: under the `iu` flags V8 takes about 1 ms to compile each use of `\\p{L}` (case
 * folding of every Unicode letter), twenty times what this class costs, and the rules read English prose.
 */
const GAP_WORD = "[\\w\\u00C0-\\u024F][\\w\\u00C0-\\u024F'’\\-]{0,30}";
/** What separates words in a gap: a few non-word characters (never a line's worth). */
const GAP_SEP = '[^\\w\\u00C0-\\u024F]{1,6}';

/**
 * What joins a defined term to its definition: "X is / are / means / refers to / describes / is defined as /
 * is about / = / : / -", after an optional bracketed aside ("the user (or customer) is ...").
 */
const DEFINES_VERB =
  "^(?:['’]s?)?[ \\t]{0,3}(?:\\)[ \\t]{0,3})?(?:\\([^()]{0,40}\\)[ \\t]{0,3})?(?:[:=\\-–—][ \\t]{0,3}|(?:is|are|means|mean|refers? to|describes?|denotes|(?:is|are) (?:defined|described|best described) as|(?:is|are) (?:all |mainly |mostly )?about|(?:is|are) concerned with|stands? for)[ \\t]{1,3}(?!(?:not|never|no longer|neither)\\b)(?:that[ \\t]{1,3})?)";

/**
 * The defined term stands as the subject: at the sentence's start (after a lead-in such as "In ITIL,",
 * "Q:" or a card label, "Flashcard — ", "Card 3 –"), after a clause break or "and/while/whereas", or
 * inside "(or X)".
 */
export const DEFINES_SUBJECT =
  /(?:^|[;:,(]|\b(?:and|while|whereas|but)\b)[^\w]{0,4}(?:(?:in itil(?: 4)?|by definition|definition|revision notes?|notes?|q|a|answer|true or false|or|i\.e\.|aka|(?:flash ?)?cards?(?: \d{1,3})?|terms?(?: \d{1,3})?|glossary(?: entry)?)[^\w]{1,4})?(?:(?:an?|the|every|each|any)\s{1,3})?$/i;

/** Expands `~{m,n}` (m to n intervening words) in a cue written in the data. */
export function expandGaps(src: string): string {
  return src.replace(/~\{(\d+),(\d+)\}/g, (_, m: string, n: string) => `(?:${GAP_WORD}${GAP_SEP}){${m},${n}}`);
}

/**
 * Case-insensitive, and Unicode-aware only where the pattern needs it (`\\p{…}`, `\\u{…}`): V8 compiles
 * a large pattern under `iu` about half again as slowly as under `i`, and these patterns are English
 * vocabulary lists.
 */
export function flagsFor(src: string): string {
  return /\\[pP]\{|\\u\{|[\uD800-\uDFFF]/.test(src) ? 'iu' : 'i';
}

/** Compiles a data regex after checking it; problems go to `report`. */
function compileRegex(src: string, report: (message: string) => void, checkShapes: boolean, wrap: (s: string) => string = (s) => s, caseSensitive = false): RegExp | undefined {
  // A `{{name}}` left here was never expanded: the rules were not read through the rule sources.
  const ref = src.includes('{{') ? new RegExp(VOCABULARY_REFERENCE.source).exec(src) : null;
  if (ref) {
    report(`'${ref[0]}' refers to a vocabulary, which only the build expands (read the rules through glossary/rules/*.json)`);
    return undefined;
  }
  const expanded = expandGaps(src);
  const err = !checkShapes ? undefined : (regexProblem(src.replace(/~\{\d+,\d+\}/g, '')) ?? regexProblem(expanded));
  if (err) {
    report(err);
    return undefined;
  }
  try {
    const final = wrap(expanded);
    const flags = flagsFor(final);
    return new RegExp(final, caseSensitive ? flags.replace('i', '') : flags);
  } catch (e) {
    report(`invalid regular expression /${src}/: ${(e as Error).message}`);
    return undefined;
  }
}

function compileCue(c: CueData, report: (field: string, message: string) => void, field: string, checkShapes = true): CompiledCue | undefined {
  const gap = Math.max(0, Math.min(8, c.gap ?? 0));
  const gapRe = gap ? `(?:${GAP_SEP}${GAP_WORD}){0,${gap}}` : '';
  const kinds = (['after', 'before', 'clause', 'sentence', 'passage'] as const).filter((k) => c[k] !== undefined);
  if (kinds.length !== 1) {
    report(field, 'a cue needs exactly one of after, before, clause, sentence, passage');
    return undefined;
  }
  const kind = kinds[0]!;
  const src = c[kind]!;
  const r = (m: string) => report(`${field}.${kind}`, m);
  let re: RegExp | undefined;
  if (kind === 'after') {
    // Anchored at the trigger's end: separators, up to `gap` words, then the cue.
    re = compileRegex(src, r, checkShapes, (s) => `^(?:['’]s?)?[^\\w\\u00C0-\\u024F]{0,6}(?:${GAP_WORD}${GAP_SEP}){0,${gap}}(${s})`, c.caseSensitive);
  } else if (kind === 'before') {
    // Anchored at the trigger's start: the cue, up to `gap` words, then separators.
    re = compileRegex(src, r, checkShapes, (s) => `(${s})${gapRe}[^\\w\\u00C0-\\u024F]{0,6}$`, c.caseSensitive);
  } else {
    re = compileRegex(src, r, checkShapes, (s) => `(${s})`, c.caseSensitive);
  }
  if (!re) return undefined;
  const unless = c.unless !== undefined ? compileRegex(c.unless, (m) => report(`${field}.unless`, m), checkShapes) : undefined;
  if (c.unless !== undefined && !unless) return undefined;
  if (c.unlessIn !== undefined && c.unless === undefined) {
    report(`${field}.unlessIn`, 'unlessIn needs an unless pattern');
    return undefined;
  }
  // Every cue has every field, in one order: the judge then sees one hidden class (see `Span` in prose/sentences.ts).
  return { kind, re, reach: Math.min(400, 120 + 40 * gap + src.length * 2), unless, unlessIn: unless ? c.unlessIn : undefined };
}

/**
 * Every version rule's exception: a sentence that talks ABOUT ITIL's history ("ITIL 4 replaced what ITIL v3
 * called change management", "in v3 the CAB advised the change manager; ITIL 4 talks about a change
 * authority instead") uses the old words on purpose. Signals: a named earlier version (ITIL v2/v3, V3, 2007,
 * 2011, "previous/earlier/older versions of ITIL"), renaming vocabulary (replaced, renamed, formerly, used to
 * be/was called, superseded), "instead" in a sentence that names ITIL, or one of the five v3 core books
 * named as a publication ("the old Service Operation book").
 */
export const VERSION_HISTORY_CUE: CueData = {
  sentence:
    "\\bitil[ -]?v?[1-3]\\b|\\bv[23]\\b|\\bversion [23]\\b|\\b(?:2007|2011)\\b|\\b(?:previous|earlier|older|old|prior|past|legacy|first|second|third) (?:versions?|editions?|releases?) of itil\\b|\\b(?:previous|earlier|older|old|prior|past|legacy) itil\\b|\\bitil(?:['’]s)? (?:previous|earlier|older|prior|past) (?:versions?|editions?|releases?)\\b|\\bbefore itil ?4\\b|\\b(?:before|until|till|prior to)\\s(?:we\\s|the\\s(?:team|group|company|organi[sz]ation|department|business|service desk)\\s|our\\s(?:team|group|company)\\s)?(?:the\\s)?(?:move|moved|moving|switch|switched|switching|migrat(?:ion|ed|ing)|transition(?:ed|ing)?|shift(?:ed|ing)?|adopt(?:ion|ed|ing)|implement(?:ation|ed|ing)|introduc(?:tion|ed|ing)|upgrad(?:e|ed|ing)|convert(?:ed|ing)|conversion|chang(?:e|ed|ing)(?:\\sover)?)\\s(?:(?:over|across)\\s)?(?:to\\s|of\\s)?itil ?4\\b|\\b(?:replac(?:ed|es|ing)|renam(?:ed|es|ing)|formerly|superseded|supersedes|succeeded|previously (?:called|named|known))\\b|\\b(?:used to be|was|were|had been|is now no longer) (?:called|named|known as|termed|labell?ed)\\b|\\bitil\\b.{0,200}\\binstead\\b|\\binstead\\b.{0,200}\\bitil\\b|\\b(?:service (?:strategy|design|transition|operation)|continual service improvement) (?:core )?(?:books?|volumes?|publications?)\\b",
};

/**
 * Compiles every rule of the glossary, completing the version family from deprecated entries; problems
 * go to `problems`. Rules the build has already checked (`Glossary.rulesChecked`)
 * are not checked again for exponential shapes, which would cost tens of milliseconds at every start.
 */
export function compileRules(glossary: Glossary, problems: GlossaryProblem[] = []): CompiledRule[] {
  const checkShapes = !glossary.rulesChecked;
  const out: CompiledRule[] = [];
  const codes = new Map<string, string>();
  const versionTriggers = new Set<string>();
  const history = compileCue(VERSION_HISTORY_CUE, (field, message) => problems.push({ file: 'server/src/core/rules/data.ts', entry: 'VERSION_HISTORY_CUE', field, message }), 'exceptions', checkShapes);
  const historyList = history ? [history] : [];
  glossary.rules.forEach((raw, index) => {
    const r = raw as RuleData;
    const file = r.file ?? 'glossary/rules';
    const entryName = typeof r.code === 'string' ? r.code : `#${index}`;
    const report = (field: string, message: string) => problems.push({ file, entry: entryName, field, message });
    if (typeof r.code !== 'string') {
      report('code', 'a rule needs a string code');
      return;
    }
    if (!(FAMILIES as readonly unknown[]).includes(r.family)) {
      report('family', `unknown family '${String(r.family)}'`);
      return;
    }
    const prev = codes.get(r.code);
    if (prev) report('code', `duplicate code (also in ${prev})`);
    codes.set(r.code, file);
    const before = problems.length;
    const termIds = r.trigger?.terms ?? [];
    termIds.forEach((id, i) => {
      if (!glossary.get(id)) report(`trigger.terms[${i}]`, `unknown id '${id}'`);
    });
    const words = r.trigger?.words !== undefined ? compileRegex(r.trigger.words, (m) => report('trigger.words', m), checkShapes, (s) => `(?:${s})`) : undefined;
    if (!termIds.length && !r.trigger?.words) report('trigger', 'a rule needs trigger terms or words');
    const triggerText = r.trigger?.text !== undefined ? compileRegex(r.trigger.text, (m) => report('trigger.text', m), checkShapes, (s) => `^(?:${s})$`) : undefined;
    // `narrow` and `underline` pick the last match inside the trigger that ends a word.
    const withinTrigger = (field: 'narrow' | 'underline') => {
      const src = r.trigger?.[field];
      return src !== undefined ? compileRegex(src, (m) => report(`trigger.${field}`, m), checkShapes, (s) => `(?:${s})(?![\\w\\u00C0-\\u024F])`) : undefined;
    };
    const narrow = withinTrigger('narrow');
    const underline = withinTrigger('underline');
    const cues = (list: CueData[] | undefined, field: string) =>
      (list ?? []).map((c, i) => compileCue(c, report, `${field}[${i}]`, checkShapes)).filter((c): c is CompiledCue => !!c);
    const any = cues(r.context?.any, 'context.any');
    const all = cues(r.context?.all, 'context.all');
    const exceptions = cues(r.exceptions, 'exceptions');
    const ungateIf = r.ungateIf !== undefined ? compileRegex(r.ungateIf, (m) => report('ungateIf', m), checkShapes) : undefined;
    const defines = r.defines !== undefined ? compileRegex(r.defines, (m) => report('defines', m), checkShapes, (s) => `${DEFINES_VERB}(${s})`) : undefined;

    let suggestions: CompiledSuggestion[] = [];
    let message = r.message;
    let summary = r.summary;
    let gated = r.gated === true;
    if (r.family === 'version') {
      // A version rule refines the generated rule of its deprecated entry.
      const entry = termIds.length === 1 ? glossary.get(termIds[0]!) : undefined;
      if (!entry || entry.status !== 'deprecated') {
        report('trigger.terms', 'a version rule names exactly one deprecated glossary entry');
      } else {
        versionTriggers.add(entry.id);
        const gen = versionDefaults(glossary, entry);
        suggestions = r.suggest ? resolveSuggestions(glossary, r.suggest, report) : gen.suggestions;
        message ??= gen.message;
        summary ??= gen.summary;
        if (r.code !== `itil.v3.${entry.id}`) report('code', `a version rule's code is itil.v3.<entry id> (itil.v3.${entry.id})`);
        // A trigger that is an ambiguous alias or a colloquial word keeps the gate decided per occurrence.
        gated = r.gated ?? false;
      }
    } else {
      if (!r.suggest?.length) report('suggest', 'a rule needs at least one suggestion');
      suggestions = resolveSuggestions(glossary, r.suggest ?? [], report);
      if (!message) report('message', 'a rule needs a message');
    }
    if (!r.examples?.bad?.length || !r.examples?.good?.length) report('examples', 'a rule needs bad and good examples');
    if (problems.length > before || !message) return;
    out.push({
      code: r.code,
      family: r.family,
      summary: summary ?? message,
      termIds,
      words,
      triggerText,
      narrow,
      underline,
      within: r.within ?? 'clause',
      any,
      all,
      exceptions: r.family === 'version' ? [...exceptions, ...historyList] : exceptions,
      suggestions,
      message,
      gated,
      ungateIf,
      defines,
      examples: r.examples,
      file,
      generated: false,
    });
  });

  // Every other deprecated entry: a plain version rule (the term itself is the evidence).
  for (const e of glossary.entries) {
    if (e.status !== 'deprecated' || !e.replacedBy?.length || versionTriggers.has(e.id)) continue;
    const gen = versionDefaults(glossary, e);
    if (!gen.suggestions.length) continue;
    out.push({
      code: `itil.v3.${e.id}`,
      family: 'version',
      summary: gen.summary,
      termIds: [e.id],
      // Every rule has every field, in one order (one hidden class for the judge).
      words: undefined,
      triggerText: undefined,
      narrow: undefined,
      underline: undefined,
      within: 'sentence',
      any: [],
      all: [],
      exceptions: historyList,
      suggestions: gen.suggestions,
      message: gen.message,
      // Colloquial words (function, ...) count as v3 wording only in service management documents.
      gated: e.colloquial === true,
      ungateIf: undefined,
      defines: undefined,
      examples: { bad: [], good: [] },
      file: 'glossary/terms',
      generated: true,
    });
  }
  return out;
}

function resolveSuggestions(glossary: Glossary, list: SuggestionData[], report: (field: string, message: string) => void): CompiledSuggestion[] {
  const out: CompiledSuggestion[] = [];
  list.forEach((s, i) => {
    if (s.forTerm !== undefined && !glossary.get(s.forTerm)) {
      report(`suggest[${i}].forTerm`, `unknown id '${s.forTerm}'`);
      return;
    }
    if (s.term !== undefined) {
      const e = glossary.get(s.term);
      if (!e) {
        report(`suggest[${i}].term`, `unknown id '${s.term}'`);
        return;
      }
      // Every suggestion has every field, in one order (one hidden class for the judge).
      out.push({ words: e.term, abbreviation: s.abbreviation ?? abbreviationOf(e), forTerm: s.forTerm });
    } else if (s.text !== undefined) {
      out.push({ words: s.text, abbreviation: s.abbreviation, forTerm: s.forTerm });
    }
  });
  return out;
}

/** The entry's abbreviation (first all-capital alias), if any. */
export function abbreviationOf(e: TermEntry): string | undefined {
  for (const a of e.aliases ?? []) {
    const text = typeof a === 'string' ? a : a.ambiguous ? undefined : a.text;
    if (text && isAbbreviation(text) && !/s$/.test(text)) return text;
  }
  return undefined;
}

function versionDefaults(glossary: Glossary, e: TermEntry): { suggestions: CompiledSuggestion[]; message: string; summary: string } {
  const repl = (e.replacedBy ?? []).map((id) => glossary.get(id)).filter((x): x is TermEntry => !!x);
  // Deprecated replacements are followed to the term that finally replaces them.
  const finals = repl.map((r) => (r.status === 'deprecated' ? glossary.replacementOf(r.id) ?? r : r));
  const seen = new Set<string>();
  const suggestions: CompiledSuggestion[] = [];
  for (const r of finals) {
    if (seen.has(r.term)) continue;
    seen.add(r.term);
    suggestions.push({ words: r.term, abbreviation: abbreviationOf(r), forTerm: undefined });
  }
  const names = suggestions.map((s) => `'${s.words}'`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0] ?? 'another term';
  const split = e.replacementNote && /\bsplit\b/i.test(e.replacementNote) && names.length > 1 ? ' (the v3 scope is split between them)' : '';
  return {
    suggestions,
    message: `'{term}' is ITIL v3/2011 wording; ITIL 4 speaks of ${list}${split}.`,
    summary: `'${e.term}' is ITIL v3/2011 wording; in an ITIL 4 document write ${list}.`,
  };
}
