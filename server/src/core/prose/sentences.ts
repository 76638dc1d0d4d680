/**
 * Sentence spans inside a block of masked prose. Rules and ambiguous abbreviations read context
 * within one sentence, so a sentence is also the unit of bounded work: a "sentence" longer than
 * MAX_SENTENCE characters (text with no punctuation, a 10,000-word run-on) is cut into pieces at word
 * boundaries, so no rule ever looks at more than that many characters at once.
 */

/** A [start, end) span relative to its block. */
export interface Span {
  start: number;
  end: number;
}

/** The most characters a rule ever sees at once. */
export const MAX_SENTENCE = 1000;

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'dr', 'mr', 'mrs', 'ms', 'no', 'fig', 'approx', 'incl', 'esp', 'st', 'jr', 'sr', 'inc', 'ltd', 'co']);

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
  for (let k = 0; k < n; k++) {
    const c = text[k]!;
    if (c === '|') { push(k); start = k + 1; continue; }
    if (c === '.' || c === '!' || c === '?' || c === ';') {
      // Run of closing punctuation and quotes.
      let j = k + 1;
      while (j < n && /[.!?"'’”)\]*_]/.test(text[j]!)) j++;
      if (j >= n) continue;
      if (!isSpace(text.charCodeAt(j))) continue;
      if (c === '.') {
        const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, k - 8), k));
        if (word && ABBREVIATIONS.has(word[1]!.toLowerCase())) continue;
        // A single capital letter before the dot is an initial ("J. Smith").
        if (word && /^[A-Z]$/.test(word[1]!)) continue;
      }
      let m = j;
      while (m < n && isSpace(text.charCodeAt(m))) m++;
      if (c === ';' || m >= n || /[\p{Lu}\p{N}"'“‘(\[*_]/u.test(text[m]!)) {
        push(j);
      }
    } else if (c === '\n') {
      // A line break after a line with no closing punctuation, followed by a capitalised line:
      // treat as a boundary (lists written without markers, headings glued to text).
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
    out.push({ start: a, end: cut });
    a = cut;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
  }
  if (b > a) out.push({ start: a, end: b });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
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
