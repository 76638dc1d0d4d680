/**
 * The prose model: which parts of a document are prose.
 *
 * A document becomes a list of blocks (paragraphs, headings, list items, table rows). Each block keeps
 * its offset in the document and its text with every non-prose character (code, front matter, link
 * destinations, URLs, HTML tags and comments, reference definitions, container markers) replaced by a
 * space, so that offsets inside the masked text are offsets in the document. Every feature reads
 * blocks from here; none scans Markdown itself.
 *
 * The scanner is line-based and linear in the size of the document; see ARCHITECTURE.md for why it is
 * written for this job rather than taken from a Markdown parser.
 */

/** One run of prose: a paragraph, heading, list item or table row. */
export interface ProseBlock {
  /** Offset of the block's first character in the document. */
  start: number;
  /** Zero-based line of `start`. */
  line: number;
  /** The block's text with non-prose masked by spaces; same length as the source slice. */
  text: string;
}

/** An inline directive written as an HTML comment: `<!-- itil-disable RULE -->` and friends. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'scope';
  /** Rule codes or family names; empty means every rule. For `scope`, the declared scope. */
  args: string[];
  /** Zero-based line the comment starts on. */
  line: number;
  /** Zero-based line the comment ends on. */
  endLine: number;
}

/** What the prose model knows about a whole document. */
export interface ProseModel {
  blocks: ProseBlock[];
  directives: Directive[];
  /** The raw YAML/TOML front matter, if any. */
  frontMatter: string | undefined;
  /** Number of lines in the document. */
  lineCount: number;
}

/** Document languages the model understands; anything else is treated as plain text. */
export type ProseLanguage = 'markdown' | 'plaintext';

const FENCE = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})/;
const BLANK = /^[ \t>]*$/;
const LIST_ITEM = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$/;
const REF_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S/;
const RAW_HTML_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i;
const DIRECTIVE = /^\s*itil-(disable-next-line|disable-line|disable|enable|scope)\b:?([^]*)$/;

/** Builds the prose model of a document. Linear in its length. */
export function buildProseModel(text: string, language: ProseLanguage): ProseModel {
  const lines = splitLines(text);
  const blocks: ProseBlock[] = [];
  const directives: Directive[] = [];
  let frontMatter: string | undefined;

  if (language === 'plaintext') {
    let start = -1;
    let startLine = 0;
    for (let i = 0; i <= lines.length; i++) {
      const l = lines[i];
      const blank = !l || /^\s*$/.test(text.slice(l.start, l.end));
      if (!blank && start < 0) { start = l!.start; startLine = i; }
      if ((blank || i === lines.length) && start >= 0) {
        const end = lines[i - 1]!.end;
        blocks.push({ start, line: startLine, text: maskUrls(text.slice(start, end)) });
        start = -1;
      }
    }
    return { blocks, directives, frontMatter, lineCount: lines.length };
  }

  let i = 0;
  // Front matter: YAML (---) or TOML (+++) at the very start.
  const first = lines[0] ? text.slice(lines[0].start, lines[0].end) : '';
  if (first === '---' || first === '+++') {
    for (let j = 1; j < lines.length; j++) {
      const l = text.slice(lines[j]!.start, lines[j]!.end).trimEnd();
      if (l === first || (first === '---' && l === '...')) {
        frontMatter = text.slice(lines[1]?.start ?? 0, lines[j]!.start);
        i = j + 1;
        break;
      }
    }
  }

  let para: { start: number; line: number; end: number } | undefined;
  let prevBlank = true;
  let inList = false;
  /** Column where the content of the current list item starts: code inside it is indented four more. */
  let listIndent = 0;
  const flush = () => {
    if (para) {
      blocks.push({ start: para.start, line: para.line, text: maskInline(text.slice(para.start, para.end), para.line, directives) });
      para = undefined;
    }
  };

  for (; i < lines.length; i++) {
    const ln = lines[i]!;
    const s = text.slice(ln.start, ln.end);

    // Fenced code: skip to the closing fence of the same character and at least the same length.
    const fence = FENCE.exec(s);
    if (fence) {
      flush();
      const marker = fence[1]!;
      const close = new RegExp(`^[ \\t]*(?:>[ \\t]?)*[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      let j = i + 1;
      while (j < lines.length && !close.test(text.slice(lines[j]!.start, lines[j]!.end))) j++;
      i = j;
      prevBlank = false;
      continue;
    }
    if (BLANK.test(s)) {
      flush();
      prevBlank = true;
      continue;
    }
    // Indented code: four columns beyond the enclosing list item's content (or the margin), after a blank line.
    const codeIndent = (inList ? listIndent : 0) + 4;
    if (prevBlank && indentWidth(s) >= codeIndent) {
      flush();
      let j = i;
      while (j + 1 < lines.length) {
        const n = text.slice(lines[j + 1]!.start, lines[j + 1]!.end);
        if (indentWidth(n) >= codeIndent || /^\s*$/.test(n)) j++;
        else break;
      }
      i = j;
      prevBlank = true;
      continue;
    }
    // HTML comment starting a line: may span lines; may be a directive.
    if (/^\s*<!--/.test(s) && !para) {
      const open = ln.start + s.indexOf('<!--');
      const closeAt = text.indexOf('-->', open + 4);
      const end = closeAt < 0 ? text.length : closeAt + 3;
      let j = i;
      while (j + 1 < lines.length && lines[j]!.end < end) j++;
      const rest = text.slice(end, lines[j]!.end);
      if (/^\s*$/.test(rest)) {
        addDirective(text.slice(open + 4, closeAt < 0 ? end : closeAt), i, j, directives);
        i = j;
        prevBlank = true;
        continue;
      }
    }
    // Raw HTML blocks whose content is not prose.
    const raw = RAW_HTML_OPEN.exec(s);
    if (raw) {
      flush();
      const closeTag = new RegExp(`</${raw[1]}>`, 'i');
      let j = i;
      while (j < lines.length && !closeTag.test(text.slice(lines[j]!.start, lines[j]!.end))) j++;
      i = Math.min(j, lines.length - 1);
      prevBlank = false;
      continue;
    }
    if (REF_DEFINITION.test(s) || TABLE_DELIMITER.test(s) || THEMATIC.test(s)) {
      flush();
      prevBlank = false;
      continue;
    }
    if (SETEXT.test(s) && para) {
      // The underline of a setext heading: the paragraph above is the heading.
      flush();
      prevBlank = false;
      continue;
    }
    const listMatch = LIST_ITEM.exec(s);
    const isList = listMatch !== null;
    if (isList) {
      inList = true;
      listIndent = indentWidth(listMatch[0].replace(/[^\t]/g, ' ')) + (/[ \t]$/.test(listMatch[0]) ? 0 : 1);
    }
    else if (prevBlank && !/^[ \t]/.test(s)) inList = false;

    const isHeading = HEADING.test(s);
    const isTableRow = /^\s*\|/.test(s) || (/\|/.test(s) && i + 1 < lines.length && TABLE_DELIMITER.test(text.slice(lines[i + 1]!.start, lines[i + 1]!.end)));
    if (isHeading || isList || isTableRow) flush();
    if (!para) para = { start: ln.start, line: i, end: ln.end };
    else para.end = ln.end;
    if (isHeading || isTableRow) flush();
    prevBlank = false;
  }
  flush();
  return { blocks, directives, frontMatter, lineCount: lines.length };
}

/** A line of the document: offsets of its first character and of its end (before the line break). */
export interface LineSpan {
  start: number;
  end: number;
}

/** Splits text into lines at CRLF, LF or CR, as LSP counts lines. */
export function splitLines(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let start = 0;
  const n = text.length;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      out.push({ start, end: k });
      start = k + 1;
    } else if (c === 13) {
      out.push({ start, end: k });
      if (text.charCodeAt(k + 1) === 10) k++;
      start = k + 1;
    }
  }
  out.push({ start, end: n });
  return out;
}

/** Width of a line's leading whitespace, tabs to the next multiple of four. */
function indentWidth(line: string): number {
  let w = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    if (c === ' ') w++;
    else if (c === '\t') w += 4 - (w % 4);
    else return w;
  }
  return w;
}

function addDirective(body: string, line: number, endLine: number, out: Directive[]): void {
  const m = DIRECTIVE.exec(body);
  if (!m) return;
  const args = (m[2] ?? '').split(/[\s,]+/).map((a) => a.trim()).filter(Boolean);
  out.push({ kind: m[1] as Directive['kind'], args, line, endLine });
}

const INLINE_TRIGGER = /[`<\[{>#|*+\-\d]|:\/\/|www\./;

/**
 * Masks what is not prose inside a block: container markers, code spans, HTML comments and tags,
 * autolinks, link destinations and reference labels, bare URLs and template tags. Comments that are
 * directives are recorded.
 */
export function maskInline(src: string, firstLine: number, directives: Directive[]): string {
  if (!INLINE_TRIGGER.test(src)) return src;
  const ranges: number[] = [];
  const blank = (a: number, b: number) => {
    if (b > a) ranges.push(a, b);
  };
  const masked = (k: number) => {
    for (let r = 0; r < ranges.length; r += 2) if (k >= ranges[r]! && k < ranges[r + 1]!) return true;
    return false;
  };

  // Container markers and heading hashes at line starts.
  const lineStart = /(^|\n)([ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|#{1,6}[ \t]+)?)/g;
  for (let m; (m = lineStart.exec(src)); ) {
    if (m[2]) blank(m.index + m[1]!.length, m.index + m[0].length);
    if (m[0].length === 0) lineStart.lastIndex++;
  }
  // Closing hashes of ATX headings.
  for (let m, re = /[ \t]#+[ \t]*$/gm; (m = re.exec(src)); ) blank(m.index, m.index + m[0].length);

  // Code spans: a run of n backticks closed by a run of exactly n.
  for (let k = 0; k < src.length; ) {
    if (src[k] !== '`') { k++; continue; }
    let n = 0;
    while (src[k + n] === '`') n++;
    let j = k + n;
    let closed = -1;
    while (j < src.length) {
      const at = src.indexOf('`', j);
      if (at < 0) break;
      let m = 0;
      while (src[at + m] === '`') m++;
      if (m === n) { closed = at; break; }
      j = at + m;
    }
    if (closed < 0) { k += n; continue; }
    blank(k, closed + n);
    k = closed + n;
  }

  // HTML comments (inline): directives are honoured, the text is masked.
  for (let k = src.indexOf('<!--'); k >= 0; k = src.indexOf('<!--', k + 4)) {
    const end = src.indexOf('-->', k + 4);
    const stop = end < 0 ? src.length : end + 3;
    if (!masked(k)) {
      const line = firstLine + countNewlines(src, 0, k);
      addDirective(src.slice(k + 4, end < 0 ? src.length : end), line, line + countNewlines(src, k, stop), directives);
    }
    blank(k, stop);
  }

  const regexMasks: RegExp[] = [
    /<(?:https?|ftp|mailto):[^\s<>]*>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>/gi, // autolinks
    /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, // HTML tags
    /\]\(\s*(?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g, // link destinations
    /\]\[[^\]\n]*\]/g, // reference labels
    /\b(?:https?|ftp):\/\/[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"]|\bwww\.[\w-]+(?:\.[\w-]+)+[^\s<>()\[\].,;:!?'"]*/gi, // bare URLs
    /\{%[^]*?%\}|\{\{[^]*?\}\}|<%[^]*?%>/g, // template tags (Liquid, Jinja, ERB)
  ];
  for (const re of regexMasks) {
    for (let m; (m = re.exec(src)); ) {
      // Keep the `]` that closes the link text; mask the destination.
      const from = m[0].startsWith(']') ? m.index + 1 : m.index;
      blank(from, m.index + m[0].length);
    }
  }
  return applyRanges(src, ranges);
}

/** Replaces every non-newline character inside the [start, end) pairs of `ranges` by a space. */
function applyRanges(src: string, ranges: number[]): string {
  if (!ranges.length) return src;
  const pairs: [number, number][] = [];
  for (let r = 0; r < ranges.length; r += 2) pairs.push([ranges[r]!, ranges[r + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [a, b] of pairs) {
    const from = Math.max(a, at);
    if (b <= from) continue;
    out += src.slice(at, from) + src.slice(from, b).replace(/[^\r\n]/g, ' ');
    at = b;
  }
  return out + src.slice(at);
}

/** Masks bare URLs only: what plain text needs. */
export function maskUrls(src: string): string {
  return src.replace(/\b(?:https?|ftp):\/\/[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"]|\bwww\.[\w-]+(?:\.[\w-]+)+[^\s<>()\[\].,;:!?'"]*/gi, (m) => ' '.repeat(m.length));
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === 10 || (c === 13 && s.charCodeAt(k + 1) !== 10)) n++;
  }
  return n;
}
