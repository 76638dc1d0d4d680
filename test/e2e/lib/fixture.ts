/**
 * What the fixture workspace (test/fixtures/workspace) contains and what each editor must show for
 * it. Shared by the code-server suite, the Neovim suite and the @vscode/test-electron suite, so the
 * three assert the same facts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The fixture workspace (ITIL_FIXTURE_WORKSPACE when the tests run from a bundle elsewhere). */
export const FIXTURE_WORKSPACE = process.env.ITIL_FIXTURE_WORKSPACE ?? path.resolve(__dirname, '..', '..', 'fixtures', 'workspace');
export const POLICY_FILE = 'change-policy.md';
export const POLICY_TITLE = '# Change and Incident Policy';

/** ITIL v3 wording in an ITIL 4 document: family `version`, information by default, with a quick fix. */
export const V3 = {
  line: 'approved by the Change Advisory Board before it is',
  phrase: 'Change Advisory Board',
  code: 'itil.v3.change-advisory-board',
  severity: 'information',
  message: "'Change Advisory Board' is ITIL v3/2011 wording; ITIL 4 speaks of 'change authority'.",
  fixTitle: "Replace with 'Change Authority'",
  replacement: 'Change Authority',
} as const;

/** A second v3 term of the same family, still underlined after the quick fix: turning the family off must remove it. */
export const V3_SECOND = {
  line: 'follow the request fulfilment procedure',
  phrase: 'request fulfilment',
  code: 'itil.v3.request-fulfilment',
  family: 'version',
  setting: 'itil.severity.version',
} as const;

/** A role misuse: family `roles`, warning by default. */
export const ROLE = {
  line: 'The customer logs in to the portal every morning.',
  phrase: 'customer',
  code: 'itil.role.customer-user',
  severity: 'warning',
  fixTitle: "Replace with 'user'",
} as const;

/** A term to hover, and words of its definition. */
export const HOVER = {
  line: 'An incident is recorded by the service desk',
  phrase: 'incident',
  heading: 'incident',
  definition: 'An unplanned interruption to a service',
} as const;

/** Completion at the end of the document. */
export const COMPLETION = {
  prefix: 'Related terms: ',
  typed: 'change auth',
  label: 'change authority',
  documentation: 'The person or group empowered to authorize',
} as const;

/** Glossary search: a filter, the entry it must put first, and its definition. */
export const GLOSSARY = {
  filter: 'known err',
  term: 'known error',
  definition: 'A problem that has been analysed but not yet resolved',
  /** An entry opened in the entry panel, inserted with the panel's button. */
  panelTerm: 'service level agreement',
  panelDefinition: 'records what a service provider will deliver',
  /** At least this many entries are listed before filtering. */
  minimumEntries: 100,
} as const;

/** The fixture's policy text. */
export function originalPolicy(): string {
  return fs.readFileSync(path.join(FIXTURE_WORKSPACE, POLICY_FILE), 'utf8');
}

/** The last line the code-server suite types, completes and inserts at the end of the document. */
export const FINAL_LINE = `${COMPLETION.prefix}${COMPLETION.label}, ${GLOSSARY.term}, ${GLOSSARY.panelTerm}.`;

/** The policy after the quick fix. */
export function policyAfterQuickFix(): string {
  const text = originalPolicy();
  if (text.split(V3.phrase).length !== 2) throw new Error(`the fixture must contain "${V3.phrase}" exactly once`);
  return text.replace(V3.phrase, V3.replacement);
}

/** The policy after the quick fix and a last line typed into the empty last line. */
export function policyWithLastLine(line: string): string {
  const text = policyAfterQuickFix();
  if (!text.endsWith('\n')) throw new Error('the fixture must end with a newline');
  return `${text}${line}`;
}

/** The policy after every edit of the code-server suite. */
export function policyAfterAllEdits(): string {
  return policyWithLastLine(FINAL_LINE);
}
