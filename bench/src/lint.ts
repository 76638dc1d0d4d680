/**
 * The command-line comparison: `itil-lint` against textlint with textlint-rule-terminology on the same
 * files, and the floor (one regular-expression scan for every glossary form).
 *
 * textlint's term list is generated from our glossary, so both tools look for the same vocabulary:
 * every deprecated (ITIL v3) term and its unambiguous aliases -> its ITIL 4 replacement, the exact
 * spelling of every abbreviation, and a few role pairs (customer -> user where a user is meant).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Alias {
  text: string;
  ambiguous?: boolean;
}
interface Entry {
  id: string;
  term: string;
  aliases?: (string | Alias)[];
  status: string;
  replacedBy?: string[];
}

const aliasText = (a: string | Alias) => (typeof a === 'string' ? a : a.text);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isAbbreviation = (s: string) => /^[A-Z0-9&]{2,}s?$/.test(s) && /[A-Z]/.test(s);
/** A written form as a pattern: words separated by a space or hyphen. */
const formPattern = (s: string) => s.trim().split(/[\s-]+/).map(escape).join('[- ]');

/** The textlint configuration, written to `work/.textlintrc.json`; returns its path and the number of terms. */
export function writeTextlintConfig(glossaryJson: string, work: string): { file: string; terms: number } {
  const { terms: entries } = JSON.parse(fs.readFileSync(glossaryJson, 'utf8')) as { terms: Entry[] };
  const byId = new Map(entries.map((e) => [e.id, e]));
  const exact = new Set<string>();
  const pairs: [string, string][] = [];
  for (const e of entries) {
    for (const form of [e.term, ...(e.aliases ?? []).filter((a) => typeof a === 'string' || !a.ambiguous).map(aliasText)]) {
      if (isAbbreviation(form) && e.status !== 'deprecated') exact.add(form);
    }
    if (e.status !== 'deprecated' || !e.replacedBy?.length) continue;
    const replacement = byId.get(e.replacedBy[0]!)?.term;
    if (!replacement) continue;
    for (const form of [e.term, ...(e.aliases ?? []).filter((a) => typeof a === 'string' || !a.ambiguous).map(aliasText)]) {
      if (isAbbreviation(form)) pairs.push([`\\b${escape(form)}(s?)`, `${replacement}$1`]);
      else pairs.push([`${formPattern(form)}(s?)`, `${replacement}$1`]);
    }
  }
  // Role pairs: a customer doing what only a user does.
  pairs.push(
    ['customer(s?) (log|sign)(s?|ged|ging) (in|on)', 'user$1 $2$3 $4'],
    ['customer(s?) (click|tap|type)(s?|ed|ped|ping)', 'user$1 $2$3'],
    ['end[- ]customer(s?)', 'end user$1'],
    ['customer(s?) of the (app|portal|tool|system)', 'user$1 of the $2'],
    ['user(s?) (pay|pays|paid|sign the contract|signs the contract)', 'customer$1 $2'],
  );
  const config = {
    plugins: { '@textlint/markdown': { extensions: ['.mdx', '.erb'] } },
    rules: { terminology: { defaultTerms: false, skip: [], terms: [...exact, ...pairs] } },
  };
  const file = path.join(work, '.textlintrc.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
  return { file, terms: exact.size + pairs.length };
}

/** Runs a command to completion; returns its wall time in ms. Throws when it could not run. */
export function timeCommand(cmd: string, args: string[], cwd: string, okStatuses: number[]): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  if (!okStatuses.includes(r.status ?? -1)) throw new Error(`${path.basename(cmd)} ${args.slice(0, 3).join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { ms, stdout: r.stdout };
}

/**
 * The floor: one case-insensitive regular expression holding every written form of every glossary
 * entry (words joined by space or hyphen, optional plural), run once over the text.
 */
export function floorRegExp(glossaryJson: string): { re: RegExp; forms: number } {
  const { terms: entries } = JSON.parse(fs.readFileSync(glossaryJson, 'utf8')) as { terms: Entry[] };
  const forms = new Set<string>();
  for (const e of entries) for (const f of [e.term, ...(e.aliases ?? []).map(aliasText)]) forms.add(formPattern(f));
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  return { re: new RegExp(`\\b(?:${sorted.join('|')})(?:s|es)?\\b`, 'gi'), forms: sorted.length };
}

/** Counts the matches of the floor expression in a text. */
export function floorScan(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}
