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
  /** Children by lower-case word. */
  next: Map<string, TrieNode>;
  /** The same children by `wordKey` of their word (words of ASCII and ’ only); checked against `word` on a hit. */
  keyed: Map<number, TrieNode>;
  /** The lower-case word leading to this node (empty at the root). */
  word: string;
  forms: FormInfo[];
  /** The ambiguous, non-blocking forms among `forms` (the readings an ambiguous alias may take). */
  alternatives: FormInfo[];
}

function trieNode(word: string): TrieNode {
  return { next: new Map(), keyed: new Map(), word, forms: [], alternatives: [] };
}

/** A term found in a block of prose; offsets are relative to the block. Made with `new` (see `Span` in prose/sentences.ts). */
export class TermOccurrence {
  constructor(
    public start: number,
    public end: number,
    public entryId: string,
    /** The form that matched. */
    public form: FormInfo,
    /** The text as written in the document. */
    public text: string,
    /** Whether the last word was plural in the text ("SLAs", "customers"). */
    public plural: boolean,
    /**
     * For ambiguous aliases: 'yes' when a cue supports the ITIL reading, 'no' when a blocker vetoes it,
     * 'maybe' when the sentence says neither (the document's scope decides).
     */
    public support: 'yes' | 'no' | 'maybe',
  ) {}
}

/** A word of prose with its offsets. Made with `new` (see `Span` in prose/sentences.ts). */
export class Token {
  constructor(
    public start: number,
    public end: number,
    public text: string,
    /**
     * Hash of the word in lower case without a possessive 's (see `wordKey`), or -1 when a character
     * outside ASCII leaves that to `toLowerCase`: lets the matcher skip words that start no form.
     */
    public key?: number,
  ) {}
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
export function wordKey(word: string): number {
  return hashRange(word, 0, word.length);
}

/** `wordKey` of text[s, e), read in place (ASCII lower-cased as it is read). */
export function hashRange(text: string, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
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
  for (let i = 0; i < buf.length; i++) out.push(new Token(buf.start[i]!, buf.end[i]!, text.slice(buf.start[i]!, buf.end[i]!), buf.key[i]!));
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
  /** 1 when the word joins runs of letters with & ' or ’ ("R&D", "don't", "customer's"). */
  joined = new Uint8Array(256);
  length = 0;

  push(start: number, end: number, key: number, joined: number): void {
    if (this.length === this.start.length) {
      const grow = <A extends Int32Array | Uint8Array>(a: A): A => {
        const b = new (a.constructor as new (n: number) => A)(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.key = grow(this.key);
      this.joined = grow(this.joined);
    }
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.key[this.length] = key;
    this.joined[this.length] = joined;
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
    out.push(start, k, key, joinAt >= 0 ? 1 : 0);
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

/**
 * Where the candidate singulars of the word text[s, e) end, read in place: pairs of (end, letter to append
 * or 0) into `out`, in order of preference. "policies" -> "polic" + y, "boxes" / "classes" / "batches" ->
 * drop -es, "agreements" -> drop -s (never for a word ending in -ss). Case is ignored.
 */
function singularCuts(text: string, s: number, e: number, out: number[]): void {
  out.length = 0;
  const n = e - s;
  if (n < 3 || (text.charCodeAt(e - 1) | 32) !== 115) return;
  const c2 = text.charCodeAt(e - 2) | 32;
  const c3 = text.charCodeAt(e - 3) | 32;
  if (n > 3 && c2 === 101) {
    if (c3 === 105) out.push(e - 3, 121); // -ies -> -y
    const c4 = text.charCodeAt(e - 4) | 32;
    // -xes, -zes, -sses, -shes, -ches
    if (c3 === 120 || c3 === 122 || (c3 === 115 && c4 === 115) || (c3 === 104 && (c4 === 115 || c4 === 99))) out.push(e - 2, 0);
  }
  if (c2 !== 115) out.push(e - 1, 0);
}

/** The gap between two words of a term may hold spaces, line breaks, hyphens and emphasis markers (see `isWordGap`). */
const MAX_GAP = 12;

/** The index of written forms, built once per glossary. */
export class TermMatcher {
  private readonly root: TrieNode = trieNode('');
  /** `wordKey` of every lower-case word that can start a form: a root key, or a plural whose singular is one. */
  private readonly startKeys = new Set<number>();
  /** Scratch for `find` (which runs to completion, so one buffer serves every call). */
  private readonly tokens = new TokenBuffer();

  /** The words of the block last passed to `find`, valid until the next call (the buffer is reused). */
  get lastWords(): TokenBuffer {
    return this.tokens;
  }

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
    // Every word `singularCuts` maps to a root key (a superset is fine: this only rules words out).
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
        n = trieNode(key);
        node.next.set(key, n);
        const h = wordKey(key);
        // Two words of one hash under one node (never seen): the first keeps the key, the other is found
        // by the string walk only, which is what `keyed` misses fall back to when `collided` is set.
        if (h !== -1) {
          if (node.keyed.has(h)) this.collided = true;
          else node.keyed.set(h, n);
        }
      }
      node = n;
    }
    node.forms.push(form);
    if (form.ambiguous && !form.block) node.alternatives.push(form);
  }

  /** Set when two words of one node share a hash: every walk then goes by strings. */
  private collided = false;
  /** Scratch: the children a plural word reaches by its candidate singulars. */
  private readonly singularNodes: TrieNode[] = [];
  /** Scratch for `singularCuts`. */
  private readonly cuts: number[] = [];

  /**
   * The child of `node` for the word [s, e) of `text` as written (lower-cased), and in `singularNodes` the
   * children for its candidate singulars ("policies" -> "policy", "boxes" -> "box", "agreements" ->
   * "agreement"). `key` is the word's `wordKey`: when known, no string is made (most words of a block are
   * looked up and missed); -1 falls back to lower-casing the word.
   */
  private childrenFor(node: TrieNode, text: string, s: number, e: number, key: number): TrieNode | undefined {
    const sings = this.singularNodes;
    sings.length = 0;
    const cuts = this.cuts;
    singularCuts(text, s, e, cuts);
    if (key === -1 || this.collided) {
      // A word outside ASCII (or a hash shared by two words of the trie): look up by strings.
      for (let c = 0; c < cuts.length; c += 2) {
        const n = node.next.get(text.slice(s, cuts[c]!).toLowerCase() + (cuts[c + 1] ? String.fromCharCode(cuts[c + 1]!) : ''));
        if (n) sings.push(n);
      }
      return node.next.get(text.slice(s, e).toLowerCase());
    }
    for (let c = 0; c < cuts.length; c += 2) {
      const cut = cuts[c]!;
      const suffix = cuts[c + 1]!;
      let h = hashRange(text, s, cut);
      if (h !== -1 && suffix) h = Math.imul(h ^ suffix, FNV_PRIME);
      const n = h === -1 ? undefined : node.keyed.get(h);
      if (n && sameWord(text, s, cut, n.word, suffix)) sings.push(n);
    }
    const exact = node.keyed.get(key);
    return exact && sameWord(text, s, e, exact.word, 0) ? exact : undefined;
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
          out.push(new TermOccurrence(start, end, form.entryId, form, text.slice(start, end), plural, support));
        }
      }
      i = last + 1;
    }
    return out;
  }

  /** The longest form starting at token i, with the index of its last token. */
  private longestAt(text: string, tokens: TokenBuffer, i: number): { form: FormInfo; alternatives: FormInfo[]; last: number; plural: boolean } | undefined {
    const first = tokens.key[i]!;
    if (first !== -1 && !this.startKeys.has(first)) return undefined;
    let node: TrieNode | undefined = this.root;
    let best: { form: FormInfo; alternatives: FormInfo[]; last: number; plural: boolean } | undefined;
    const sings = this.singularNodes;
    for (let k = i; k < tokens.length && node; k++) {
      const tokStart = tokens.start[k]!;
      const tokEnd = tokens.end[k]!;
      // The word without a possessive 's, as `Token.key` hashes it.
      const bareEnd = isPossessive(text, tokStart, tokEnd) ? tokEnd - 2 : tokEnd;
      // Terminal candidates: the word as written, or a singular of it (plural form in the text).
      const exact = this.childrenFor(node, text, tokStart, bareEnd, tokens.key[k]!);
      if (!exact && !sings.length) break;
      // A word no branch continues with ends the walk whatever the gap; only then is the gap read.
      if (k > i && !isWordGap(text, tokens.end[k - 1]!, tokStart)) break;
      let bare: string | undefined;
      if (exact && exact.forms.length) {
        bare = text.slice(tokStart, bareEnd);
        const f = pickForm(exact.forms, bare, false);
        if (f) best = { form: f, alternatives: exact.alternatives, last: k, plural: false };
      }
      for (const n of sings) {
        if (!n.forms.length) continue;
        bare ??= text.slice(tokStart, bareEnd);
        const f = pickForm(n.forms, bare, true);
        if (f && (!best || best.last < k)) best = { form: f, alternatives: n.alternatives, last: k, plural: true };
      }
      // "customers'" (plural possessive) is written with a trailing apostrophe outside the token.
      if (best && best.last === k && !best.plural && text.charCodeAt(tokEnd) === 39 && (text.charCodeAt(bareEnd - 1) | 32) === 115) best.plural = true;
      node = exact;
    }
    return best;
  }
}

/** True when the word [s, e) ends in a possessive 's or ’s (as `stripPossessive` removes). */
function isPossessive(text: string, s: number, e: number): boolean {
  if (e - s < 2) return false;
  const last = text.charCodeAt(e - 1);
  const q = text.charCodeAt(e - 2);
  return (last === 115 || last === 83) && (q === 39 || q === 0x2019);
}

/** True when text[s, e) lower-cased, followed by the character `suffix` if not 0, is `word`. */
function sameWord(text: string, s: number, e: number, word: string, suffix: number): boolean {
  const n = e - s;
  if (word.length !== n + (suffix ? 1 : 0)) return false;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(s + k);
    if ((c < 128 ? LOWER[c]! : c) !== word.charCodeAt(k)) return false;
  }
  return !suffix || word.charCodeAt(n) === suffix;
}

/**
 * True when text[s, e), between two words of a term, is at most `MAX_GAP` characters of spaces, tabs,
 * hyphens, slashes and emphasis markers, and line breaks followed by a block quote's indentation (`>`):
 * what `/^(?:[ \t*_~\-/]|\r?\n[ \t>]*)*$/` accepts (the tests keep that expression as the oracle).
 */
export function isWordGap(text: string, s: number, e: number): boolean {
  if (e - s > MAX_GAP) return false;
  let afterBreak = false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9) continue; // space, tab: allowed anywhere, and keep a line break's indentation open
    if (c === 10) { afterBreak = true; continue; }
    if (c === 13 && k + 1 < e && text.charCodeAt(k + 1) === 10) continue;
    if (c === 62 && afterBreak) continue; // '>'
    if (c === 42 || c === 95 || c === 126 || c === 45 || c === 47) { afterBreak = false; continue; } // * _ ~ - /
    return false;
  }
  return true;
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
