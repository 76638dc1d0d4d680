/**
 * `npm run docs:rules`: writes the README's rules section (between `<!-- rules:start -->` and
 * `<!-- rules:end -->`) from the rule data, so it cannot drift from what the rules do: one
 * `### <code>` heading per rule (the anchor the diagnostics' codeDescription links to), why, an example,
 * the family's default severity; how document scope works; the labeled-set figures from the evaluation.
 * `--check` exits 1 when the README is out of date instead of writing it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Glossary } from '../server/src/core/glossary/glossary';
import { compileRules, type CompiledRule } from '../server/src/core/rules/data';
import { FAMILIES, type Family } from '../server/src/core/rules/types';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { LanguageService } from '../server/src/core/languageService';
import { evaluateCorpus, evaluateLabeled, labeledTable, readLabeled } from './evaluate';
import { readGlossarySources } from './glossarySources';

const README = path.join(__dirname, '..', 'README.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

const FAMILY_TITLE: Record<Family, string> = {
  roles: 'Roles: customer, user, sponsor, supplier',
  version: 'ITIL v3 wording in an ITIL 4 document',
  workItems: 'Incident, problem, service request',
  outputOutcome: 'Output and outcome',
  utilityWarranty: 'Utility and warranty',
  agreements: 'Agreements: SLA, OLA, underpinning contract',
};

function exampleLine(r: CompiledRule, glossary: Glossary): string {
  const bad = r.examples.bad[0];
  const good = r.examples.good[0];
  if (bad && good) {
    const sugg = bad.suggestion ?? r.suggestions[0]?.words ?? '';
    return `Bad: *${bad.text}* (→ ${sugg}) · Good: *${good}*`;
  }
  const id = r.termIds[0]!;
  const e = glossary.get(id);
  return `Bad: *${e?.term ?? id}* · Good: *${r.suggestions.map((s) => s.words).join('* or *')}*`;
}

/** The generated section (without the markers). */
export function rulesSection(): string {
  const { compiled } = readGlossarySources();
  const glossary = new Glossary(compiled);
  const rules = compileRules(glossary);
  const service = new LanguageService({ glossary });
  const items = readLabeled();
  const itsm = evaluateLabeled(service, items, { ...DEFAULT_SETTINGS, documentScope: 'itsm' });
  const auto = evaluateLabeled(service, items, { ...DEFAULT_SETTINGS, documentScope: 'auto' });
  const corpusDir = path.join(__dirname, '..', '..', 'shared', 'corpus');
  const corpus = fs.existsSync(corpusDir) ? evaluateCorpus(service, corpusDir, { ...DEFAULT_SETTINGS }) : undefined;

  const out: string[] = [];
  out.push('## Rules', '');
  out.push(
    'Each diagnostic has a stable code, a message that says why, a link to its section below, and one quick fix per',
    'alternative. A rule fires on a trigger (a glossary term, found with the longest match, or a word pattern) only',
    'when its context cues hold in the same clause or sentence and none of its exceptions does: "The customer agrees',
    'the service level targets" and "The customer portal lets users track requests" are left alone. The rules are',
    'data in [`glossary/rules/`](glossary/rules) (schema: [`glossary/schema/rules.schema.json`](glossary/schema/rules.schema.json)),',
    'each with good and bad example sentences that the build and the tests check. Every deprecated glossary entry',
    'is a version rule; the entries whose words have other everyday meanings carry context and exceptions there.',
    '',
    "Rules marked *gated* fire only in service management documents (see [Document scope](#document-scope): front",
    'matter `itil: true`, `<!-- itil-scope: itsm -->`, the setting `itil.documentScope`, or at least three distinct',
    'non-colloquial ITIL terms in the document); a gated rule may name sentence evidence that is enough on its own.',
    'The severity of each family is a setting (`itil.severity.<family>`); the defaults are listed per rule.',
    '',
  );
  out.push('### Figures', '');
  out.push(
    `Labeled set: ${items.length} sentences in [\`test/fixtures/labeled/\`](test/fixtures/labeled), misuses and hard negatives`,
    '(job titles, user accounts, CI pipelines, RFC 2119, HTTP service requests, hardware warranties, CLI utilities,',
    'organizational change management, B2C sentences…), each judged as its own document by `npm run evaluate`.',
    'A hit is a diagnostic of the expected family on the expected words; "right suggestion" is the share of hits',
    'whose first fix is the expected replacement.',
    '',
    'With `documentScope: itsm` (the sentences stand for lines of service management documents):',
    '',
    labeledTable(itsm),
    '',
    'With `documentScope: auto` (a lone sentence must prove its own scope, so gated rules mostly stay silent):',
    '',
    labeledTable(auto),
    '',
  );
  if (corpus) {
    const rate = corpus.words ? (corpus.diagnostics.length / corpus.words) * 10_000 : 0;
    out.push(
      `Corpus (\`../shared/corpus\`, ${corpus.files} mostly SRE-flavoured documents, ${corpus.words.toLocaleString('en')} words of prose, default settings):`,
      `${corpus.diagnostics.length} diagnostics, ${rate.toFixed(2)} per 10,000 words. \`npm run evaluate\` lists each one.`,
      '',
    );
  }
  out.push('These figures are measured on our own sentences; a held-out set written by others is the real test.', '');

  for (const family of FAMILIES) {
    const list = rules.filter((r) => r.family === family).sort((a, b) => Number(a.generated) - Number(b.generated) || a.code.localeCompare(b.code));
    out.push(`**${FAMILY_TITLE[family]}**: family \`${family}\`, default severity **${DEFAULT_SETTINGS.severity[family]}** (setting \`itil.severity.${family}\`).${family === 'version' ? ' Only when `itil.version` is 4.' : ''}`, '');
    for (const r of list) {
      out.push(`### ${r.code}`, '');
      out.push(`${r.summary}${r.gated ? ' *Gated.*' : ''}`, '');
      out.push(`${exampleLine(r, glossary)} · Severity: ${DEFAULT_SETTINGS.severity[family]}.`, '');
    }
  }
  return out.join('\n');
}

function main(): void {
  const text = fs.readFileSync(README, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md lacks ${START} ... ${END}`);
  const next = text.slice(0, a + START.length) + '\n' + rulesSection() + '\n' + text.slice(b);
  if (process.argv.includes('--check')) {
    if (next !== text) {
      process.stderr.write('README.md rules section is out of date: run npm run docs:rules\n');
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(README, next);
  process.stdout.write('README.md rules section written\n');
}

if (require.main === module) main();
