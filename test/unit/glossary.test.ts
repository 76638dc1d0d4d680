import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { regexProblem } from '../../server/src/core/glossary/check';
import { formatProblem, type GlossaryProblem, type TermEntry } from '../../server/src/core/glossary/types';
import { loadGlossary } from '../../server/src/node/glossaryFile';
import { compileRules } from '../../server/src/core/rules/data';
import { GLOSSARY_DIR, readGlossarySources } from '../../scripts/glossarySources';
import { glossarySources, testGlossary } from '../helpers/glossary';
import required from '../fixtures/required-terms.json';

const entries = (): TermEntry[] => glossarySources().compiled.terms;

describe('glossary data', () => {
  it('validates against its schema and the semantic checks', () => {
    const { problems } = readGlossarySources();
    assert.deepEqual(problems.map(formatProblem), []);
  });

  it('holds every required ITIL 4 term, every deprecated v3 term and the adjacent terms', () => {
    const ids = new Set(entries().map((e) => e.id));
    for (const id of [...required.itil4, ...required.deprecated, ...required.adjacent]) assert.ok(ids.has(id), `missing entry ${id}`);
  });

  it('marks v3 terms with a replacement deprecated, naming an ITIL 4 replacement', () => {
    const g = testGlossary();
    for (const id of required.deprecated) {
      const e = g.get(id)!;
      assert.equal(e.status, 'deprecated', id);
      const r = g.replacementOf(id);
      assert.ok(r && r.status !== 'deprecated', `${id} has no final ITIL 4 replacement`);
    }
    for (const id of required.adjacent) assert.equal(g.get(id)!.vocabulary, 'non-itil', id);
  });

  it('states the key facts of the service relationship concepts', () => {
    const g = testGlossary();
    for (const c of required.concepts as { id: string; mustMention: string[]; mustNotMention?: string[]; needsExample?: boolean }[]) {
      const e = g.get(c.id);
      assert.ok(e, `missing concept ${c.id}`);
      const text = `${e.definition} ${e.example ?? ''}`;
      for (const re of c.mustMention) assert.match(text, new RegExp(re, 'i'), `${c.id} should mention /${re}/`);
      for (const re of c.mustNotMention ?? []) assert.doesNotMatch(e.definition, new RegExp(re, 'i'), `${c.id} must not mention /${re}/`);
      if (c.needsExample) assert.ok(e.example, `${c.id} needs an example`);
    }
  });

  it('has definitions of one to three sentences a hover can show', () => {
    for (const e of entries()) {
      const sentences = e.definition.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      assert.ok(sentences >= 1 && sentences <= 3, `${e.id}: ${sentences} sentences`);
      assert.ok(e.definition.length <= 600, e.id);
    }
  });

  it('change control and change enablement carry their version history', () => {
    const g = testGlossary();
    assert.match(g.get('change-enablement')!.versionNotes ?? '', /change control/i);
    assert.match(g.get('change-control')!.versionNotes ?? '', /change enablement/i);
  });

  it('is written in our own words: no ten-word run shared with the research notes (when ../shared is present)', function () {
    const shared = path.join(__dirname, '..', '..', '..', 'shared', 'itil');
    if (!fs.existsSync(shared)) this.skip();
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean);
    const grams = new Set<string>();
    const add = (s: string) => {
      const w = norm(s);
      for (let i = 0; i + 10 <= w.length; i++) grams.add(w.slice(i, i + 10).join(' '));
    };
    add(fs.readFileSync(path.join(shared, 'NOTES.md'), 'utf8'));
    for (const t of JSON.parse(fs.readFileSync(path.join(shared, 'terms.json'), 'utf8')) as { gist: string }[]) add(t.gist);
    for (const e of entries()) {
      for (const text of [e.definition, e.versionNotes ?? '', e.replacementNote ?? '', e.example ?? '']) {
        const w = norm(text);
        for (let i = 0; i + 10 <= w.length; i++) assert.ok(!grams.has(w.slice(i, i + 10).join(' ')), `${e.id} repeats: "${w.slice(i, i + 10).join(' ')}"`);
      }
    }
  });
});

describe('glossary data: bad input is reported, located, and never followed forever', () => {
  function withGlossary(files: Record<string, unknown>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itil-glossary-'));
    fs.mkdirSync(path.join(dir, 'terms'));
    fs.mkdirSync(path.join(dir, 'schema'));
    fs.copyFileSync(path.join(GLOSSARY_DIR, 'schema', 'terms.schema.json'), path.join(dir, 'schema', 'terms.schema.json'));
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'terms', name), typeof content === 'string' ? content : JSON.stringify(content));
    try {
      return readGlossarySources(dir).problems.map(formatProblem);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const entry = (id: string, extra: object = {}) => ({
    id,
    term: id.replace(/-/g, ' '),
    definition: 'A definition long enough to pass the schema.',
    category: 'concept',
    status: 'preferred',
    vocabulary: 'itil4',
    source: { publication: 'Test' },
    ...extra,
  });

  it('names file, entry and field of a schema error', () => {
    const p = withGlossary({ 'a.json': { terms: [entry('alpha', { status: 'retired' })] } });
    assert.equal(p.length, 1);
    assert.match(p[0]!, /a\.json: entry 'alpha', field 'status': must be equal to one of the allowed values/);
  });
  it('names the file and position of broken JSON', () => {
    const p = withGlossary({ 'b.json': '{ "terms": [ }' });
    assert.match(p[0]!, /b\.json: not valid JSON at line 1/);
  });
  it('reports duplicate ids, shared aliases, unknown references', () => {
    const p = withGlossary({
      'a.json': { terms: [entry('alpha', { aliases: ['AB'], related: ['nowhere'] }), entry('beta', { aliases: ['AB'] })] },
      'b.json': { terms: [entry('alpha')] },
    });
    assert.ok(p.some((x) => /entry 'alpha', field 'id': duplicate id/.test(x)), p.join('\n'));
    assert.ok(p.some((x) => /'AB' is also used by/.test(x)), p.join('\n'));
    assert.ok(p.some((x) => /entry 'alpha', field 'related\[0\]': unknown id 'nowhere'/.test(x)), p.join('\n'));
  });
  it('reports a replacement cycle once per entry and terminates', () => {
    const dep = (id: string, to: string) => entry(id, { status: 'deprecated', vocabulary: 'itil3', replacedBy: [to] });
    const p = withGlossary({ 'c.json': { terms: [dep('one', 'two'), dep('two', 'three'), dep('three', 'one')] } });
    assert.equal(p.filter((x) => /replacement cycle/.test(x)).length, 3);
    assert.ok(p.some((x) => /one -> two -> three -> one/.test(x)));
  });
  it('rejects pathological and invalid regular expressions', () => {
    assert.match(regexProblem('(a+)+$') ?? '', /exponential/);
    assert.match(regexProblem('(\\w*\\s?)*x') ?? '', /exponential/);
    assert.match(regexProblem('(x') ?? '', /invalid regular expression/);
    assert.match(regexProblem('(a)\\1') ?? '', /back-reference/);
    assert.equal(regexProblem('\\bCMDB\\b'), undefined);
    assert.equal(regexProblem('(?:\\W+\\w+){0,3}\\W+'), undefined);
  });
});

describe('compiled glossary: patterns the build checked are trusted only while unchanged', () => {
  function writeCompiled(mutate: (data: { rules: { context?: { any?: { after?: string }[] } }[]; rulesDigest?: string }) => void): string {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'dist', 'glossary.json'), 'utf8'));
    mutate(data);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'itil-compiled-')), 'glossary.json');
    fs.writeFileSync(file, JSON.stringify(data));
    return file;
  }

  it('trusts the rules the build wrote, with their digest', () => {
    const g = loadGlossary(writeCompiled(() => {}));
    assert.equal(g.rulesChecked, true);
    assert.deepEqual(compileRules(g).length, compileRules(testGlossary()).length);
  });

  it('checks again, and drops with a located problem, a rule edited after the build (an exponential pattern)', () => {
    const g = loadGlossary(
      writeCompiled((data) => {
        const rule = data.rules.find((r) => r.context?.any?.some((c) => c.after !== undefined))!;
        rule.context!.any!.find((c) => c.after !== undefined)!.after = '(a+)+b';
      }),
    );
    assert.equal(g.rulesChecked, false);
    const problems: GlossaryProblem[] = [];
    compileRules(g, problems);
    assert.equal(problems.length, 1, problems.map(formatProblem).join('\n'));
    assert.match(formatProblem(problems[0]!), /context\.any\[\d+\]\.after/);
  });

  it('does not trust a compiled glossary without a digest', () => {
    assert.equal(loadGlossary(writeCompiled((data) => delete data.rulesDigest)).rulesChecked, false);
  });
});
