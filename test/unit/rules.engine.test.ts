/**
 * Cue spans of the rule engine, judged with small rules of their own: a `passage` cue reads the sentences
 * joined to the trigger's by semicolons or the pipes of a record line and a question's answer, and `unlessIn` moves a cue's exception to a wider span.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Glossary } from '../../server/src/core/glossary/glossary';
import type { GlossaryProblem } from '../../server/src/core/glossary/types';
import { LanguageService } from '../../server/src/core/languageService';
import { compileRules, type RuleData } from '../../server/src/core/rules/data';
import { createRuleEngine } from '../../server/src/core/rules/engine';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { glossarySources } from '../helpers/glossary';

function serviceWith(rule: Omit<RuleData, 'examples' | 'family' | 'code'>): LanguageService {
  const data: RuleData = { code: 'itil.test.rule', family: 'roles', examples: { bad: [{ text: 'x' }], good: ['y'] }, message: 'test', suggest: [{ term: 'customer' }], ...rule };
  const glossary = new Glossary({ ...glossarySources().compiled, rules: [data], prefilters: undefined });
  assert.ok(compileRules(glossary).some((r) => r.code === 'itil.test.rule'), 'the test rule compiles');
  return new LanguageService({ glossary, engine: createRuleEngine(glossary) });
}

let docs = 0;

function fires(service: LanguageService, text: string): string[] {
  const doc = TextDocument.create(`untitled:engine-${++docs}.md`, 'markdown', 1, text);
  return service.diagnostics(doc, { ...DEFAULT_SETTINGS, documentScope: 'itsm' }).filter((d) => d.code === 'itil.test.rule').map((d) => doc.getText(d.range));
}

describe('rule engine: cue spans', () => {
  it('a passage cue reads past semicolons, a sentence cue does not', () => {
    const passage = serviceWith({ trigger: { terms: ['user'] }, context: { all: [{ passage: '\\bset (?:its|the) targets\\b' }] } });
    const sentence = serviceWith({ trigger: { terms: ['user'] }, context: { all: [{ sentence: '\\bset (?:its|the) targets\\b' }] } });
    const joined = 'Dana is the user of the CRM; she set its targets with the vendor.';
    assert.deepEqual(fires(passage, joined), ['user']);
    assert.deepEqual(fires(sentence, joined), []);
    // Both ways: the cue may stand before the trigger's sentence too.
    assert.deepEqual(fires(passage, 'She set its targets last year; Dana is the user of the CRM.'), ['user']);
    // A full stop ends the passage.
    assert.deepEqual(fires(passage, 'Dana is the user of the CRM. She set its targets with the vendor.'), []);
    // At most three sentences on each side.
    assert.deepEqual(fires(passage, 'Dana is the user of the CRM; a; b; c; she set its targets.'), []);
    assert.deepEqual(fires(passage, 'Dana is the user of the CRM; a; b; she set its targets.'), ['user']);
    // Never past 1,000 characters: a long middle sentence keeps the cue out of reach.
    const long = `${'word '.repeat(190)}and more;`;
    assert.deepEqual(fires(passage, `Dana is the user of the CRM; ${long} she set its targets.`), []);
    assert.deepEqual(fires(passage, `Dana is the user of the CRM; ${long.slice(400)} she set its targets.`), ['user']);
  });

  it('a passage reads the fields of a record line joined by pipes, as by semicolons', () => {
    const passage = serviceWith({ trigger: { terms: ['user'] }, context: { all: [{ passage: '\\bapproves the budget\\b' }] } });
    const sentence = serviceWith({ trigger: { terms: ['user'] }, context: { all: [{ sentence: '\\bapproves the budget\\b' }] } });
    const record = 'Owner: Finance Director | Role: user | Responsibility: approves the budget';
    assert.deepEqual(fires(passage, record), ['user']);
    assert.deepEqual(fires(sentence, record), []);
    assert.deepEqual(fires(passage, 'Responsibility: approves the budget | Role: user'), ['user']);
    // A full stop still ends the passage, pipe or not.
    assert.deepEqual(fires(passage, 'Role: user. Responsibility: approves the budget'), []);
  });

  it('a passage joins a question and the sentence that answers it, one sentence each way', () => {
    const passage = serviceWith({ trigger: { terms: ['customer'] }, context: { all: [{ passage: '\\bevery shift\\b' }] } });
    const sentence = serviceWith({ trigger: { terms: ['customer'] }, context: { all: [{ sentence: '\\bevery shift\\b' }] } });
    const qa = 'Who is the customer of the alerting app? The operators, who read its alerts every shift.';
    assert.deepEqual(fires(passage, qa), ['customer']);
    assert.deepEqual(fires(sentence, qa), []);
    // The trigger may stand in the answer, the cue in the question.
    assert.deepEqual(fires(passage, 'Who reads the alerts every shift? The customer, according to the catalogue.'), ['customer']);
    // A statement is not a question: a full stop still ends the passage.
    assert.deepEqual(fires(passage, 'The customer of the alerting app is the operators. They read its alerts every shift.'), []);
    // Only the one answer: the sentence after it is not read.
    assert.deepEqual(fires(passage, 'Who is the customer of the alerting app? The operators. They read its alerts every shift.'), []);
  });

  it('unlessIn moves an exception from the cue span to the sentence', () => {
    const rule = (unlessIn?: 'sentence') =>
      serviceWith({ trigger: { terms: ['user'] }, context: { all: [{ clause: '\\bagreed\\b', unless: '\\bcontract\\b', ...(unlessIn ? { unlessIn } : {}) }] } });
    const text = 'Under the contract, the user agreed the targets.';
    assert.deepEqual(fires(rule(), text), ['user'], 'the clause cue alone does not see the first clause');
    assert.deepEqual(fires(rule('sentence'), text), []);
    assert.deepEqual(fires(rule('sentence'), 'The user agreed the targets.'), ['user']);
  });

  it('an unless pattern in the passage vetoes its cue', () => {
    const service = serviceWith({ trigger: { terms: ['user'] }, context: { all: [{ clause: '\\bagreed\\b', unless: '\\bon behalf of\\b', unlessIn: 'passage' }] } });
    assert.deepEqual(fires(service, 'The user agreed the targets; she did it on behalf of the board.'), []);
    assert.deepEqual(fires(service, 'The user agreed the targets. She did it on behalf of the board.'), ['user']);
  });

  it('unlessIn without unless is a located build error', () => {
    const glossary = new Glossary({
      ...glossarySources().compiled,
      rules: [{ code: 'itil.test.rule', family: 'roles', trigger: { terms: ['user'] }, context: { all: [{ clause: 'x', unlessIn: 'sentence' }] }, examples: { bad: [{ text: 'x' }], good: ['y'] } }],
      prefilters: undefined,
    });
    const problems: GlossaryProblem[] = [];
    compileRules(glossary, problems);
    const text = problems.map((p) => `${p.entry} ${p.field}: ${p.message}`);
    assert.ok(text.some((p) => p.startsWith('itil.test.rule ') && /unlessIn: unlessIn needs an unless/.test(p)), text.join('\n'));
  });
});
