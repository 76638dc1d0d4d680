/**
 * What the first document of a process pays once, measured in a fresh process (run by main.ts as
 * `node --import tsx coldProbe.ts GLOSSARY_JSON [DOCUMENT]`): compiling the misuse rules' regular
 * expressions, with V8 tuned as the server and the CLI tune it. With DOCUMENT, also how many of those
 * patterns a full lint of it runs at all (the others are skipped by their prefilters).
 * Every regular expression the compiled rules hold is run twice on one short sentence (V8 compiles a
 * pattern to bytecode on its first run and to machine code on its second), and the compiled code they
 * add to the heap is read from V8's code spaces; prints one JSON line.
 */
import '../../server/src/node/regexpTuning';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { compileRules } from '../../server/src/core/rules/data';
import { loadGlossary } from '../../server/src/node/glossaryFile';

function regExpsIn(value: unknown, out: Set<RegExp>, depth = 0): void {
  if (value instanceof RegExp) out.add(value);
  else if (value && typeof value === 'object' && depth < 6) for (const v of Object.values(value)) regExpsIn(v, out, depth + 1);
}

const glossary = loadGlossary(process.argv[2]);
let t = performance.now();
const rules = compileRules(glossary);
const compileRulesMs = performance.now() - t;
const all = new Set<RegExp>();
regExpsIn(rules, all);
const sentence = 'The customer logs in to the portal every day and raises an incident when it fails.';
/** Bytes of compiled code in V8's heap (bytecode and machine code, regular expressions' included). */
const codeBytes = () => v8.getHeapSpaceStatistics().filter((s) => s.space_name.startsWith('code')).reduce((n, s) => n + s.space_used_size, 0);
const codeBefore = codeBytes();
t = performance.now();
for (const re of all) {
  re.lastIndex = 0;
  re.exec(sentence);
  re.lastIndex = 0;
  re.exec(sentence);
}
const firstRunsMs = performance.now() - t;
const codeGrowth = codeBytes() - codeBefore;
t = performance.now();
for (const re of all) {
  re.lastIndex = 0;
  re.exec(sentence);
}
const warmRunMs = performance.now() - t;
let documentRuns: number | undefined;
if (process.argv[3]) {
  // Which rule patterns a full lint of the document runs (by source: the engine holds its own copies).
  const sources = new Set([...all].map((re) => re.source));
  const ran = new Set<string>();
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    if (sources.has(this.source)) ran.add(this.source);
    return exec.call(this, s);
  };
  const doc = TextDocument.create('file:///probe.md', 'markdown', 1, fs.readFileSync(process.argv[3], 'utf8'));
  new LanguageService({ glossary }).diagnostics(doc, DEFAULT_SETTINGS);
  RegExp.prototype.exec = exec;
  documentRuns = ran.size;
}
process.stdout.write(JSON.stringify({ rules: rules.length, regExps: all.size, compileRulesMs, firstRunsMs, warmRunMs, codeGrowth, documentRuns }) + '\n');
