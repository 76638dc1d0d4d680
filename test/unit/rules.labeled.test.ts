/**
 * The misuse rules measured on the labeled set (test/fixtures/labeled), and every rule's own examples.
 * Needs nothing outside the repository.
 */
import * as assert from 'node:assert/strict';
import { Glossary } from '../../server/src/core/glossary/glossary';
import { compileRules } from '../../server/src/core/rules/data';
import { exampleFailures, validateRulesData } from '../../server/src/core/rules/validate';
import { FAMILIES } from '../../server/src/core/rules/types';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { LanguageService } from '../../server/src/core/languageService';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { evaluateLabeled, ratios, readLabeled } from '../../scripts/evaluate';
import { readGlossarySources } from '../../scripts/glossarySources';

const { compiled, problems } = readGlossarySources();
const glossary = new Glossary(compiled);

describe('rules: data', () => {
  it('the glossary and rule files have no problems', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(validateRulesData(glossary), []);
  });

  it('every family has rules from data, and every data rule has examples', () => {
    const rules = compileRules(glossary);
    for (const f of FAMILIES) assert.ok(rules.some((r) => r.family === f && !r.generated), `no data rule for ${f}`);
    for (const r of rules.filter((x) => !x.generated)) {
      assert.ok(r.examples.bad.length && r.examples.good.length, `${r.code} lacks examples`);
      assert.match(r.code, /^itil\.[a-z0-9]+\.[a-z0-9-]+$/);
    }
  });

  it('every bad example fires with its suggestion and no good example fires', () => {
    const failures = exampleFailures(glossary).map((f) => `${f.rule.code} ${f.kind}[${f.index}] "${f.text}": ${f.message}`);
    assert.deepEqual(failures, []);
  });

  it('a rule with an exponential regex or an unknown id is rejected with file, code and field', () => {
    const bad = new Glossary({
      ...compiled,
      rules: [
        ...compiled.rules,
        { code: 'itil.role.test-bad', family: 'roles', file: 'glossary/rules/x.json', trigger: { terms: ['customer'] }, context: { any: [{ after: '(a+)+b' }] }, suggest: [{ term: 'no-such-id' }], message: 'm', examples: { bad: [{ text: 'x' }], good: ['y'] } },
      ],
    });
    const found = validateRulesData(bad);
    assert.ok(found.some((p) => p.file === 'glossary/rules/x.json' && p.entry === 'itil.role.test-bad' && p.field === 'context.any[0].after' && /exponential/.test(p.message)));
    assert.ok(found.some((p) => p.entry === 'itil.role.test-bad' && p.field === 'suggest[0].term'));
  });
});

describe('rules: case-sensitive cues', () => {
  it('match capitalised names only, while other cues ignore case', () => {
    const rule = (caseSensitive: boolean) => ({
      code: 'itil.agreement.test-case', family: 'agreements', file: 'glossary/rules/x.json', trigger: { terms: ['operational-level-agreement'] },
      context: { any: [{ after: 'with (?:[A-Z][a-z]+ ){1,3}(?:Ltd|Electronics|Systems)\\b', caseSensitive }] },
      suggest: [{ term: 'underpinning-contract' }], message: 'm', examples: { bad: [{ text: 'x' }], good: ['y'] },
    });
    const codes = (caseSensitive: boolean, text: string) => {
      const g = new Glossary({ ...compiled, rules: [rule(caseSensitive)] });
      const service = new LanguageService({ glossary: g });
      const doc = TextDocument.create('case://1.md', 'markdown', 1, text);
      return service.diagnostics(doc, { ...DEFAULT_SETTINGS, documentScope: 'itsm' }).map((d) => d.code);
    };
    assert.deepEqual(codes(true, 'An OLA with Cygnet Marine Electronics sets the response time.'), ['itil.agreement.test-case']);
    assert.deepEqual(codes(true, 'An OLA with the marine electronics team sets the response time.'), []);
    assert.deepEqual(codes(false, 'An OLA with the marine electronics team sets the response time.'), ['itil.agreement.test-case']);
  });
});

describe('rules: labeled set', () => {
  const service = new LanguageService({ glossary });
  const items = readLabeled();

  it('has at least 250 sentences covering every family, with misuses and correct use', () => {
    assert.ok(items.length >= 250, `${items.length} sentences`);
    for (const f of FAMILIES) {
      assert.ok(items.some((i) => i.family === f && i.expect.length), `no misuse for ${f}`);
      assert.ok(items.some((i) => i.family === f && !i.expect.length), `no correct use for ${f}`);
    }
  });

  it('meets the targets with documentScope itsm (precision >= 0.95, recall >= 0.85, suggestion >= 0.90)', () => {
    const r = evaluateLabeled(service, items, { ...DEFAULT_SETTINGS, documentScope: 'itsm' });
    const q = ratios(r.overall);
    const detail = [...r.falsePositives.map((x) => `FP ${x.code} '${x.term}': ${x.item.text}`), ...r.falseNegatives.map((x) => `FN ${x.code} '${x.term}': ${x.item.text}`)].join('\n');
    assert.ok(q.precision >= 0.95, `precision ${q.precision}\n${detail}`);
    assert.ok(q.recall >= 0.85, `recall ${q.recall}\n${detail}`);
    assert.ok(q.suggestion >= 0.9, `suggestion ${q.suggestion}`);
    for (const f of FAMILIES) assert.ok(ratios(r.perFamily[f]).precision >= 0.9, `${f} precision`);
  });

  it('pins every sentence with documentScope itsm: no false positive, and only the listed misses', () => {
    // A sentence that changes outcome fails here by name, even while the totals above still pass. A rule
    // change that catches one of these misses removes it from the list; one that loses a sentence adds it
    // only with a reason in its commit.
    const knownMisses = [
      "itil.value.warranty-utility 'warranty': Being able to book a tasting and a tour in one basket is our main warranty improvement this year.",
      "itil.agreement.sla-supplier 'SLA': Our SLA with Inmarsat guarantees satellite link repair within six hours.",
      "itil.agreement.sla-supplier 'SLA': Kessler's SLA with us covers replacement telescope drives within ten working days.",
      "itil.work.incident-request 'incidents': Close the incidents once the new laptops have been fulfilled.",
      "itil.value.utility-warranty 'utility': Q: What does utility mean for the payroll run? A: it must never time out on the last Friday of the month.",
      "itil.value.utility-warranty 'utility': We improved the utility of the records system, which no longer loses data after a power cut.",
      "itil.outcome.output-called-outcome 'outcome': The supplier submitted the final outcome, a 40-page design document, a week late.",
      "itil.value.warranty-utility 'warranty': The warranty of the crash reporter is its ability to group similar crashes.",
      "itil.value.warranty-utility 'warranty': New game modes and cross-play support are the warranty improvements in this release.",
      "itil.value.warranty-utility 'warranty': Extra dashboards and a CSV export were the main warranty gains of the upgrade.",
      "itil.outcome.outcome-called-output 'output': The main output of the service is that breaches fall by a third.",
      "itil.outcome.outcome-called-output 'outputs': We measure the outputs of the service by how many patients avoid a journey to hospital.",
      "itil.agreement.sla-supplier 'SLA': The clinic holds an SLA from its payment gateway provider.",
    ];
    const r = evaluateLabeled(service, items, { ...DEFAULT_SETTINGS, documentScope: 'itsm' });
    assert.deepEqual(r.falsePositives.map((x) => `${x.item.where} ${x.code} '${x.term}': ${x.item.text}`), []);
    assert.deepEqual(r.falseNegatives.map((x) => `${x.code} '${x.term}': ${x.item.text}`).sort(), [...knownMisses].sort());
  });

  it('keeps precision with documentScope auto (a lone sentence must prove its own scope)', () => {
    const r = evaluateLabeled(service, items, { ...DEFAULT_SETTINGS, documentScope: 'auto' });
    assert.ok(ratios(r.overall).precision >= 0.95);
  });
});
