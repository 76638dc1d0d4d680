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
  /**
   * Hash of the word in lower case without a possessive 's (see `wordKey`), or -1 when a character
   * outside ASCII leaves that to `toLowerCase`: lets the matcher skip words that start no form.
   */
  key?: number;
}

/** A letter or digit (any script), as `[\p{L}\p{N}]` reads one code point. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit outside the surrogates: 0 not yet known, 1 a word character, 2 not one. */
const WORD_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) WORD_UNIT[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 2;

/** Length in UTF-16 units of the word character (letter or digit) at `k`, or 0 when there is none. */
function wordCharAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c < 0xd800 || c > 0xdfff) {
    let w = WORD_UNIT[c]!;
    if (w === 0) w = WORD_UNIT[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    return w === 1 ? 1 : 0;
  }
  // A surrogate pair is one code point; a lone surrogate is not a letter.
  if (c > 0xdbff) return 0;
  const d = text.charCodeAt(k + 1);
  return d >= 0xdc00 && d <= 0xdfff && WORD_CHAR.test(text.slice(k, k + 2)) ? 2 : 0;
}

/** ASCII in lower case, for the word hash (other characters keep their code). */
const LOWER = new Uint8Array(128).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : c));
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** The hash `Token.key` holds for a lower-case word, or -1 when the word has characters other than ASCII and ’. */
function wordKey(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c < 128) h = Math.imul(h ^ LOWER[c]!, FNV_PRIME);
    else if (c === 0x2019) h = Math.imul(h ^ c, FNV_PRIME);
    else return -1;
  }
  return h;
}

/**
 * Splits prose into words; hyphens, slashes and punctuation separate words. A word is what
 * `/[\p{L}\p{N}]+(?:[&'’][\p{L}\p{N}]+)*\/u` matches, read here one character at a time (much faster),
 * hashing it on the way (`Token.key`).
 */
export function tokenize(text: string): Token[] {
  const buf = tokenizeInto(text, new TokenBuffer());
  const out: Token[] = [];
  for (let i = 0; i < buf.length; i++) out.push({ start: buf.start[i]!, end: buf.end[i]!, text: text.slice(buf.start[i]!, buf.end[i]!), key: buf.key[i]! });
  return out;
}

/**
 * The words of a text as offsets and keys in typed arrays, reused from one block to the next: the
 * matcher reads a word's text only where its key can start a form, so most words cost no allocation.
 */
export class TokenBuffer {
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** As `Token.key`. */
  key = new Int32Array(256);
  length = 0;

  push(start: number, end: number, key: number): void {
    if (this.length === this.start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.key = grow(this.key);
    }
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.key[this.length] = key;
    this.length++;
  }
}

/** `tokenize` into a buffer (emptied first); returns it. */
export function tokenizeInto(text: string, out: TokenBuffer): TokenBuffer {
  out.length = 0;
  const n = text.length;
  for (let k = 0; k < n; ) {
    let c = text.charCodeAt(k);
    let w = c < 128 ? WORD_UNIT[c]! & 1 : wordCharAt(text, k);
    if (!w) { k++; continue; }
    const start = k;
    // The hash of the word so far in lower case (`plain` while every character lower-cases on its own),
    // and the same before the last joiner, for a possessive 's.
    let h = FNV_OFFSET;
    let plain = true;
    let hJoin = 0;
    let plainJoin = true;
    let joinAt = -1;
    for (;;) {
      while (w) {
        if (c < 128) h = Math.imul(h ^ LOWER[c]!, FNV_PRIME);
        else plain = false;
        k += w;
        if (k >= n) { w = 0; break; }
        c = text.charCodeAt(k);
        w = c < 128 ? WORD_UNIT[c]! & 1 : wordCharAt(text, k);
      }
      // & ' ’ joins two runs of word characters ("R&D", "customer's").
      if (k + 1 < n && (c === 38 || c === 39 || c === 0x2019)) {
        const d = text.charCodeAt(k + 1);
        const w2 = d < 128 ? WORD_UNIT[d]! & 1 : wordCharAt(text, k + 1);
        if (w2) {
          hJoin = h;
          plainJoin = plain;
          joinAt = k;
          h = Math.imul(h ^ c, FNV_PRIME);
          k++;
          c = d;
          w = w2;
          continue;
        }
      }
      break;
    }
    let key = plain ? h : -1;
    const joiner = joinAt >= 0 ? text.charCodeAt(joinAt) : 0;
    if ((joiner === 39 || joiner === 0x2019) && k - joinAt === 2 && (text.charCodeAt(k - 1) | 32) === 115) key = plainJoin ? hJoin : -1;
    out.push(start, k, key);
  }
  return out;
}

const FORM_WORDS = new Map<string, readonly string[]>();

/** The words of a written form, as the trie keys them (computed once per form). */
function formWords(text: string): readonly string[] {
  let words = FORM_WORDS.get(text);
  if (!words) {
    words = tokenize(text).map((t) => t.text);
    FORM_WORDS.set(text, words);
  }
  return words;
}

/** Removes a possessive ending: customer's -> customer, customers' is handled by the caller. */
function stripPossessive(w: string): string {
  const n = w.length;
  if (n < 2) return w;
  const s = w.charCodeAt(n - 1);
  const q = w.charCodeAt(n - 2);
  return (s === 115 || s === 83) && (q === 39 || q === 0x2019) ? w.slice(0, -2) : w;
}

const NO_SINGULARS: readonly string[] = [];

/** Candidate singulars of a lower-case word: "agreements" -> "agreement", "policies" -> "policy". */
function singulars(w: string): readonly string[] {
  if (!w.endsWith('s')) return NO_SINGULARS;
  const out: string[] = [];
  if (w.length > 3 && w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (w.length > 3 && /(?:ss|sh|ch|x|z)es$/.test(w)) out.push(w.slice(0, -2));
  if (w.length > 2 && !w.endsWith('ss')) out.push(w.slice(0, -1));
  return out;
}

/** The gap between two words of a term may hold spaces, one line break, hyphens and emphasis markers. */
const WORD_GAP = /^(?:[ \t*_~\-/]|\r?\n[ \t>]*)*$/;
const MAX_GAP = 12;

/** The index of written forms, built once per glossary. */
export class TermMatcher {
  private readonly root: TrieNode = { next: new Map(), forms: [] };
  /** `wordKey` of every lower-case word that can start a form: a root key, or a plural whose singular is one. */
  private readonly startKeys = new Set<number>();
  /** Scratch for `find` (which runs to completion, so one buffer serves every call). */
  private readonly tokens = new TokenBuffer();

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
    // Every word `singulars` maps to a root key (a superset is fine: this only rules words out).
    for (const k of this.root.next.keys()) {
      for (const w of [k, k + 's', k + 'es', k.replace(/y$/, 'ies')]) {
        const h = wordKey(w);
        if (h !== -1) this.startKeys.add(h);
      }
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
  find(text: string, sentenceOf?: (offset: number) => string): TermOccurrence[] {
    const out: TermOccurrence[] = [];
    const tokens = tokenizeInto(text, this.tokens);
    for (let i = 0; i < tokens.length; ) {
      const m = this.longestAt(text, tokens, i);
      if (!m) { i++; continue; }
      const { last, plural } = m;
      let form = m.form;
      if (form.caseSensitive && !casesAgree(form.text, text, tokens, i, last)) { i++; continue; }
      if (!form.block) {
        const start = tokens.start[i]!;
        const end = tokens.end[last]!;
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

  /** The word's lower-case bare form if the root of the trie holds it, as written or as the singular of a plural; else null. */
  private startKey(raw: string): string | null {
    const lower = stripPossessive(raw).toLowerCase();
    return this.root.next.has(lower) || singulars(lower).some((s) => this.root.next.has(s)) ? lower : null;
  }

  /** The longest form starting at token i, with the index of its last token. */
  private longestAt(text: string, tokens: TokenBuffer, i: number): { form: FormInfo; alternatives: FormInfo[]; last: number; plural: boolean } | undefined {
    const key = tokens.key[i]!;
    if (key !== -1 && !this.startKeys.has(key)) return undefined;
    const first = this.startKey(text.slice(tokens.start[i]!, tokens.end[i]!));
    if (first === null) return undefined;
    let node: TrieNode | undefined = this.root;
    let best: { form: FormInfo; alternatives: FormInfo[]; last: number; plural: boolean } | undefined;
    for (let k = i; k < tokens.length && node; k++) {
      const tokStart = tokens.start[k]!;
      const tokEnd = tokens.end[k]!;
      const raw = text.slice(tokStart, tokEnd);
      const bare = stripPossessive(raw);
      const lower = k === i ? first : bare.toLowerCase();
      // Terminal candidates: the word as written, or a singular of it (plural form in the text).
      const exact = node.next.get(lower);
      const sings = singulars(lower);
      if (k > i) {
        // A word no branch continues with ends the walk whatever the gap; only then is the gap read.
        if (!exact && !sings.some((x) => node!.next.has(x))) break;
        const prevEnd = tokens.end[k - 1]!;
        if (tokStart - prevEnd > MAX_GAP || !WORD_GAP.test(text.slice(prevEnd, tokStart))) break;
      }
      if (exact) {
        const f = pickForm(exact.forms, bare, false);
        if (f) best = { form: f, alternatives: exact.forms.filter((x) => x.ambiguous && !x.block), last: k, plural: false };
      }
      for (const sing of sings) {
        const n = node.next.get(sing);
        if (!n) continue;
        const f = pickForm(n.forms, bare, true);
        if (f && (!best || best.last < k)) best = { form: f, alternatives: n.forms.filter((x) => x.ambiguous && !x.block), last: k, plural: true };
      }
      // "customers'" (plural possessive) is written with a trailing apostrophe outside the token.
      if (best && best.last === k && !best.plural && text[tokEnd] === "'" && lower.endsWith('s')) best.plural = true;
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
function casesAgree(formText: string, text: string, tokens: TokenBuffer, first: number, last: number): boolean {
  const words = formWords(formText);
  if (words.length !== last - first + 1) return false;
  for (let k = 0; k < words.length; k++) {
    const want = words[k]!;
    const got = stripPossessive(text.slice(tokens.start[first + k]!, tokens.end[first + k]!));
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
      const words = formWords(f.text);
      const lastWord = words[words.length - 1] ?? '';
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
