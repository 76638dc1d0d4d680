import { strict as assert } from 'node:assert';
import { CompletionItemTag } from 'vscode-languageserver-types';
import { docWithCursor, testService } from '../helpers/glossary';

const service = testService();

function complete(text: string) {
  const { doc, position } = docWithCursor(text);
  return service.completions(doc, position).items;
}

function insertOf(text: string, label: string): string | undefined {
  const item = complete(text).find((i) => i.label === label);
  return item && item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined;
}

describe('completion', () => {
  const offered: [string, string][] = [
    ['We sign a service lev$$', 'service level agreement'],
    ['We sign a lev$$', 'service level agreement'],
    ['The incid$$', 'incident'],
    ['Raise a serv$$', 'service request'],
    ['- the chan$$', 'change enablement'],
  ];
  for (const [text, label] of offered) {
    it(`${JSON.stringify(text)} offers ${label}`, () => assert.ok(complete(text).some((i) => i.label === label), complete(text).map((i) => i.label).slice(0, 10).join(', ')));
  }

  it('follows the case of what was typed', () => {
    assert.equal(insertOf('The Service Lev$$', 'service level agreement'), 'Service Level Agreement');
    assert.equal(insertOf('Incid$$', 'incident'), 'Incident');
    assert.equal(insertOf('an incid$$', 'incident'), 'incident');
  });

  it('replaces exactly the typed words', () => {
    const { doc, position } = docWithCursor('The Service Lev$$ rest');
    const item = service.completions(doc, position).items.find((i) => i.label === 'service level agreement')!;
    assert.ok(item.textEdit && 'range' in item.textEdit);
    assert.deepEqual(item.textEdit.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 15 } });
  });

  it('expands an abbreviation to "term (ABBR)"', () => {
    const item = complete('Our SL$$').find((i) => String(i.label).startsWith('SLA'));
    assert.ok(item, 'no SLA item');
    assert.equal(item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '', 'service level agreement (SLA)');
  });

  it('offers deprecated terms struck through, inserting the replacement', () => {
    const item = complete('the Change Advis$$').find((i) => i.label === 'change advisory board');
    assert.ok(item);
    assert.deepEqual(item.tags, [CompletionItemTag.Deprecated]);
    assert.equal(item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '', 'Change Authority');
  });

  it('resolves documentation lazily', () => {
    const item = complete('The incid$$').find((i) => i.label === 'incident')!;
    assert.equal(item.documentation, undefined);
    const resolved = service.resolveCompletion({ ...item });
    assert.match((resolved.documentation as { value: string }).value, /\*\*incident\*\*/);
  });

  it('offers nothing inside code, URLs or front matter, or past the end', () => {
    assert.deepEqual(complete('Run `incid$$`'), []);
    assert.deepEqual(complete('```\nincid$$\n```'), []);
    assert.deepEqual(complete('See https://x.org/incid$$'), []);
    assert.deepEqual(complete('---\ntitle: incid$$\n---\n'), []);
    const { doc } = docWithCursor('text');
    assert.deepEqual(service.completions(doc, { line: 9, character: 0 }).items, []);
  });
});
