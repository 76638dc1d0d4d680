/**
 * Finds glossary terms in prose: any case, regular plurals and possessives, hyphen or line break between
 * the words of a term, emphasis markers inside a term, abbreviations (case-sensitive) and spelling
 * variants. The longest form wins, and phrases in which a word is not the ITIL term
 * (`notInPhrases`) consume the words so that nothing inside them matches.
 */
import { isAbbreviation } from '../glossary/check';
import type { AliasObject, TermEntry } from '../glossary/types';

/** How one written form leads to an entry. */
export interface FormInfo {
  entryId: string;
  /** The written form as in the data (term or alias). */
  text: string;
  /** Abbreviations compare case-sensitively. */
  caseSensitive: boolean;
  /** Set for `notInPhrases`: the words are not the term. */
  block?: boolean;
  /** Conditions for an ambiguous alias. */
  cues?: RegExp[];
  blockers?: RegExp[];
  ambiguous?: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  forms: FormInfo[];
}

/** A term found in a block of prose; offsets are relative to the block. */
export interface TermOccurrence {
  start: number;
  end: number;
  entryId: string;
  /** The form that matched. */
  form: FormInfo;
  /** The text as written in the document. */
  text: string;
  /** Whether the last word was plural in the text ("SLAs", "customers"). */
  plural: boolean;
  /**
   * For ambiguous aliases: 'yes' when a cue supports the ITIL reading, 'no' when a blocker vetoes it,
   * 'maybe' when the sentence says neither (the document's scope decides).
   */
  support: 'yes' | 'no' | 'maybe';
}

/** A word of prose with its offsets. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{N}]+(?:[&'’][\p{L}\p{N}]+)*/gu;

/** Splits prose into words; hyphens, slashes and punctuation separate words. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m; (m = WORD.exec(text)); ) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** The words of a written form, as the trie keys them. */
function formWords(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

/** Removes a possessive ending: customer's -> customer, customers' is handled by the caller. */
function stripPossessive(w: string): string {
  return w.replace(/['’]s$/i, '');
}

/** Candidate singulars of a lower-case word: "agreements" -> "agreement", "policies" -> "policy". */
function singulars(w: string): string[] {
  const out: string[] = [];
  if (w.length > 3 && w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (w.length > 3 && /(?:ss|sh|ch|x|z)es$/.test(w)) out.push(w.slice(0, -2));
  if (w.length > 2 && w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  return out;
}

/** The gap between two words of a term may hold spaces, one line break, hyphens and emphasis markers. */
const WORD_GAP = /^(?:[ \t*_~\-/]|\r?\n[ \t>]*)*$/;
const MAX_GAP = 12;

/** The index of written forms, built once per glossary. */
export class TermMatcher {
  private readonly root: TrieNode = { next: new Map(), forms: [] };

  constructor(entries: readonly TermEntry[]) {
    for (const e of entries) {
      const proper = e.caseSensitive === true;
      this.add(e.term, { entryId: e.id, text: e.term, caseSensitive: proper || isAbbreviation(e.term) });
      for (const a of e.aliases ?? []) {
        if (typeof a === 'string') this.add(a, { entryId: e.id, text: a, caseSensitive: proper || isAbbreviation(a) });
        else this.add(a.text, { ...aliasForm(e.id, a), caseSensitive: proper || isAbbreviation(a.text) });
      }
      for (const p of e.notInPhrases ?? []) this.add(p, { entryId: e.id, text: p, caseSensitive: false, block: true });
    }
  }

  private add(text: string, form: FormInfo): void {
    const words = formWords(text);
    if (!words.length) return;
    let node = this.root;
    for (const w of words) {
      const key = w.toLowerCase();
      let n = node.next.get(key);
      if (!n) {
        n = { next: new Map(), forms: [] };
        node.next.set(key, n);
      }
      node = n;
    }
    node.forms.push(form);
  }

  /**
   * Finds every term in a block of masked prose. `sentenceOf` gives the sentence around an offset, for
   * the cues and blockers of ambiguous aliases.
   */
  find(text: string, tokens: Token[] = tokenize(text), sentenceOf?: (offset: number) => string): TermOccurrence[] {
    const out: TermOccurrence[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.longestAt(text, tokens, i);
      if (!m) { i++; continue; }
      const { last, plural } = m;
      let form = m.form;
      if (form.caseSensitive && !casesAgree(form.text, tokens, i, last)) { i++; continue; }
      if (!form.block) {
        const start = tokens[i]!.start;
        const end = tokens[last]!.end;
        let support: TermOccurrence['support'] = 'yes';
        if (form.ambiguous) {
          // Several entries may share an ambiguous alias (PIR): keep the reading the sentence supports best.
          const sentence = sentenceOf ? sentenceOf(start) : text;
          const rank = { yes: 2, maybe: 1, no: 0 } as const;
          let best: TermOccurrence['support'] = 'no';
          for (const f of m.alternatives) {
            const s = judge(f, sentence);
            if (rank[s] > rank[best]) { best = s; form = f; }
          }
          support = best;
        }
        if (support !== 'no') {
          out.push({ start, end, entryId: form.entryId, form, text: text.slice(start, end), plural, support });
        }
      }
      i = last + 1;
    }
    return out;
  }

  /** The longest form starting at token i, with the index of its last token. */
  private longestAt(text: string, tokens: Token[], i: number): { form: FormInfo; alternatives: FormInfo[]; last: number; plural: boolean } | undefined {
    let node: TrieNode | undefined = this.root;
    let best: { form: FormInfo; alternatives: FormInfo[]; last: number; plural: boolean } | undefined;
    for (let k = i; k < tokens.length && node; k++) {
      const tok = tokens[k]!;
      if (k > i) {
        const prev = tokens[k - 1]!;
        if (tok.start - prev.end > MAX_GAP || !WORD_GAP.test(text.slice(prev.end, tok.start))) break;
      }
      const raw = tok.text;
      const bare = stripPossessive(raw);
      const lower = bare.toLowerCase();
      // Terminal candidates: the word as written, or a singular of it (plural form in the text).
      const exact = node.next.get(lower);
      if (exact) {
        const f = pickForm(exact.forms, bare, false);
        if (f) best = { form: f, alternatives: exact.forms.filter((x) => x.ambiguous && !x.block), last: k, plural: false };
      }
      for (const sing of singulars(lower)) {
        const n = node.next.get(sing);
        if (!n) continue;
        const f = pickForm(n.forms, bare, true);
        if (f && (!best || best.last < k)) best = { form: f, alternatives: n.forms.filter((x) => x.ambiguous && !x.block), last: k, plural: true };
      }
      // "customers'" (plural possessive) is written with a trailing apostrophe outside the token.
      if (best && best.last === k && !best.plural && text[tok.end] === "'" && lower.endsWith('s')) best.plural = true;
      node = exact;
    }
    return best;
  }
}

/** How well a sentence supports the ITIL reading of an ambiguous form. */
function judge(f: FormInfo, sentence: string): TermOccurrence['support'] {
  if (f.blockers?.some((r) => r.test(sentence))) return 'no';
  if (f.cues?.some((r) => r.test(sentence))) return 'yes';
  return 'maybe';
}

/** For a case-sensitive form, every written word has the capitals of the form's word (plural -s allowed on the last). */
function casesAgree(formText: string, tokens: Token[], first: number, last: number): boolean {
  const words = formWords(formText);
  if (words.length !== last - first + 1) return false;
  for (let k = 0; k < words.length; k++) {
    const want = words[k]!;
    const got = stripPossessive(tokens[first + k]!.text);
    if (got === want || (k === words.length - 1 && got === want + 's')) continue;
    // Words of a proper name compare by their capitals only ("Service Operation"): same initial case.
    if (!isAbbreviation(want) && got.toLowerCase().startsWith(want.toLowerCase()) && (got[0] === want[0])) continue;
    return false;
  }
  return true;
}

/** Picks the form at a trie node that accepts the written word (case for abbreviations). */
function pickForm(forms: FormInfo[], written: string, plural: boolean): FormInfo | undefined {
  let term: FormInfo | undefined;
  let block: FormInfo | undefined;
  for (const f of forms) {
    if (f.caseSensitive) {
      const lastWord = formWords(f.text).pop() ?? '';
      const ok = plural ? written === lastWord + 's' : written === lastWord;
      // Proper names compare their capitals after the walk (casesAgree); abbreviations here.
      if (!ok && isAbbreviation(lastWord)) continue;
    }
    if (f.block) block ??= f;
    else term ??= f;
  }
  // A blocking phrase stops its own entry's shorter term; another entry's term of the same words wins.
  if (term && block && term.entryId === block.entryId) return block;
  return term ?? block;
}

function aliasForm(entryId: string, a: AliasObject): FormInfo {
  const compile = (src: string) => new RegExp(src, 'iu');
  return {
    entryId,
    text: a.text,
    caseSensitive: isAbbreviation(a.text),
    ambiguous: a.ambiguous === true,
    cues: a.cues?.map(compile),
    blockers: a.blockers?.map(compile),
  };
}
