/**
 * Scores the tool on the blind evaluation set in `test/fixtures/blind/` (written without looking at the
 * rules or the labeled set), using only the public facade: a `LanguageService` over the repository
 * glossary, with every document treated as service management documentation.
 *
 *   npx tsx scripts/evaluateBlind.ts                          # misuse, hover and completion of test/fixtures/blind/
 *   npx tsx scripts/evaluateBlind.ts --misuse FILE [FILE...]  # misuse only, of other blind sets
 *
 * Misuse: a diagnostic *locates* an expected misuse when its range text equals the expected term
 * (case-insensitive, allowing a plural or possessive difference). A located diagnostic has the *right
 * suggestion* when its first quick fix (`data.fixes[0].newText`), case-insensitively, contains the
 * suggestion's head word (or its abbreviation, e.g. "OLA"). Precision and recall are given on location
 * (with suggestion accuracy over located hits, as issue 4 states the targets) and strictly (a hit must
 * also carry the right suggestion).
 *
 * Hover: right when the hover's Markdown starts with `**<term>**` (case-insensitive) or, for
 * `expect: null`, when there is no hover.
 *
 * Completion: right when an offered item's label is the expected term (or an abbreviation label
 * "SLA → service level agreement"), and, where `insert` is given, that item inserts exactly that text;
 * for `expect: null`, right when nothing is offered.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, Diagnostic } from 'vscode-languageserver-types';
import { Glossary } from '../server/src/core/glossary/glossary';
import { LanguageService } from '../server/src/core/languageService';
import { DEFAULT_SETTINGS, type Settings } from '../server/src/core/settings';
import { docWithCursor } from '../test/helpers/glossary';
import { readGlossarySources } from './glossarySources';

const DIR = path.join(__dirname, '..', 'test', 'fixtures', 'blind');
const FAMILY_ORDER = ['roles', 'version', 'workItems', 'outputOutcome', 'utilityWarranty', 'agreements'] as const;

interface MisuseCase {
  text: string;
  family: string;
  expect: { term: string; suggestion: string }[];
}
interface HoverCase {
  text: string;
  expect: string | null;
}
interface CompletionCase {
  text: string;
  expect: string | null;
  insert?: string;
}

/** Reads a JSON-lines file: a bare name in test/fixtures/blind/, a path from the current directory. */
function readJsonl<T>(name: string): T[] {
  return fs
    .readFileSync(name.includes('/') ? path.resolve(name) : path.join(DIR, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${name}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

// ---------------------------------------------------------------------------------------------
// Matching helpers

/** Lower case, possessive and plural removed from the last word. */
function normTerm(s: string): string {
  let t = s.toLowerCase().replace(/[’]/g, "'").trim();
  t = t.replace(/'s$/, '').replace(/'$/, '');
  const m = /^(.*?)([a-z]+)$/.exec(t);
  if (!m) return t;
  const head = m[1]!;
  let last = m[2]!;
  if (/[^aeiou]ies$/.test(last)) last = last.slice(0, -3) + 'y';
  else if (/(?:ss|sh|ch|x|z)es$/.test(last)) last = last.slice(0, -2);
  else if (/[^s]s$/.test(last)) last = last.slice(0, -1);
  return head + last;
}

/** Words too generic to stand for a suggestion. */
const GENERIC = new Set(['service', 'services', 'management', 'level', 'agreement', 'and', 'the', 'of', 'for', 'a', 'an', 'it', 'practice']);

/** Head word(s) a quick fix must contain for a suggestion: the first distinctive word. */
const HEAD_OVERRIDES: Record<string, string[]> = {
  'change authority': ['change authority'],
  'service request': ['service request'],
  'service request management': ['service request management'],
  'problem management': ['problem management', 'problem'],
  'service level agreement': ['service level agreement', 'sla'],
  'operational level agreement': ['operational level agreement', 'ola'],
  'underpinning contract': ['underpinning contract', 'uc'],
  'service desk': ['service desk'],
  'change schedule': ['change schedule'],
  'service value chain': ['value chain', 'value system'],
  'service value system': ['value system', 'value chain'],
  'capacity and performance management': ['performance'],
  'release management': ['release management'],
  'portfolio management': ['portfolio management'],
  'service continuity management': ['service continuity management'],
  'service financial management': ['service financial management'],
  'continual improvement': ['continual improvement'],
  'continual improvement register': ['continual improvement register', 'cir'],
  'service configuration management': ['service configuration management', 'configuration management'],
  'monitoring and event management': ['monitoring'],
  'change enablement': ['enablement'],
};

function acronym(s: string): string {
  return s
    .split(/\s+/)
    .filter((w) => !['and', 'of', 'for', 'the'].includes(w))
    .map((w) => w[0])
    .join('');
}

function suggestionHeads(suggestion: string): string[] {
  const s = suggestion.toLowerCase().trim();
  if (HEAD_OVERRIDES[s]) return HEAD_OVERRIDES[s]!;
  const words = s.split(/\s+/);
  const head = words.find((w) => !GENERIC.has(w)) ?? words[words.length - 1]!;
  return words.length > 2 ? [head, acronym(s)] : [head];
}

function fixMatches(newText: string | undefined, suggestion: string): boolean {
  if (newText === undefined) return false;
  const t = newText.toLowerCase();
  return suggestionHeads(suggestion).some((h) => (h.length <= 4 && !h.includes(' ') ? new RegExp(`\\b${h}s?\\b`).test(t) : t.includes(h)));
}

interface FixData {
  code?: string;
  family?: string;
  fixes?: { title: string; newText: string }[];
}

function describe(d: Diagnostic, text: string): string {
  const data = (d.data ?? {}) as FixData;
  const fix = data.fixes?.[0]?.newText;
  return `"${text}" [${String(d.code)}${data.family ? ', ' + data.family : ''}] fix→${fix === undefined ? '(none)' : JSON.stringify(fix)}: ${d.message}`;
}

// ---------------------------------------------------------------------------------------------

const sources = readGlossarySources();
if (sources.problems.length) console.warn(`warning: ${sources.problems.length} glossary problem(s)`);
const service = new LanguageService({ glossary: new Glossary(sources.compiled) });
const settings: Settings = { ...DEFAULT_SETTINGS, documentScope: 'itsm' };

const pct = (n: number, d: number) => (d ? (n / d).toFixed(3) : '  n/a');

// ---------------------------------------------------------------------------------------------
// Misuse

function evaluateMisuse(file = 'misuse.jsonl'): void {
  if (file !== 'misuse.jsonl') console.log(`\n##### ${file}`);
  const cases = readJsonl<MisuseCase>(file);
  interface Tally {
    diags: number;
    located: number;
    strict: number;
    expected: number;
    lines: number;
    misuseLines: number;
  }
  const zero = (): Tally => ({ diags: 0, located: 0, strict: 0, expected: 0, lines: 0, misuseLines: 0 });
  const byFamily = new Map<string, Tally>();
  const total = zero();
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  const wrongSuggestions: string[] = [];

  cases.forEach((c, i) => {
    const { doc } = docWithCursor(c.text);
    const diags = service.diagnostics(doc, settings);
    const t = byFamily.get(c.family) ?? zero();
    byFamily.set(c.family, t);
    const tallies = [t, total];
    for (const x of tallies) {
      x.lines++;
      x.diags += diags.length;
      x.expected += c.expect.length;
      if (c.expect.length) x.misuseLines++;
    }
    const used = new Set<number>();
    const located = new Set<number>();
    c.expect.forEach((e, ei) => {
      const want = normTerm(e.term);
      const k = diags.findIndex((d, di) => !used.has(di) && normTerm(doc.getText(d.range)) === want);
      if (k < 0) {
        const others = diags.filter((_, di) => !used.has(di));
        falseNegatives.push(
          `[${c.family}] line ${i + 1}: "${e.term}" → ${e.suggestion}\n      ${c.text}` +
            (others.length ? '\n      (tool said: ' + others.map((d) => describe(d, doc.getText(d.range))).join(' | ') + ')' : ''),
        );
        return;
      }
      used.add(k);
      located.add(ei);
      const d = diags[k]!;
      const fix = ((d.data ?? {}) as FixData).fixes?.[0]?.newText;
      for (const x of tallies) x.located++;
      if (fixMatches(fix, e.suggestion)) {
        for (const x of tallies) x.strict++;
      } else {
        wrongSuggestions.push(`[${c.family}] line ${i + 1}: expected ${e.suggestion}; ${describe(d, doc.getText(d.range))}\n      ${c.text}`);
      }
    });
    diags.forEach((d, di) => {
      if (used.has(di)) return;
      falsePositives.push(`[${c.family}] line ${i + 1}${c.expect.length ? ' (misuse line)' : ''}: ${describe(d, doc.getText(d.range))}\n      ${c.text}`);
    });
  });

  console.log('\n=== Misuse diagnostics (documentScope: itsm) ===\n');
  console.log(`${cases.length} sentences, ${total.misuseLines} with misuse (${total.expected} expected diagnostics), ${cases.length - total.misuseLines} correct use\n`);
  const header = 'family            lines  exp  diag  loc  P(loc)  R(loc)  sugg.acc  P(strict) R(strict)';
  console.log(header);
  console.log('-'.repeat(header.length));
  const row = (name: string, x: Tally) =>
    console.log(
      `${name.padEnd(16)} ${String(x.lines).padStart(6)} ${String(x.expected).padStart(4)} ${String(x.diags).padStart(5)} ${String(x.located).padStart(4)}  ${pct(x.located, x.diags).padStart(6)}  ${pct(x.located, x.expected).padStart(6)}  ${pct(x.strict, x.located).padStart(8)}  ${pct(x.strict, x.diags).padStart(9)} ${pct(x.strict, x.expected).padStart(9)}`,
    );
  const families = [...FAMILY_ORDER.filter((f) => byFamily.has(f)), ...[...byFamily.keys()].filter((f) => !(FAMILY_ORDER as readonly string[]).includes(f))];
  for (const f of families) row(f, byFamily.get(f)!);
  console.log('-'.repeat(header.length));
  row('overall', total);
  console.log('\nP(loc)/R(loc): a hit is a diagnostic on the expected term; sugg.acc: share of those hits whose first fix names the expected suggestion;');
  console.log('P(strict)/R(strict): a hit must also carry the expected suggestion.');

  console.log(`\n--- False positives (${falsePositives.length}) ---`);
  for (const s of falsePositives) console.log('  ' + s);
  console.log(`\n--- False negatives (${falseNegatives.length}) ---`);
  for (const s of falseNegatives) console.log('  ' + s);
  console.log(`\n--- Located, wrong suggestion (${wrongSuggestions.length}) ---`);
  for (const s of wrongSuggestions) console.log('  ' + s);
}

// ---------------------------------------------------------------------------------------------
// Hover

function hoverTerm(markdown: string): string | undefined {
  const m = /^\*\*((?:\\.|[^*])+)\*\*/.exec(markdown);
  return m ? m[1]!.replace(/\\(.)/g, '$1') : undefined;
}

function evaluateHover(): void {
  const cases = readJsonl<HoverCase>('hover.jsonl');
  const failures: string[] = [];
  let right = 0;
  let positives = 0;
  let rightPositives = 0;
  for (const [i, c] of cases.entries()) {
    const { doc, position } = docWithCursor(c.text);
    let got: string | null = null;
    let error: string | undefined;
    try {
      const h = service.hover(doc, position, settings);
      if (h) {
        const contents = h.contents as { value?: string } | string;
        const value = typeof contents === 'string' ? contents : (contents.value ?? '');
        got = hoverTerm(value) ?? `(no **term** heading: ${JSON.stringify(value.slice(0, 60))})`;
      }
    } catch (e) {
      error = (e as Error).message;
    }
    const ok = !error && (c.expect === null ? got === null : got !== null && got.toLowerCase() === c.expect.toLowerCase());
    if (c.expect !== null) positives++;
    if (ok) {
      right++;
      if (c.expect !== null) rightPositives++;
    } else {
      failures.push(`line ${i + 1}: expected ${c.expect === null ? 'no hover' : JSON.stringify(c.expect)}, got ${error ? 'error ' + error : got === null ? 'no hover' : JSON.stringify(got)}\n      ${JSON.stringify(c.text)}`);
    }
  }
  console.log('\n=== Hover ===\n');
  console.log(`accuracy ${pct(right, cases.length)} (${right}/${cases.length}); terms ${rightPositives}/${positives}, silence ${right - rightPositives}/${cases.length - positives}`);
  console.log(`\n--- Hover failures (${failures.length}) ---`);
  for (const s of failures) console.log('  ' + s);
}

// ---------------------------------------------------------------------------------------------
// Completion

function labelMatches(item: CompletionItem, expect: string): boolean {
  const label = item.label.toLowerCase();
  const want = expect.toLowerCase();
  return label === want || label.endsWith(`→ ${want}`) || label.endsWith(`-> ${want}`);
}

function insertedText(item: CompletionItem): string | undefined {
  const te = item.textEdit as { newText?: string } | undefined;
  return te?.newText ?? item.insertText ?? item.label;
}

function evaluateCompletion(): void {
  const cases = readJsonl<CompletionCase>('completion.jsonl');
  const failures: string[] = [];
  let right = 0;
  for (const [i, c] of cases.entries()) {
    const { doc, position } = docWithCursor(c.text);
    let items: CompletionItem[] = [];
    let error: string | undefined;
    try {
      items = service.completions(doc, position).items;
    } catch (e) {
      error = (e as Error).message;
    }
    let why = '';
    let ok = !error;
    if (error) why = 'error ' + error;
    else if (c.expect === null) {
      ok = items.length === 0;
      if (!ok) why = `offered ${items.length}: ${items.slice(0, 5).map((x) => x.label).join(', ')}`;
    } else {
      const hit = items.find((x) => labelMatches(x, c.expect!));
      if (!hit) {
        ok = false;
        why = `not offered; got ${items.length}: ${items.slice(0, 8).map((x) => x.label).join(', ')}${items.length > 8 ? ', …' : ''}`;
      } else if (c.insert !== undefined && insertedText(hit) !== c.insert) {
        ok = false;
        why = `offered, but inserts ${JSON.stringify(insertedText(hit))} instead of ${JSON.stringify(c.insert)}`;
      }
    }
    if (ok) right++;
    else failures.push(`line ${i + 1}: expected ${c.expect === null ? 'nothing' : JSON.stringify(c.expect)}${c.insert ? ` inserting ${JSON.stringify(c.insert)}` : ''}: ${why}\n      ${JSON.stringify(c.text)}`);
  }
  console.log('\n=== Completion ===\n');
  console.log(`accuracy ${pct(right, cases.length)} (${right}/${cases.length})`);
  console.log(`\n--- Completion failures (${failures.length}) ---`);
  for (const s of failures) console.log('  ' + s);
}

const at = process.argv.indexOf('--misuse');
if (at >= 0) {
  for (const file of process.argv.slice(at + 1)) evaluateMisuse(file);
} else {
  evaluateMisuse();
  evaluateHover();
  evaluateCompletion();
}
