/**
 * The benchmark's inputs, all built from the real corpus in ../shared/corpus and written to
 * bench/.work/: the corpus file list, a 1 MB document, a 10 KB document and the bad inputs (50 MB, one
 * 1 MB line, one repeated term). Deterministic: files are taken in sorted path order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MB = 1 << 20;

/** Every Markdown document of the corpus (.md, .mdx, .md.erb), sorted; SOURCES.md is the corpus's index, not a document. */
export function corpusFiles(corpusDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(md|mdx|md\.erb)$/i.test(name) && p !== path.join(corpusDir, 'SOURCES.md')) out.push(p);
    }
  };
  walk(corpusDir);
  return out;
}

/** The corpus documents joined by blank lines, repeated until at least `chars` long, then cut at the first line break after `chars`. */
export function concatenated(files: string[], chars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    for (const f of files) {
      const t = fs.readFileSync(f, 'utf8').replace(/\s+$/, '') + '\n\n';
      parts.push(t);
      length += t.length;
      if (length >= chars) break;
    }
  }
  const all = parts.join('');
  const cut = all.indexOf('\n', chars);
  return cut < 0 ? all : all.slice(0, cut + 1);
}

/** The corpus document whose size is closest to `chars`. */
export function documentNear(files: string[], chars: number): { file: string; text: string } {
  let best = { file: files[0]!, text: '' };
  let bestDiff = Infinity;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const diff = Math.abs(text.length - chars);
    if (diff < bestDiff) { best = { file: f, text }; bestDiff = diff; }
  }
  return best;
}

/** All inputs, written under `work`. */
export interface Inputs {
  corpus: string[];
  corpusChars: number;
  corpusBytes: number;
  oneMb: { file: string; text: string };
  tenKb: { file: string; text: string };
  huge: string;
  oneLine: string;
  repeated: string;
}

export function buildInputs(corpusDir: string, work: string): Inputs {
  fs.mkdirSync(work, { recursive: true });
  const corpus = corpusFiles(corpusDir);
  let corpusChars = 0;
  let corpusBytes = 0;
  for (const f of corpus) {
    const b = fs.readFileSync(f);
    corpusBytes += b.length;
    corpusChars += b.toString('utf8').length;
  }
  const oneMbText = concatenated(corpus, MB);
  const oneMbFile = path.join(work, 'doc-1mb.md');
  fs.writeFileSync(oneMbFile, oneMbText);
  const tenKb = documentNear(corpus, 10 * 1024);
  const huge = concatenated(corpus, 50 * MB);
  // One line of 1 MB: the 1 MB document with its line breaks turned into spaces (as minified Markdown would be).
  const oneLine = oneMbText.replace(/\r?\n/g, ' ').slice(0, MB);
  // One repeated term, flagged at every occurrence (ITIL v3 wording): the most findings per byte.
  const unit = 'Change Advisory Board ';
  const repeated = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  return { corpus, corpusChars, corpusBytes, oneMb: { file: oneMbFile, text: oneMbText }, tenKb, huge, oneLine, repeated };
}
