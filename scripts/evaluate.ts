/**
 * `npm run evaluate`: measures the misuse rules.
 *
 * 1. The labeled set (`test/fixtures/labeled/*.jsonl`): each sentence is judged as its own Markdown
 *    document through the real core (LanguageService -> diagnostics). Scope: `itsm` by default, since
 *    the sentences stand for lines of service management documents; `--scope auto` (or general) shows
 *    what a lone sentence gets when the document must prove its own scope. Prints precision, recall and
 *    suggestion accuracy per family and overall, and every false positive and false negative.
 * 2. The corpus (`../shared/corpus`, or `--corpus DIR`; skipped when absent): every Markdown and text
 *    file with default settings (scope auto; `--corpus-scope itsm` judges every file as a service
 *    management document, to stress the rules on real prose), printing diagnostics per 10,000 words and
 *    each diagnostic.
 *
 * `--json` prints the figures as JSON (used by the README generator). Exit code 0 always: the unit test
 * `test/unit/rules.labeled.test.ts` enforces the targets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Glossary } from '../server/src/core/glossary/glossary';
import { LanguageService } from '../server/src/core/languageService';
import type { DiagnosticData } from '../server/src/core/features/diagnostics';
import { FAMILIES, type Family } from '../server/src/core/rules/types';
import { DEFAULT_SETTINGS, type Settings } from '../server/src/core/settings';
import { pluralize } from '../server/src/core/text/inflect';
import { readGlossarySources } from './glossarySources';

/** One labeled sentence. */
export interface LabeledItem {
  text: string;
  family: Family;
  expect: { code: string; term: string; suggestion?: string }[];
  /** Where it came from, for reports. */
  where?: string;
}

/** Counts for one family (or overall). */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  /** Hits whose first suggestion is the expected one. */
  rightSuggestion: number;
  /** Hits with an expected suggestion. */
  withSuggestion: number;
}

/** What an evaluation finds. */
export interface LabeledResult {
  perFamily: Record<Family, Score>;
  overall: Score;
  falsePositives: { item: LabeledItem; code: string; term: string; suggestion: string }[];
  falseNegatives: { item: LabeledItem; code: string; term: string }[];
  wrongSuggestions: { item: LabeledItem; code: string; term: string; expected: string; got: string }[];
  sentences: number;
}

export const LABELED_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'labeled');

/** Reads every `*.jsonl` file of the labeled set. */
export function readLabeled(dir: string = LABELED_DIR): LabeledItem[] {
  const out: LabeledItem[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    const lines = fs.readFileSync(path.join(dir, name), 'utf8').split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const item = JSON.parse(line) as LabeledItem;
      item.where = `${name}:${i + 1}`;
      out.push(item);
    });
  }
  return out;
}

/** A language service over the repository's glossary sources. */
export function serviceFromSources(): LanguageService {
  const { compiled, problems } = readGlossarySources();
  if (problems.length) throw new Error(`glossary has ${problems.length} problems; run npm run build`);
  return new LanguageService({ glossary: new Glossary(compiled) });
}

function empty(): Score {
  return { tp: 0, fp: 0, fn: 0, rightSuggestion: 0, withSuggestion: 0 };
}

function norm(s: string): string {
  return s.toLowerCase().replace(/['’]s$/, '').replace(/[\s-]+/g, ' ').trim();
}

/** Whether the found words are the expected term (case, plural and possessive aside). */
function sameTerm(found: string, expected: string): boolean {
  const a = norm(found);
  const b = norm(expected);
  return a === b || a === norm(pluralize(b)) || norm(pluralize(a)) === b || a.replace(/s$/, '') === b.replace(/s$/, '');
}

/** The first replacement a diagnostic offers, without an article. */
function firstSuggestion(d: Diagnostic): string {
  const data = d.data as DiagnosticData | undefined;
  return (data?.fixes[0]?.newText ?? '').replace(/^(?:an?|An?|AN?)\s+/, '');
}

function sameSuggestion(got: string, expected: string): boolean {
  // "ITIL service value system" for "service value system": the fix keeps the framework's name.
  const a = norm(got).replace(/^itil /, '');
  const b = norm(expected).replace(/^itil /, '');
  return a === b || a === norm(pluralize(b)) || a.replace(/s$/, '') === b.replace(/s$/, '');
}

/** Judges the labeled set. A hit is a diagnostic of the expected family on the expected words. */
export function evaluateLabeled(service: LanguageService, items: readonly LabeledItem[], settings: Settings): LabeledResult {
  const perFamily = Object.fromEntries(FAMILIES.map((f) => [f, empty()])) as Record<Family, Score>;
  const overall = empty();
  const result: LabeledResult = { perFamily, overall, falsePositives: [], falseNegatives: [], wrongSuggestions: [], sentences: items.length };
  items.forEach((item, i) => {
    const doc = TextDocument.create(`labeled://${i}.md`, 'markdown', 1, item.text);
    const diags = service.diagnostics(doc, settings);
    service.forget(doc.uri);
    const found = diags.map((d) => ({ d, data: d.data as DiagnosticData, term: doc.getText(d.range) }));
    const used = new Set<number>();
    for (const e of item.expect) {
      const family = familyOfCode(e.code) ?? item.family;
      const k = found.findIndex((f, j) => !used.has(j) && f.data.family === family && sameTerm(f.term, e.term));
      const score = perFamily[family];
      if (k < 0) {
        score.fn++;
        overall.fn++;
        result.falseNegatives.push({ item, code: e.code, term: e.term });
        continue;
      }
      used.add(k);
      score.tp++;
      overall.tp++;
      if (e.suggestion) {
        score.withSuggestion++;
        overall.withSuggestion++;
        const got = firstSuggestion(found[k]!.d);
        if (sameSuggestion(got, e.suggestion)) {
          score.rightSuggestion++;
          overall.rightSuggestion++;
        } else {
          result.wrongSuggestions.push({ item, code: e.code, term: e.term, expected: e.suggestion, got });
        }
      }
    }
    found.forEach((f, j) => {
      if (used.has(j)) return;
      perFamily[f.data.family].fp++;
      overall.fp++;
      result.falsePositives.push({ item, code: f.data.code, term: f.term, suggestion: firstSuggestion(f.d) });
    });
  });
  return result;
}

/** The family a rule code belongs to, from its prefix. */
export function familyOfCode(code: string): Family | undefined {
  const part = code.split('.')[1];
  const map: Record<string, Family> = { role: 'roles', v3: 'version', work: 'workItems', outcome: 'outputOutcome', value: 'utilityWarranty', agreement: 'agreements' };
  return part ? map[part] : undefined;
}

/** Precision, recall and suggestion accuracy of a score (1 when there is nothing to measure). */
export function ratios(s: Score): { precision: number; recall: number; suggestion: number } {
  return {
    precision: s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1,
    recall: s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1,
    suggestion: s.withSuggestion ? s.rightSuggestion / s.withSuggestion : 1,
  };
}

/** Corpus figures. */
export interface CorpusResult {
  files: number;
  words: number;
  diagnostics: { file: string; line: number; code: string; term: string; message: string; sentence: string }[];
}

function walk(dir: string, out: string[]): void {
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = path.join(dir, name);
    const st = fs.statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (/\.(?:md|markdown|mdx|txt|erb)$/i.test(name)) out.push(p);
  }
}

/** Runs the core over every document below `dir` with `settings`. */
export function evaluateCorpus(service: LanguageService, dir: string, settings: Settings): CorpusResult {
  const files: string[] = [];
  walk(dir, files);
  const result: CorpusResult = { files: files.length, words: 0, diagnostics: [] };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const doc = TextDocument.create('file://' + file, 'markdown', 1, text);
    // Words of prose only (what the rules can see), so the rate is per prose word.
    const analysis = service.analyze(doc);
    for (const b of analysis.model.blocks) result.words += (b.text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    const lines = text.split(/\r?\n/);
    for (const d of service.diagnostics(doc, settings)) {
      result.diagnostics.push({
        file: path.relative(dir, file),
        line: d.range.start.line + 1,
        code: String(d.code),
        term: doc.getText(d.range),
        message: d.message,
        sentence: (lines[d.range.start.line] ?? '').trim().slice(0, 240),
      });
    }
    service.forget(doc.uri);
  }
  return result;
}

function pct(x: number): string {
  return x.toFixed(3);
}

/** The figures table for a labeled result (Markdown). */
export function labeledTable(r: LabeledResult): string {
  const rows = ['| family | expected | found right | false pos. | missed | precision | recall | right suggestion |', '| --- | --: | --: | --: | --: | --: | --: | --: |'];
  for (const f of FAMILIES) {
    const s = r.perFamily[f];
    const q = ratios(s);
    rows.push(`| ${f} | ${s.tp + s.fn} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(q.precision)} | ${pct(q.recall)} | ${pct(q.suggestion)} |`);
  }
  const q = ratios(r.overall);
  const s = r.overall;
  rows.push(`| **all** | ${s.tp + s.fn} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(q.precision)} | ${pct(q.recall)} | ${pct(q.suggestion)} |`);
  return rows.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const json = args.includes('--json');
  const quiet = args.includes('--quiet');
  const service = serviceFromSources();
  const items = readLabeled();
  const scopes = (opt('--scope') ?? 'itsm,auto').split(',') as Settings['documentScope'][];
  const out: Record<string, unknown> = {};
  for (const scope of scopes) {
    const settings: Settings = { ...DEFAULT_SETTINGS, documentScope: scope };
    const r = evaluateLabeled(service, items, settings);
    out[`labeled-${scope}`] = { perFamily: r.perFamily, overall: r.overall, ratios: ratios(r.overall), sentences: r.sentences };
    if (json) continue;
    process.stdout.write(`\n== Labeled set: ${items.length} sentences, documentScope ${scope} ==\n\n${labeledTable(r)}\n`);
    if (quiet) continue;
    if (r.falsePositives.length) process.stdout.write(`\nFalse positives (${r.falsePositives.length}):\n`);
    for (const x of r.falsePositives) process.stdout.write(`  ${x.item.where} ${x.code} '${x.term}' -> '${x.suggestion}': ${x.item.text}\n`);
    if (r.falseNegatives.length) process.stdout.write(`\nFalse negatives (${r.falseNegatives.length}):\n`);
    for (const x of r.falseNegatives) process.stdout.write(`  ${x.item.where} ${x.code} '${x.term}': ${x.item.text}\n`);
    if (r.wrongSuggestions.length) process.stdout.write(`\nWrong suggestions (${r.wrongSuggestions.length}):\n`);
    for (const x of r.wrongSuggestions) process.stdout.write(`  ${x.item.where} ${x.code} '${x.term}' expected '${x.expected}', got '${x.got}': ${x.item.text}\n`);
  }
  const corpusDir = opt('--corpus') ?? path.join(__dirname, '..', '..', 'shared', 'corpus');
  if (!fs.existsSync(corpusDir)) {
    if (!json) process.stdout.write(`\n== Corpus: ${corpusDir} not found, skipped ==\n`);
  } else {
    // `--corpus-scope itsm` judges every corpus file as a service management document: a stress test
    // of the widened rules on real prose (the published figure stays the default, scope auto).
    const corpusScope = (opt('--corpus-scope') ?? DEFAULT_SETTINGS.documentScope) as Settings['documentScope'];
    const c = evaluateCorpus(service, corpusDir, { ...DEFAULT_SETTINGS, documentScope: corpusScope });
    const rate = c.words ? (c.diagnostics.length / c.words) * 10_000 : 0;
    out.corpus = { files: c.files, words: c.words, diagnostics: c.diagnostics.length, per10k: rate, list: c.diagnostics };
    if (!json) {
      process.stdout.write(`\n== Corpus: ${c.files} files, ${c.words.toLocaleString('en')} prose words, ${c.diagnostics.length} diagnostics = ${rate.toFixed(2)} per 10,000 words (default settings, scope ${corpusScope}) ==\n\n`);
      for (const d of c.diagnostics) process.stdout.write(`  ${d.file}:${d.line} ${d.code} '${d.term}'\n      ${d.message}\n      > ${d.sentence}\n`);
    }
  }
  if (json) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

if (require.main === module) main();
