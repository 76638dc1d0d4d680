/**
 * Incremental work after an edit: the prose model resumed from the edit equals the model built from
 * scratch, and the analysis judges again only the blocks whose text is new. Edits are drawn from a
 * seeded generator, so every run checks the same cases.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildProseModel, updateProseModel, type ProseLanguage, type ProseModel } from '../../server/src/core/prose/proseModel';
import { LanguageService } from '../../server/src/core/languageService';
import { lineStartsOf } from '../../server/src/core/analysis';
import { createRuleEngine } from '../../server/src/core/rules/engine';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { testGlossary } from '../helpers/glossary';
import { random } from '../../bench/src/stats';

const root = path.join(__dirname, '..', '..');

/** Markdown with every construct the scanner tracks across lines. */
const CONSTRUCTS = [
  '---',
  'title: Change policy',
  'itil: true',
  '---',
  '',
  '# Change policy',
  '',
  'The Change Advisory Board reviews every normal change. The customer logs in to the portal.',
  'A second line of the same paragraph.',
  '',
  '- a list item about the service desk',
  '  continued under the item',
  '',
  '      indented code inside the list',
  '',
  '1. numbered item with `inline code` and a [link](https://example.com/x)',
  '',
  '```yaml',
  'change advisory board: not prose',
  '```',
  '',
  '    indented code: Change Advisory Board',
  '',
  '<!-- itil-disable-next-line -->',
  'The Change Advisory Board met.',
  '',
  '<!--',
  'a comment over lines',
  '-->',
  '',
  '| term | meaning |',
  '| --- | --- |',
  '| SLA | service level agreement |',
  '',
  '<pre>',
  'Change Advisory Board in raw HTML',
  '</pre>',
  '',
  'Setext heading',
  '==============',
  '',
  '> A quote about incident management.',
  '',
  '[ref]: https://example.com',
  '',
  'Last paragraph: the service level agreement is signed.',
].join('\n');

/** Insertions that open or close what spans lines, and ordinary typing. */
const SNIPPETS = ['x', ' ', '\n', '\n\n', '```\n', '~~~', '<!--', '-->', '<!-- itil-disable -->\n', '| a | b |\n|---|---|\n', '# ', '- ', '1. ', '    ', '\t', '---\n', '\r\n', '<pre>', '</pre>', '> ', '`', '===\n', 'Change Advisory Board ', ''];

function documents(): string[] {
  const samples = fs.readdirSync(path.join(root, 'samples')).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(root, 'samples', f), 'utf8'));
  return [CONSTRUCTS, CONSTRUCTS.replace(/\n/g, '\r\n'), ...samples];
}

const shape = (m: ProseModel) => ({ blocks: m.blocks, directives: m.directives, frontMatter: m.frontMatter, lineCount: m.lineCount });

describe('incremental prose model: resumed after an edit, it equals a fresh scan', () => {
  for (const language of ['markdown', 'plaintext'] as ProseLanguage[]) {
    it(`${language}: 600 random edits`, () => {
      const next = random(language === 'markdown' ? 7 : 11);
      const starts = documents();
      for (const start of starts) {
        let text = start;
        let model = buildProseModel(text, language);
        for (let k = 0; k < 600 / starts.length; k++) {
          const at = Math.floor(next() * (text.length + 1));
          const removed = next() < 0.4 ? Math.floor(next() * 30) : 0;
          const inserted = SNIPPETS[Math.floor(next() * SNIPPETS.length)]!;
          const edited = text.slice(0, at) + inserted + text.slice(at + removed);
          const up = updateProseModel(model, text, edited, language);
          const what = `${JSON.stringify(inserted)} at ${at}, ${removed} removed`;
          assert.deepEqual(shape(up.model), shape(buildProseModel(edited, language)), what);
          // What it says it kept is what the previous model had.
          for (let b = 0; b < up.head; b++) assert.equal(up.model.blocks[b], model.blocks[b], what);
          for (let b = up.tail; b < up.model.blocks.length; b++) assert.equal(up.model.blocks[b]!.text, model.blocks[b - up.tail + up.oldTail]!.text, what);
          text = edited;
          model = up.model;
        }
      }
    });
  }

  it('rescans only around the edit: a word typed in one paragraph of many', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} mentions the service desk and an incident.`);
    const text = paragraphs.join('\n\n');
    const model = buildProseModel(text, 'markdown');
    const at = text.indexOf('Paragraph 100') + 'Paragraph 100'.length;
    const up = updateProseModel(model, text, text.slice(0, at) + 'x' + text.slice(at), 'markdown');
    assert.equal(up.model.blocks.length, 200);
    assert.ok(up.tail - up.head <= 2, `rescanned blocks ${up.head}..${up.tail}`);
  });
});

describe('incremental analysis: an edit judges again only blocks with new text', () => {
  function countingService(): { service: LanguageService; judged: () => number } {
    const glossary = testGlossary();
    const inner = createRuleEngine(glossary);
    let count = 0;
    return {
      service: new LanguageService({ glossary, engine: { judge: (ctx) => (count++, inner.judge(ctx)) } }),
      judged: () => {
        const n = count;
        count = 0;
        return n;
      },
    };
  }

  it('one block per typed character, none when it is undone, and the same diagnostics as a fresh analysis', () => {
    const { service, judged } = countingService();
    const fresh = new LanguageService({ glossary: testGlossary() });
    const doc = TextDocument.create('file:///incremental.md', 'markdown', 1, CONSTRUCTS);
    service.diagnostics(doc, DEFAULT_SETTINGS);
    const blocks = service.analyze(doc).blocks.length;
    assert.equal(judged(), blocks);
    const at = doc.positionAt(CONSTRUCTS.indexOf('reviews every'));
    TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'x' }], 2);
    const afterTyping = service.diagnostics(doc, DEFAULT_SETTINGS);
    assert.equal(judged(), 1);
    assert.deepEqual(afterTyping, fresh.diagnostics(TextDocument.create('file:///fresh-2.md', 'markdown', 2, doc.getText()), DEFAULT_SETTINGS));
    TextDocument.update(doc, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }], 3);
    const afterUndo = service.diagnostics(doc, DEFAULT_SETTINGS);
    assert.equal(judged(), 0);
    assert.deepEqual(afterUndo, fresh.diagnostics(TextDocument.create('file:///fresh-3.md', 'markdown', 3, CONSTRUCTS), DEFAULT_SETTINGS));
  });

  it('random edits: diagnostics always equal those of a fresh analysis', () => {
    const next = random(5);
    const service = new LanguageService({ glossary: testGlossary() });
    const fresh = new LanguageService({ glossary: testGlossary() });
    let version = 1;
    const doc = TextDocument.create('file:///random.md', 'markdown', version, CONSTRUCTS);
    for (let k = 0; k < 150; k++) {
      const text = doc.getText();
      const at = Math.floor(next() * (text.length + 1));
      const removed = next() < 0.3 ? Math.floor(next() * 20) : 0;
      const inserted = SNIPPETS[Math.floor(next() * SNIPPETS.length)]!;
      TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(Math.min(text.length, at + removed)) }, text: inserted }], ++version);
      const copy = TextDocument.create(`file:///random-${k}.md`, 'markdown', version, doc.getText());
      assert.deepEqual(service.diagnostics(doc, DEFAULT_SETTINGS), fresh.diagnostics(copy, DEFAULT_SETTINGS), `edit ${k}: ${JSON.stringify(inserted)} at ${at}`);
      fresh.forget(copy.uri);
    }
  });
});

describe('analysis: blocks without glossary terms', () => {
  it('are not split into sentences, and raise nothing, while a block with a misuse still raises it', () => {
    const glossary = testGlossary();
    const inner = createRuleEngine(glossary);
    const read: string[] = [];
    const engine = {
      judge: (ctx: Parameters<typeof inner.judge>[0]) =>
        inner.judge({
          text: ctx.text,
          terms: ctx.terms,
          glossary: ctx.glossary,
          get sentences() {
            read.push(ctx.text);
            return ctx.sentences;
          },
        }),
    };
    const service = new LanguageService({ glossary, engine });
    const text = ['Plain words about lunch and the weather.', '', 'The customer logs in to the portal every morning.', '', 'Nothing to see here either.', ''].join('\n');
    const doc = TextDocument.create('file:///terms.md', 'markdown', 1, text);
    const found = service.diagnostics(doc, DEFAULT_SETTINGS);
    assert.equal(service.analyze(doc).blocks.length, 3);
    assert.deepEqual([...new Set(read)].map((t) => t.trim()), ['The customer logs in to the portal every morning.']);
    assert.deepEqual(found.map((d) => d.range.start.line), [2]);
  });

  it('keep line starts for LF, CRLF and CR breaks', () => {
    assert.deepEqual(lineStartsOf('ab\ncd\n\nef'), [0, 3, 6, 7]);
    assert.deepEqual(lineStartsOf('ab\r\ncd\ref\n'), [0, 4, 7, 10]);
    assert.deepEqual(lineStartsOf('no break'), [0]);
  });
});
