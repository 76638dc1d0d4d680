/**
 * The prose model checked against markdown-it, a CommonMark parser, as an oracle: every line that
 * markdown-it calls code (fenced or indented) or front matter must hold no prose in our model, and the
 * text of every inline code span must be masked. Runs over the repository's own Markdown and, when
 * present, the real-world corpus beside the repository.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { buildProseModel, splitLines } from '../../server/src/core/prose/proseModel';

const md = new MarkdownIt('commonmark');
const root = path.join(__dirname, '..', '..');

function markdownFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) markdownFiles(p, out);
    else if (/\.md(\.erb)?$/.test(name)) out.push(p);
  }
  return out;
}

/** Problems where our model treats as prose what markdown-it calls code. */
function disagreements(text: string): string[] {
  const problems: string[] = [];
  const body = text.replace(/^---\r?\n[^]*?\r?\n---\r?\n/, (m) => m.replace(/[^\r\n]/g, ' '));
  const tokens = md.parse(body, {});
  const model = buildProseModel(text, 'markdown');
  // Prose characters per line, from the model.
  const proseOnLine = new Map<number, string>();
  for (const b of model.blocks) {
    const ls = splitLines(b.text);
    ls.forEach((l, i) => proseOnLine.set(b.line + i, (proseOnLine.get(b.line + i) ?? '') + b.text.slice(l.start, l.end)));
  }
  const inlineCode: string[] = [];
  for (const t of tokens) {
    if ((t.type === 'fence' || t.type === 'code_block') && t.map) {
      for (let l = t.map[0] + (t.type === 'fence' ? 1 : 0); l < t.map[1] - (t.type === 'fence' ? 1 : 0); l++) {
        const prose = (proseOnLine.get(l) ?? '').trim();
        if (/[A-Za-z]{3,}/.test(prose)) problems.push(`line ${l + 1} is ${t.type} for markdown-it but prose here: ${JSON.stringify(prose.slice(0, 60))}`);
      }
    }
    for (const c of t.children ?? []) if (c.type === 'code_inline' && /[A-Za-z]{4,}/.test(c.content)) inlineCode.push(c.content);
  }
  const allProse = model.blocks.map((b) => b.text).join('\n');
  for (const code of inlineCode) {
    // Code text may legitimately also occur as prose elsewhere; flag only when it never occurs masked.
    const occurrences = text.split('`' + code + '`').length - 1;
    if (occurrences > 0 && allProse.includes('`' + code + '`')) problems.push(`inline code ${JSON.stringify(code)} left as prose`);
  }
  return problems;
}

describe('prose model agrees with markdown-it on what is code', () => {
  const own = [...markdownFiles(path.join(root, 'samples')), ...['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md'].map((f) => path.join(root, f)).filter(fs.existsSync)];
  for (const file of own) {
    it(path.relative(root, file), () => assert.deepEqual(disagreements(fs.readFileSync(file, 'utf8')), []));
  }
  it('the real-world corpus (when ../shared is present)', function () {
    const corpus = path.join(root, '..', 'shared', 'corpus');
    if (!fs.existsSync(corpus)) this.skip();
    const files = markdownFiles(corpus);
    assert.ok(files.length > 100);
    const all: string[] = [];
    for (const f of files) for (const p of disagreements(fs.readFileSync(f, 'utf8'))) all.push(`${path.relative(corpus, f)}: ${p}`);
    assert.deepEqual(all, []);
  });
});
