/**
 * What a change to the rules costs in speed: two compiled glossaries (a base, e.g. a copy of
 * dist/glossary.json taken before the change, and the new dist/glossary.json), the same engine code, the
 * same 1 MB document built from ../shared/corpus. Ratios are taken within one run, so a shared, noisy
 * machine still compares them fairly.
 *
 *   npm run bench:rules -- BASE.json [NEW.json]      (NEW defaults to dist/glossary.json)
 *
 * - warm: both engines in one process, lints of the 1 MB document interleaved (after two warm-up lints
 *   each); the median of the per-pair ratios new / base.
 * - first: the first lint of the 1 MB document in a fresh process (compiling the patterns it runs),
 *   fresh processes alternating base and new; the median of the per-pair ratios.
 *
 * A rules change should keep both ratios within a few per cent; CONTRIBUTING says how much.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import '../../server/src/node/regexpTuning';
import { loadGlossary } from '../../server/src/node/glossaryFile';
import { LanguageService } from '../../server/src/core/languageService';
import { createRuleEngine } from '../../server/src/core/rules/engine';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { concatenated, corpusFiles, MB } from './inputs';

const root = path.join(__dirname, '..', '..');
const corpus = path.join(root, '..', 'shared', 'corpus');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function linter(glossaryFile: string): (name: string) => number {
  const glossary = loadGlossary(glossaryFile);
  const engine = createRuleEngine(glossary);
  const text = concatenated(corpusFiles(corpus), MB);
  return (name) => {
    const t = performance.now();
    new LanguageService({ glossary, engine }).diagnostics(TextDocument.create(`file:///${name}.md`, 'markdown', 1, text), DEFAULT_SETTINGS);
    return performance.now() - t;
  };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.stdout.write(String(linter(args[1]!)('first')));
    return;
  }
  const base = args[0];
  const next = args[1] ?? path.join(root, 'dist', 'glossary.json');
  if (!base) {
    process.stderr.write('usage: npm run bench:rules -- BASE.json [NEW.json]\n');
    process.exit(2);
  }
  const a = linter(base);
  const b = linter(next);
  for (let i = 0; i < 2; i++) {
    a(`wa${i}`);
    b(`wb${i}`);
  }
  const warm: number[] = [];
  const wa: number[] = [];
  const wb: number[] = [];
  for (let i = 0; i < 10; i++) {
    const x = a(`a${i}`);
    const y = b(`b${i}`);
    wa.push(x);
    wb.push(y);
    warm.push(y / x);
  }
  const first: number[] = [];
  const fa: number[] = [];
  const fb: number[] = [];
  const child = (g: string) => Number(spawnSync(process.execPath, [...process.execArgv, __filename, '--child', g], { encoding: 'utf8' }).stdout);
  for (let i = 0; i < 3; i++) {
    const x = child(base);
    const y = child(next);
    fa.push(x);
    fb.push(y);
    first.push(y / x);
  }
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  process.stdout.write(`warm lint, 1 MB:  base ${ms(median(wa))}  new ${ms(median(wb))}  new/base ${median(warm).toFixed(3)}\n`);
  process.stdout.write(`first lint, 1 MB: base ${ms(median(fa))}  new ${ms(median(fb))}  new/base ${median(first).toFixed(3)}\n`);
}

main();
