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
 * written for this job rather than taken from a Markdown parser. After an edit it does not start over:
 * `updateProseModel` resumes it just before the edit and stops it just after, where the previous scan
 * stood in the same state, and moves the rest of the previous model.
 */

/** One run of prose: a paragraph, heading, list item or table row. Made with `new` (see `Span` in sentences.ts). */
export class ProseBlock {
  constructor(
    /** Offset of the block's first character in the document. */
    public start: number,
    /** Zero-based line of `start`. */
    public line: number,
    /** The block's text with non-prose masked by spaces; same length as the source slice. */
    public text: string,
  ) {}
}

/** A paragraph while its lines are read (a class for the reason `Span` in sentences.ts gives). */
class OpenParagraph {
  constructor(
    public start: number,
    public line: number,
    public end: number,
  ) {}
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
  return new Scanner(text, language).run(undefined, undefined).model;
}

/**
 * The prose model of a document after an edit, and which of its blocks are the previous model's:
 * blocks `[0, head)` are the previous model's blocks `[0, head)` (the same objects), and blocks
 * `[tail, blocks.length)` are the previous model's blocks from `oldTail` on, moved by the edit.
 * Only the blocks in between were scanned again.
 */
export interface ProseModelUpdate {
  model: ProseModel;
  head: number;
  tail: number;
  oldTail: number;
}

/**
 * Updates the model of `oldText` for its new version `text`: the scan resumes at the last point
 * before the first changed character that nothing before it looked past, and stops as soon as it
 * reaches, after the last changed character, a point where the previous scan stood in the same state;
 * the rest of the previous model is moved by the edit. The result equals `buildProseModel(text)`.
 */
export function updateProseModel(old: ProseModel, oldText: string, text: string, language: ProseLanguage): ProseModelUpdate {
  const resume = RESUME.get(old);
  if (!resume || resume.language !== language) {
    const model = buildProseModel(text, language);
    return { model, head: 0, tail: model.blocks.length, oldTail: old.blocks.length };
  }
  if (oldText === text) return { model: old, head: old.blocks.length, tail: old.blocks.length, oldTail: old.blocks.length };
  const prefix = commonPrefix(oldText, text);
  const suffix = commonSuffix(oldText, text, Math.min(oldText.length, text.length) - prefix);
  const edit: Edit = { old, resume, newChangedEnd: text.length - suffix, delta: text.length - oldText.length };
  return new Scanner(text, language).run(edit, lastCheckpointBefore(resume.checkpoints, prefix));
}

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  // Compare in chunks first: string equality is much faster than a loop over characters.
  for (let step = 4096; step >= 16; step >>= 4) {
    while (k + step <= n && a.slice(k, k + step) === b.slice(k, k + step)) k += step;
  }
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/** Length of the common suffix of two strings, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let k = 0;
  for (let step = 4096; step >= 16; step >>= 4) {
    while (k + step <= max && a.slice(a.length - k - step, a.length - k) === b.slice(b.length - k - step, b.length - k)) k += step;
  }
  while (k < max && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/**
 * Points where a scan can resume: the start of a line after a blank line (so no paragraph is open),
 * with the scanner's state there and `reach`, the end of everything read before that point. Kept
 * beside each model (not part of its interface) in parallel arrays.
 */
interface Checkpoints {
  offset: number[];
  line: number[];
  /** 0 outside a list; inside one, 1 + the column where its item's content starts. */
  list: number[];
  reach: number[];
  blocks: number[];
  directives: number[];
}

interface Resume {
  language: ProseLanguage;
  checkpoints: Checkpoints;
}

const RESUME = new WeakMap<ProseModel, Resume>();

/** An edit between two versions, as the scanner uses it. */
interface Edit {
  old: ProseModel;
  resume: Resume;
  /** End of the changed text in the new version: from here on the text is the old text moved by `delta`. */
  newChangedEnd: number;
  delta: number;
}

/** Index of the last checkpoint whose scan read nothing at or after `offset`; -1 if none. */
function lastCheckpointBefore(cp: Checkpoints, offset: number): number {
  let lo = 0;
  let hi = cp.reach.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp.reach[mid]! <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Index of the checkpoint at `offset`, or -1. */
function checkpointAt(cp: Checkpoints, offset: number): number {
  let lo = 0;
  let hi = cp.offset.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = cp.offset[mid]!;
    if (o === offset) return mid;
    if (o < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** One line-based pass over a document (or over the changed part of it). */
class Scanner {
  private readonly blocks: ProseBlock[] = [];
  private readonly directives: Directive[] = [];
  private readonly cp: Checkpoints = { offset: [], line: [], list: [], reach: [], blocks: [], directives: [] };
  /** End (exclusive) of everything read so far. */
  private reach = 0;
  /** Index of the last line, once it has been read. */
  private lastLine = -1;
  private frontMatter: string | undefined;

  constructor(
    private readonly text: string,
    private readonly language: ProseLanguage,
  ) {}

  /** End of the line starting at `start` (the offset of its line break, or the end of the text). */
  private lineEnd(start: number, index: number): number {
    const t = this.text;
    const n = t.length;
    let k = start;
    while (k < n) {
      const c = t.charCodeAt(k);
      if (c === 10 || c === 13) break;
      k++;
    }
    // The break itself, and for CR the character after it, decide where the next line starts.
    if (k + 2 > this.reach) this.reach = k + 2;
    if (k === n) this.lastLine = index;
    return k;
  }

  /** Start of the line after a line ending at `end`, or -1 after the last line. */
  private nextStart(end: number): number {
    const t = this.text;
    if (end >= t.length) return -1;
    return t.charCodeAt(end) === 13 && t.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }

  /** Records a resumable point (a line start after a blank line). */
  private checkpoint(offset: number, line: number, list: number): void {
    const cp = this.cp;
    cp.offset.push(offset);
    cp.line.push(line);
    cp.list.push(list);
    cp.reach.push(this.reach);
    cp.blocks.push(this.blocks.length);
    cp.directives.push(this.directives.length);
  }

  /**
   * At a resumable point past the edit: if the previous scan stood here in the same state, appends the
   * rest of the previous model (moved by the edit) and returns the result.
   */
  private trySync(edit: Edit | undefined, offset: number, line: number, list: number): ProseModelUpdate | undefined {
    if (!edit || offset < edit.newChangedEnd) return undefined;
    const ocp = edit.resume.checkpoints;
    const k = checkpointAt(ocp, offset - edit.delta);
    if (k < 0 || ocp.list[k] !== list) return undefined;
    const { old, delta } = edit;
    const lineDelta = line - ocp.line[k]!;
    const head = this.blocks.length;
    const oldTail = ocp.blocks[k]!;
    for (let b = oldTail; b < old.blocks.length; b++) {
      const ob = old.blocks[b]!;
      this.blocks.push(new ProseBlock(ob.start + delta, ob.line + lineDelta, ob.text));
    }
    for (let d = ocp.directives[k]!; d < old.directives.length; d++) {
      const od = old.directives[d]!;
      this.directives.push({ ...od, line: od.line + lineDelta, endLine: od.endLine + lineDelta });
    }
    // This point is recorded by the loop already; the previous scan's later points follow, moved.
    const cp = this.cp;
    const reachHere = this.reach;
    const directivesHere = cp.directives[cp.directives.length - 1]!;
    for (let c = k + 1; c < ocp.offset.length; c++) {
      cp.offset.push(ocp.offset[c]! + delta);
      cp.line.push(ocp.line[c]! + lineDelta);
      cp.list.push(ocp.list[c]!);
      cp.reach.push(Math.max(reachHere, ocp.reach[c]! + delta));
      cp.blocks.push(ocp.blocks[c]! - oldTail + head);
      cp.directives.push(ocp.directives[c]! - ocp.directives[k]! + directivesHere);
    }
    const model = this.finish(old.lineCount + lineDelta);
    return { model, head: -1, tail: head, oldTail };
  }

  private finish(lineCount: number): ProseModel {
    const model: ProseModel = { blocks: this.blocks, directives: this.directives, frontMatter: this.frontMatter, lineCount };
    RESUME.set(model, { language: this.language, checkpoints: this.cp });
    return model;
  }

  /** Scans from the start (`from` < 0 or no edit) or from checkpoint `from` of the edit's previous model. */
  run(edit: Edit | undefined, from: number | undefined): ProseModelUpdate {
    let start = 0;
    let line = 0;
    let list = 0;
    let head = 0;
    if (edit && from !== undefined && from >= 0) {
      // Everything before checkpoint `from` is the previous scan's, unchanged.
      const ocp = edit.resume.checkpoints;
      const { old } = edit;
      head = ocp.blocks[from]!;
      for (let b = 0; b < head; b++) this.blocks.push(old.blocks[b]!);
      for (let d = 0; d < ocp.directives[from]!; d++) this.directives.push(old.directives[d]!);
      for (let c = 0; c < from; c++) {
        this.cp.offset.push(ocp.offset[c]!);
        this.cp.line.push(ocp.line[c]!);
        this.cp.list.push(ocp.list[c]!);
        this.cp.reach.push(ocp.reach[c]!);
        this.cp.blocks.push(ocp.blocks[c]!);
        this.cp.directives.push(ocp.directives[c]!);
      }
      this.frontMatter = old.frontMatter;
      this.reach = ocp.reach[from]!;
      start = ocp.offset[from]!;
      line = ocp.line[from]!;
      list = ocp.list[from]!;
    } else if (this.language === 'markdown') {
      ({ start, line } = this.scanFrontMatter());
    }
    const synced = this.language === 'plaintext' ? this.scanPlainText(edit, start, line) : this.scanMarkdown(edit, start, line, list);
    if (synced) {
      synced.head = head;
      return synced;
    }
    const model = this.finish(this.lastLine + 1);
    return { model, head, tail: model.blocks.length, oldTail: edit ? edit.old.blocks.length : 0 };
  }

  /** Front matter: YAML (---) or TOML (+++) at the very start. Returns where the body starts. */
  private scanFrontMatter(): { start: number; line: number } {
    const text = this.text;
    const end0 = this.lineEnd(0, 0);
    const first = text.slice(0, end0);
    if (first === '---' || first === '+++') {
      const line1 = this.nextStart(end0);
      let jStart = line1;
      for (let j = 1; jStart >= 0; j++) {
        const jEnd = this.lineEnd(jStart, j);
        const l = text.slice(jStart, jEnd).trimEnd();
        if (l === first || (first === '---' && l === '...')) {
          this.frontMatter = text.slice(line1, jStart);
          return { start: this.nextStart(jEnd), line: j + 1 };
        }
        jStart = this.nextStart(jEnd);
      }
    }
    return { start: 0, line: 0 };
  }

  private scanPlainText(edit: Edit | undefined, from: number, fromLine: number): ProseModelUpdate | undefined {
    const text = this.text;
    let blockStart = -1;
    let blockLine = 0;
    let prevEnd = 0;
    let start = from;
    let i = fromLine;
    for (; start >= 0; i++) {
      if (blockStart < 0) {
        this.checkpoint(start, i, 0);
        const synced = this.trySync(edit, start, i, 0);
        if (synced) return synced;
      }
      const end = this.lineEnd(start, i);
      const blank = /^\s*$/.test(text.slice(start, end));
      if (!blank && blockStart < 0) { blockStart = start; blockLine = i; }
      if (blank && blockStart >= 0) {
        this.blocks.push(new ProseBlock(blockStart, blockLine, maskUrls(text.slice(blockStart, prevEnd))));
        blockStart = -1;
      }
      prevEnd = end;
      start = this.nextStart(end);
    }
    if (blockStart >= 0) this.blocks.push(new ProseBlock(blockStart, blockLine, maskUrls(text.slice(blockStart, prevEnd))));
    return undefined;
  }

  private scanMarkdown(edit: Edit | undefined, from: number, fromLine: number, fromList: number): ProseModelUpdate | undefined {
    const text = this.text;
    const blocks = this.blocks;
    const directives = this.directives;
    let para: OpenParagraph | undefined;
    let prevBlank = true;
    let inList = fromList > 0;
    /** Column where the content of the current list item starts: code inside it is indented four more. */
    let listIndent = fromList > 0 ? fromList - 1 : 0;
    const flush = () => {
      if (para) {
        blocks.push(new ProseBlock(para.start, para.line, maskInline(text.slice(para.start, para.end), para.line, directives)));
        para = undefined;
      }
    };

    // `start` is the offset of line `i`; -1 once past the last line.
    let start = from;
    let i = fromLine;
    while (start >= 0) {
      if (prevBlank) {
        // No paragraph is open after a blank line: a point where a later scan can resume or stop.
        const list = inList ? listIndent + 1 : 0;
        this.checkpoint(start, i, list);
        const synced = this.trySync(edit, start, i, list);
        if (synced) return synced;
      }
      const end = this.lineEnd(start, i);
      const s = text.slice(start, end);

      // Fenced code: skip to the closing fence of the same character and at least the same length.
      const fence = (s.includes('```') || s.includes('~~~')) && FENCE.exec(s);
      if (fence) {
        flush();
        const marker = fence[1]!;
        const close = new RegExp(`^[ \\t]*(?:>[ \\t]?)*[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
        let j = i + 1;
        let jStart = this.nextStart(end);
        while (jStart >= 0) {
          const jEnd = this.lineEnd(jStart, j);
          if (close.test(text.slice(jStart, jEnd))) { jStart = this.nextStart(jEnd); break; }
          jStart = this.nextStart(jEnd);
          j++;
        }
        // Unclosed: the fence runs to the end of the document.
        start = jStart;
        i = j + 1;
        prevBlank = false;
        continue;
      }
      if (BLANK.test(s)) {
        flush();
        prevBlank = true;
        start = this.nextStart(end);
        i++;
        continue;
      }
      // Indented code: four columns beyond the enclosing list item's content (or the margin), after a blank line.
      const codeIndent = (inList ? listIndent : 0) + 4;
      if (prevBlank && indentWidth(s) >= codeIndent) {
        flush();
        let jEnd = end;
        while (jEnd < text.length) {
          const nStart = this.nextStart(jEnd);
          const nEnd = this.lineEnd(nStart, i + 1);
          const n = text.slice(nStart, nEnd);
          if (indentWidth(n) >= codeIndent || /^\s*$/.test(n)) { i++; jEnd = nEnd; }
          else break;
        }
        start = this.nextStart(jEnd);
        i++;
        prevBlank = true;
        continue;
      }
      // HTML comment starting a line: may span lines; may be a directive.
      if (!para && /^\s*<!--/.test(s)) {
        const open = start + s.indexOf('<!--');
        const closeAt = text.indexOf('-->', open + 4);
        const cend = closeAt < 0 ? text.length : closeAt + 3;
        if (cend > this.reach) this.reach = cend;
        let j = i;
        let jEnd = end;
        while (jEnd < text.length && jEnd < cend) {
          j++;
          jEnd = this.lineEnd(this.nextStart(jEnd), j);
        }
        if (/^\s*$/.test(text.slice(cend, jEnd))) {
          addDirective(text.slice(open + 4, closeAt < 0 ? cend : closeAt), i, j, directives);
          start = this.nextStart(jEnd);
          i = j + 1;
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
        let jStart = start;
        let jEnd = end;
        while (!closeTag.test(text.slice(jStart, jEnd)) && jEnd < text.length) {
          jStart = this.nextStart(jEnd);
          j++;
          jEnd = this.lineEnd(jStart, j);
        }
        // Closed on line j, or unclosed and running to the last line: either way the scan goes on after line j.
        start = this.nextStart(jEnd);
        i = j + 1;
        prevBlank = false;
        continue;
      }
      if (REF_DEFINITION.test(s) || TABLE_DELIMITER.test(s) || THEMATIC.test(s)) {
        flush();
        prevBlank = false;
        start = this.nextStart(end);
        i++;
        continue;
      }
      if (SETEXT.test(s) && para) {
        // The underline of a setext heading: the paragraph above is the heading.
        flush();
        prevBlank = false;
        start = this.nextStart(end);
        i++;
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
      let isTableRow = /^\s*\|/.test(s);
      if (!isTableRow && s.includes('|') && end < text.length) {
        const nStart = this.nextStart(end);
        isTableRow = TABLE_DELIMITER.test(text.slice(nStart, this.lineEnd(nStart, i + 1)));
      }
      if (isHeading || isList || isTableRow) flush();
      if (!para) para = new OpenParagraph(start, i, end);
      else para.end = end;
      if (isHeading || isTableRow) flush();
      prevBlank = false;
      start = this.nextStart(end);
      i++;
    }
    flush();
    return undefined;
  }
}

/** A line of the document: offsets of its first character and of its end (before the line break). */
export class LineSpan {
  constructor(
    public start: number,
    public end: number,
  ) {}
}

/** Splits text into lines at CRLF, LF or CR, as LSP counts lines. */
export function splitLines(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let start = 0;
  const n = text.length;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      out.push(new LineSpan(start, k));
      start = k + 1;
    } else if (c === 13) {
      out.push(new LineSpan(start, k));
      if (text.charCodeAt(k + 1) === 10) k++;
      start = k + 1;
    }
  }
  out.push(new LineSpan(start, n));
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

/** Block quote markers, list markers (with a task box) and heading hashes at the start of a line. */
const CONTAINER_MARKERS = /[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|#{1,6}[ \t]+)?/y;

const INLINE_TRIGGER = /[`<\[{>#|*+\-\d]|:\/\/|www\./;

/** Inline non-prose found by a pattern, each with a quick test of what any match must contain (most blocks hold none). */
const REGEX_MASKS: [RegExp, (src: string) => boolean][] = [
  [/<(?:https?|ftp|mailto):[^\s<>]*>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>/gi, (s) => s.includes('<')], // autolinks
  [/<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, (s) => s.includes('<')], // HTML tags
  [/\]\(\s*(?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g, (s) => s.includes('](')], // link destinations
  [/\]\[[^\]\n]*\]/g, (s) => s.includes('][')], // reference labels
  [/\b(?:https?|ftp):\/\/[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"]|\bwww\.[\w-]+(?:\.[\w-]+)+[^\s<>()\[\].,;:!?'"]*/gi, (s) => s.includes('://') || /www\./i.test(s)], // bare URLs
  [/\{%[^]*?%\}|\{\{[^]*?\}\}|<%[^]*?%>/g, (s) => s.includes('{%') || s.includes('{{') || s.includes('<%')], // template tags (Liquid, Jinja, ERB)
];

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

  // Container markers and heading hashes at line starts (tried only there: the pattern is sticky).
  for (let at = 0; ; ) {
    const c = src.charCodeAt(at);
    // Only a line starting with a space, tab, >, -, *, +, a digit or # can hold a marker.
    if (c === 32 || c === 9 || c === 62 || c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57) || c === 35) {
      CONTAINER_MARKERS.lastIndex = at;
      const m = CONTAINER_MARKERS.exec(src);
      if (m) blank(at, at + m[0].length);
    }
    const nl = src.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  // Closing hashes of ATX headings.
  if (src.includes('#')) for (let m, re = /[ \t]#+[ \t]*$/gm; (m = re.exec(src)); ) blank(m.index, m.index + m[0].length);

  // Code spans: a run of n backticks closed by a run of exactly n.
  for (let k = src.indexOf('`'); k >= 0 && k < src.length; ) {
    if (src[k] !== '`') { k = src.indexOf('`', k); if (k < 0) break; continue; }
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

  for (const [re, mayMatch] of REGEX_MASKS) {
    if (!mayMatch(src)) continue;
    re.lastIndex = 0;
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
    const part = src.slice(from, b);
    out += src.slice(at, from) + (part.includes('\n') || part.includes('\r') ? part.replace(/[^\r\n]/g, ' ') : ' '.repeat(b - from));
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
