/**
 * Sentence spans inside a block of masked prose. Rules and ambiguous abbreviations read context
 * within one sentence, so a sentence is also the unit of bounded work: a "sentence" longer than
 * MAX_SENTENCE characters (text with no punctuation, a 10,000-word run-on) is cut into pieces at word
 * boundaries, so no rule ever looks at more than that many characters at once.
 */

/**
 * A [start, end) span relative to its block.
 *
 * Spans, prose blocks, words, term occurrences and rule triggers are made with `new`, never as object
 * literals. Every literal whose first key is `start` shares one tree of V8 hidden classes with the LSP
 * ranges `{ start: Position, end: Position }` (those we build and those JSON.parse makes of incoming
 * requests). The first such range, built when the first finding becomes a diagnostic or when an edit
 * arrives, widens `start` and `end` from small integers to any value throughout that tree, and V8 throws
 * away the optimised code of every function that read them: in the first large document that cost the
 * next lint about a third more time while the code was optimised again (ARCHITECTURE.md, "The V8
 * process"). A class has a hidden-class tree of its own.
 */
export class Span {
  constructor(
    public start: number,
    public end: number,
  ) {}
}

/** The most characters a rule ever sees at once. */
export const MAX_SENTENCE = 1000;

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'dr', 'mr', 'mrs', 'ms', 'no', 'fig', 'approx', 'incl', 'esp', 'st', 'jr', 'sr', 'inc', 'ltd', 'co']);

/** Characters that may end a sentence: | . ! ? ; and the line feed. */
const CANDIDATE = /[|.!?;\n]/g;

/** Closing punctuation and quotes after a sentence end: . ! ? " ' ’ ” ) ] * _ */
function isClosing(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93 || c === 42 || c === 95;
}

const OPENS_SENTENCE = /[\p{Lu}\p{N}"'“‘(\[*_]/u;

/** Whether the UTF-16 unit at `m` may start a sentence: a capital, a digit, an opening quote or bracket, emphasis. */
function opensSentence(text: string, m: number): boolean {
  const c = text.charCodeAt(m);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91 || c === 42 || c === 95;
  return OPENS_SENTENCE.test(text[m]!);
}

/** Letters and dots (the word an abbreviation's dot ends). */
function isWordOrDot(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/** Splits a block into sentences: at . ! ? followed by space and a capital or digit, at table cell bars and at line breaks that end a line with no punctuation and start a capital (list-like lines). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  const push = (end: number) => {
    // Trim leading and trailing whitespace.
    let a = start;
    let b = end;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) pushBounded(a, b, text, out);
    start = end;
  };
  // Only | . ! ? ; and line feeds can end a sentence: jump from one to the next (a regular expression
  // scans for a class of characters several times faster than a loop over every character).
  CANDIDATE.lastIndex = 0;
  for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
    const k = found.index;
    const c = found[0];
    if (c === '|') { push(k); start = k + 1; continue; }
    if (c === '.' || c === '!' || c === '?' || c === ';') {
      // Run of closing punctuation and quotes.
      let j = k + 1;
      while (j < n && isClosing(text.charCodeAt(j))) j++;
      if (j >= n) continue;
      if (!isSpace(text.charCodeAt(j))) continue;
      if (c === '.') {
        // The letters and dots right before the dot, within eight characters.
        let w = k;
        const from = Math.max(0, k - 8);
        while (w > from && isWordOrDot(text.charCodeAt(w - 1))) w--;
        if (w < k) {
          const word = text.slice(w, k);
          if (ABBREVIATIONS.has(word.toLowerCase())) continue;
          // A single capital letter before the dot is an initial ("J. Smith").
          if (word.length === 1 && word >= 'A' && word <= 'Z') continue;
        }
      }
      let m = j;
      while (m < n && isSpace(text.charCodeAt(m))) m++;
      // "Q: Who agrees the service levels? A: The customer." is one unit: the answer means nothing alone.
      if (c === '?' && isAnswerLabel(text, m)) continue;
      // "Question 4 asks which role approves the budget; the correct answer is the customer." likewise.
      if ((c === '?' || c === ';') && isAnswerClause(text, m)) continue;
      if (c === ';' || m >= n || opensSentence(text, m)) {
        push(j);
      }
    } else if (c === '\n' && (text.charCodeAt(k - 1) === 58 || text.charCodeAt(k - 2) === 58)) {
      // A line break after a line with no closing punctuation, followed by a capitalised line:
      // treat as a boundary (lists written without markers, headings glued to text). Only a line
      // ending in a colon qualifies, so the check starts there.
      const prev = text.slice(Math.max(start, k - 2), k).trimEnd();
      let m = k + 1;
      while (m < n && isSpace(text.charCodeAt(m))) m++;
      if (prev && !/[,\-–(]$/.test(prev) && m < n && /\p{Lu}/u.test(text[m]!) && /:$/.test(prev)) push(k);
    }
  }
  push(n);
  return out;
}

function pushBounded(a: number, b: number, text: string, out: Span[]): void {
  while (b - a > MAX_SENTENCE) {
    let cut = a + MAX_SENTENCE;
    const space = text.lastIndexOf(' ', cut);
    if (space > a + MAX_SENTENCE / 2) cut = space;
    out.push(new Span(a, cut));
    a = cut;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
  }
  if (b > a) out.push(new Span(a, b));
}

/** "A:" or "Answer:" (any case) at `m`: the answer to a question just asked. */
function isAnswerLabel(text: string, m: number): boolean {
  return /^(?:a|answer)[ \t]{0,2}[:.)\-–]/iy.test(text.slice(m, m + 12));
}

/** "the answer is", "the correct answer was", "the right answer:" at `m`: a question's answer given as a clause. */
function isAnswerClause(text: string, m: number): boolean {
  return /^the (?:correct |right |expected |model )?answer(?: is| was|:)/iy.test(text.slice(m, m + 40));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

/** True when sentence `s` of `text` ends with a semicolon, closing quotes or brackets aside ("… the CRM;"). */
export function endsWithSemicolon(text: string, s: Span): boolean {
  let i = s.end - 1;
  while (i >= s.start && isClosing(text.charCodeAt(i))) i--;
  return i >= s.start && text.charCodeAt(i) === 59;
}

/**
 * True when sentence `s` of `text` is one field of a record line: a pipe follows it ("Owner: Finance
 * Director | Role: user | Responsibility: approves the budget"), as a semicolon would end it.
 */
export function endsAtPipe(text: string, s: Span): boolean {
  let i = s.end;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return text.charCodeAt(i) === 124;
}

/** True when sentence `s` of `text` is a question: its closing punctuation, quotes and brackets aside, holds a question mark. */
export function endsWithQuestion(text: string, s: Span): boolean {
  for (let i = s.end - 1; i >= s.start; i--) {
    const c = text.charCodeAt(i);
    if (c === 63) return true;
    if (!isClosing(c)) return false;
  }
  return false;
}

/** Index of the sentence containing `offset` (binary search over sorted spans); -1 if none. */
export function sentenceAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Words that open a contrasting clause ("but", "whereas", ...), matched whole and in any ASCII case. */
const CONTRASTIVE = ['but', 'whereas', 'while', 'although', 'though', 'however', 'yet'];

/** True when the \w run text[k, e) is a contrasting word, in any ASCII case (read in place). */
function isContrastive(text: string, k: number, e: number): boolean {
  const n = e - k;
  if (n < 3 || n > 8) return false;
  for (const w of CONTRASTIVE) {
    if (w.length !== n) continue;
    let i = 0;
    while (i < n && (text.charCodeAt(k + i) | 32) === w.charCodeAt(i)) i++;
    if (i === n) return true;
  }
  return false;
}

/** `\w` without the `u` flag: an ASCII letter, digit or underscore. */
function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `\s`: the white space characters of ECMAScript regular expressions. */
function isRegExpSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The clauses of the sentence text[start, end), as block offsets. A clause ends at a comma or colon
 * (except one between two digits: "5,000 users", "10:15"), at ; ( ) [ ] { } – —, at a hyphen between
 * spaces, and before a contrasting word (but, whereas, while, although, though, however, yet). Reads the
 * text in place, one character at a time; the same breaks as the regular expression
 * `(?<!\d)[,:]|[,:](?!\d)|[;()[\]{}–—]|\s-\s|\b(?:but|whereas|while|although|though|however|yet)\b`
 * (flag `i`) over the sentence, which the tests keep as the oracle.
 */
export function splitClauses(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let last = start;
  const cut = (from: number, to: number) => {
    out.push(new Span(last, from));
    last = to;
  };
  for (let k = start; k < end; ) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 58) {
      // , or : unless both neighbours inside the sentence are digits
      if (!(k > start && isDigit(text.charCodeAt(k - 1)) && k + 1 < end && isDigit(text.charCodeAt(k + 1)))) cut(k, k + 1);
      k++;
    } else if (c === 59 || c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 0x2013 || c === 0x2014) {
      cut(k, k + 1);
      k++;
    } else if (isRegExpSpace(c)) {
      if (k + 2 < end && text.charCodeAt(k + 1) === 45 && isRegExpSpace(text.charCodeAt(k + 2))) {
        cut(k, k + 3);
        k += 3;
      } else k++;
    } else if (isAsciiWord(c)) {
      // A whole run of \w: bounded by \b on both sides, so it is one of the words or none of them.
      let e = k + 1;
      while (e < end && isAsciiWord(text.charCodeAt(e))) e++;
      if (isContrastive(text, k, e)) cut(k, e);
      k = e;
    } else k++;
  }
  out.push(new Span(last, end));
  return out;
}
