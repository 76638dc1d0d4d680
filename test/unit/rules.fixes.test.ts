/**
 * Quick fixes end to end: findings -> diagnostics -> code actions -> edited text; inline directives;
 * severity settings; bounded time on hostile input.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { computeCodeActions } from '../../server/src/core/features/codeActions';
import { ruleAnchor, type DiagnosticData } from '../../server/src/core/features/diagnostics';
import { Glossary } from '../../server/src/core/glossary/glossary';
import { LanguageService } from '../../server/src/core/languageService';
import { createRuleEngine } from '../../server/src/core/rules/engine';
import { splitSentences } from '../../server/src/core/prose/sentences';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/settings';
import { readGlossarySources } from '../../scripts/glossarySources';

const glossary = new Glossary(readGlossarySources().compiled);
const service = new LanguageService({ glossary });
const ITSM: Settings = { ...DEFAULT_SETTINGS, documentScope: 'itsm' };
let n = 0;

function doc(text: string): TextDocument {
  return TextDocument.create(`mem://${n++}.md`, 'markdown', 1, text);
}

function diagnostics(text: string, settings: Settings = ITSM): { d: TextDocument; diags: Diagnostic[] } {
  const d = doc(text);
  return { d, diags: service.diagnostics(d, settings) };
}

function apply(d: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(d, edits);
}

function firstFix(text: string, settings: Settings = ITSM): string {
  const { d, diags } = diagnostics(text, settings);
  assert.ok(diags.length, `no diagnostic for: ${text}`);
  const actions = computeCodeActions(d.uri, [diags[0]!], diags, undefined);
  const edit = actions[0]!.edit!.changes![d.uri]!;
  return apply(d, edit);
}

describe('rules: quick fixes', () => {
  const cases: [string, string][] = [
    ['Customers log in to the portal every morning.', 'Users log in to the portal every morning.'],
    ['The customer logs in to the portal.', 'The user logs in to the portal.'],
    ['Log an incident to request a new laptop.', 'Log a service request to request a new laptop.'],
    ['Open an incident for a new monitor.', 'Open a service request for a new monitor.'],
    ['Password reset incidents are common.', 'Password reset service requests are common.'],
    ['We signed an SLA with our network supplier.', 'We signed a UC with our network supplier.'],
    ['The service desk has an SLA with the database team.', 'The service desk has an OLA with the database team.'],
    ['Submit a service request to fix the broken printer.', 'Submit an incident to fix the broken printer.'],
    ['Warranty is what the service does.', 'Utility is what the service does.'],
    ['UTILITY COVERS AVAILABILITY AND CAPACITY.', 'WARRANTY COVERS AVAILABILITY AND CAPACITY.'],
    ['The Change Advisory Board meets on Tuesdays.', 'The Change Authority meets on Tuesdays.'],
    ["Outages affect the customer's ability to use the app.", "Outages affect the user's ability to use the app."],
    ['Utility requirements include a response time under two seconds.', 'Warranty requirements include a response time under two seconds.'],
    ['Warranty requirements: create purchase orders and approve invoices.', 'Utility requirements: create purchase orders and approve invoices.'],
    ['We buy our laptops from a customer in Leeds.', 'We buy our laptops from a supplier in Leeds.'],
    // A misused word inside a longer term: only that word changes.
    ['External customers supply the circuits between our branches.', 'External suppliers supply the circuits between our branches.'],
    ['An external customer provides the leased lines we depend on.', 'An external supplier provides the leased lines we depend on.'],
    ['Internal customers connect to the VPN from home.', 'Internal users connect to the VPN from home.'],
    ['To be fit for purpose, the service must be available around the clock and cope with peak load.', 'To be fit for use, the service must be available around the clock and cope with peak load.'],
    ['Each resolver team signs an SLA with the service desk.', 'Each resolver team signs an OLA with the service desk.'],
    ['Licence requests logged as incidents inflate the queue.', 'Licence requests logged as service requests inflate the queue.'],
    ['The UC between the service desk and the second-line team sets a four-hour response.', 'The OLA between the service desk and the second-line team sets a four-hour response.'],
  ];
  for (const [input, output] of cases) {
    it(`"${input}" -> "${output}"`, () => assert.equal(firstFix(input), output));
  }

  it('offers one fix per alternative, each touching only the term and its article', () => {
    const text = 'Service asset and configuration management keeps the CMDB accurate.';
    const { d, diags } = diagnostics(text);
    const data = diags[0]!.data as DiagnosticData;
    assert.equal(data.code, 'itil.v3.service-asset-and-configuration-management');
    assert.deepEqual(data.fixes.map((f) => f.newText), ['Service configuration management', 'IT asset management']);
    for (const f of data.fixes) assert.equal(d.getText(f.range), 'Service asset and configuration management');
  });

  it('carries source, code, codeDescription and data on every diagnostic', () => {
    const { diags } = diagnostics('The users signed the service level agreement.');
    const x = diags[0]!;
    assert.equal(x.source, 'itil');
    assert.equal(x.code, 'itil.role.user-customer');
    assert.ok(x.codeDescription!.href.endsWith(ruleAnchor('itil.role.user-customer')));
    assert.match(x.message, /customer/);
    assert.equal((x.data as DiagnosticData).fixes[0]!.newText, 'customers');
  });

  it('fix all applies every fix of one rule without overlap', () => {
    const text = 'Customers log in at nine.\n\nA customer logs in from home.\n\nCustomers cannot log in on Sundays.';
    const { d, diags } = diagnostics(text);
    assert.equal(diags.length, 3);
    const actions: CodeAction[] = computeCodeActions(d.uri, [diags[0]!], diags, undefined);
    const all = actions.find((a) => a.title.startsWith('Fix all'))!;
    assert.ok(all);
    assert.equal(apply(d, all.edit!.changes![d.uri]!), 'Users log in at nine.\n\nA user logs in from home.\n\nUsers cannot log in on Sundays.');
  });

  it('findings of different rules never overlap', () => {
    const text = 'Our change management process requires CAB approval, and the SLA with the vendor covers the CAB tooling.';
    const { diags } = diagnostics(text);
    const spans = diags.flatMap((x) => (x.data as DiagnosticData).fixes.map((f) => [f.range.start.character, f.range.end.character] as const)).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i]![0] >= spans[i - 1]![1], 'overlapping fixes');
  });

  it('fires on the term itself, never on an alias that names the concept (fit for use)', () => {
    const { diags } = diagnostics('The service must be fit for purpose (utility) and fit for use (warranty).');
    assert.deepEqual(diags.map((x) => x.code), []);
  });

  it('narrows a requirements term to the misused word (Utility requirements -> Warranty requirements)', () => {
    const text = 'Utility requirements: 99.95% availability and an RPO of one hour.';
    const { d, diags } = diagnostics(text);
    const a = diags[0]!;
    assert.equal(d.getText(a.range), 'Utility');
    assert.equal((a.data as DiagnosticData).fixes.map((f) => f.newText).join('|'), 'Warranty');
    assert.equal(apply(d, (a.data as DiagnosticData).fixes.map((f) => ({ range: f.range, newText: f.newText }))), 'Warranty requirements: 99.95% availability and an RPO of one hour.');
    const b = diagnostics('The utility of the service is measured by its availability.').diags[0]!;
    assert.equal((b.data as DiagnosticData).fixes.map((f) => f.newText).join('|'), 'warranty');
  });


  it('underlines the core words of "technical management function" and replaces the whole phrase', () => {
    const text = 'Tier-two engineers belong to the technical management function in Leeds.';
    const { d, diags } = diagnostics(text);
    assert.deepEqual(diags.map((x) => x.code), ['itil.v3.technical-management'], 'one finding: "function" is not flagged on its own');
    const a = diags[0]!;
    assert.equal(d.getText(a.range), 'technical management');
    const fixes = (a.data as DiagnosticData).fixes;
    assert.equal(d.getText(fixes[0]!.range), 'technical management function');
    assert.equal(apply(d, [{ range: fixes[0]!.range, newText: fixes[0]!.newText }]), 'Tier-two engineers belong to the infrastructure and platform management in Leeds.');
    const b = diagnostics('Our application management function owns the claims system.');
    assert.equal(b.d.getText(b.diags[0]!.range), 'application management');
    assert.equal(b.d.getText((b.diags[0]!.data as DiagnosticData).fixes[0]!.range), 'application management function');
  });
  it('never fires inside a longer term (organizational change management, customer experience)', () => {
    assert.deepEqual(diagnostics('Organizational change management is about training, approval and deployment of new habits.').diags, []);
    assert.deepEqual(diagnostics('Customer experience teams log in to the survey tool.').diags, []);
  });
});

describe('rules: inline directives and settings', () => {
  const bad = 'Customers log in to the portal.';

  it('itil-disable RULE turns a rule off until itil-enable RULE', () => {
    const text = `<!-- itil-disable itil.role.customer-user -->\n\n${bad}\n\n<!-- itil-enable itil.role.customer-user -->\n\n${bad}\n`;
    const { diags } = diagnostics(text);
    assert.equal(diags.length, 1);
    assert.equal(diags[0]!.range.start.line, 6);
  });

  it('itil-disable without a rule turns every rule off', () => {
    assert.deepEqual(diagnostics(`<!-- itil-disable -->\n\n${bad}\n`).diags, []);
  });

  it('itil-disable-next-line silences the next line only', () => {
    const text = `<!-- itil-disable-next-line itil.role.customer-user -->\n${bad}\n\n${bad}\n`;
    const { diags } = diagnostics(text);
    assert.equal(diags.length, 1);
    assert.equal(diags[0]!.range.start.line, 3);
  });

  it('a disable for another rule leaves this one alone', () => {
    assert.equal(diagnostics(`<!-- itil-disable itil.work.incident-request -->\n\n${bad}\n`).diags.length, 1);
  });

  it('a family set to off raises nothing; severity follows the setting', () => {
    const off: Settings = { ...ITSM, severity: { ...ITSM.severity, roles: 'off' } };
    assert.deepEqual(diagnostics(bad, off).diags, []);
    const err: Settings = { ...ITSM, severity: { ...ITSM.severity, roles: 'error' } };
    assert.equal(diagnostics(bad, err).diags[0]!.severity, 1);
  });

  it('gated rules apply only in service management documents', () => {
    const text = 'The problem lasted 40 minutes and affected every branch.';
    assert.equal(diagnostics(text, ITSM).diags.length, 1);
    assert.equal(diagnostics(text, { ...DEFAULT_SETTINGS, documentScope: 'general' }).diags.length, 0);
    assert.equal(diagnostics(text, { ...DEFAULT_SETTINGS, documentScope: 'auto' }).diags.length, 0);
    assert.equal(diagnostics(`<!-- itil-scope: itsm -->\n\n${text}`, { ...DEFAULT_SETTINGS, documentScope: 'auto' }).diags.length, 1);
    assert.equal(diagnostics(`---\nitil: true\n---\n\n${text}`, { ...DEFAULT_SETTINGS, documentScope: 'auto' }).diags.length, 1);
  });

  it('v3 wording is not flagged when writing for ITIL v3', () => {
    const text = 'The Change Advisory Board meets on Tuesdays.';
    assert.equal(diagnostics(text).diags.length, 1);
    assert.equal(diagnostics(text, { ...ITSM, version: '3' }).diags.length, 0);
  });
});

describe('rules: bounded time on hostile input', () => {
  const engine = createRuleEngine(glossary);
  const judge = (text: string) => {
    const sentences = splitSentences(text);
    const terms = glossary.matcher.find(text);
    const t0 = Date.now();
    const findings = engine.judge({ text, sentences, terms, glossary });
    return { ms: Date.now() - t0, findings };
  };

  it('a 10,000-word sentence', () => {
    const words = ['the', 'customer', 'logs', 'in', 'and', 'users', 'agree', 'the', 'service', 'level', 'agreement', 'with', 'our', 'supplier'];
    const text = Array.from({ length: 10_000 }, (_, i) => words[i % words.length]).join(' ');
    assert.ok(judge(text).ms < 3000);
  });

  it('a term repeated 100,000 times, without punctuation', () => {
    const text = 'customer '.repeat(100_000);
    assert.ok(judge(text).ms < 5000);
  });

  it('long runs of separators and near-miss cues', () => {
    const text = ('SLA with ' + ', '.repeat(200) + 'the ').repeat(200) + 'incident to request ' + 'a '.repeat(5000);
    assert.ok(judge(text).ms < 3000);
  });
});
