/**
 * The build: validates and compiles the glossary into dist/glossary.json (failing with located
 * messages on any problem), then bundles the client, the server and the CLI with esbuild.
 * `--watch` rebuilds the bundles on change.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatProblem } from '../server/src/core/glossary/types';
import { validateRulesData } from '../server/src/core/rules/validate';
import { compileRules } from '../server/src/core/rules/data';
import { rulesDigest } from '../server/src/node/glossaryFile';
import { prefilterTable, splitTable } from '../server/src/core/rules/engine';
import { Glossary } from '../server/src/core/glossary/glossary';
import { readGlossarySources } from './glossarySources';

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const watch = process.argv.includes('--watch');
const production = !watch && !process.argv.includes('--dev');

async function main(): Promise<void> {
  const { compiled, problems } = readGlossarySources();
  if (!problems.length) problems.push(...validateRulesData(new Glossary(compiled)));
  if (problems.length) {
    for (const p of problems) process.stderr.write(`glossary error: ${formatProblem(p)}\n`);
    process.stderr.write(`build failed: ${problems.length} glossary problem${problems.length === 1 ? '' : 's'}\n`);
    process.exit(1);
  }
  fs.mkdirSync(dist, { recursive: true });
  // The pieces the long patterns are run as, and the literal prefilters of every pattern and piece,
  // computed once here rather than at every start of the server.
  const glossary = new Glossary(compiled);
  const rules = compileRules(glossary);
  compiled.splits = splitTable(rules, glossary);
  compiled.prefilters = prefilterTable(rules, glossary);
  // Every pattern passed its checks above: the server may skip them when it finds these very rules.
  compiled.rulesDigest = rulesDigest(compiled.rules);
  fs.writeFileSync(path.join(dist, 'glossary.json'), JSON.stringify(compiled));

  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
  };
  const builds: esbuild.BuildOptions[] = [
    { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
    { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
  ];
  if (watch) {
    for (const b of builds) await (await esbuild.context({ ...b, absWorkingDir: root })).watch();
    process.stdout.write('watching for changes\n');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build({ ...b, absWorkingDir: root })));
  for (const f of ['server.js', 'cli.js']) fs.chmodSync(path.join(dist, f), 0o755);
  process.stdout.write(`built dist/ (${compiled.terms.length} terms, ${compiled.rules.length} rules)\n`);
}

main().catch((e) => {
  process.stderr.write(`build failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
