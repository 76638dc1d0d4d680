#!/usr/bin/env node
/**
 * `itil-lint FILES...`: the same core as the language server, for the command line and CI.
 * Prints `path:line:col severity code message` per finding (or JSON with `--format json`) and exits 1
 * when anything at warning or above is found, 2 on a usage or file error, 0 otherwise.
 */
import './node/regexpTuning';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from './core/languageService';
import { FAMILIES, type Family } from './core/rules/types';
import { DEFAULT_SETTINGS, type Settings, type SeverityName } from './core/settings';
import { loadGlossary } from './node/glossaryFile';

const USAGE = `Usage: itil-lint [options] FILES|DIRS...

Checks ITIL vocabulary in Markdown (.md, .markdown) and plain text (.txt) files.

Options:
  --format text|json        output format (default text)
  --itil-version 3|4        the ITIL version documents are written for (default 4)
  --scope auto|itsm|general whether documents are about service management (default auto)
  --severity FAMILY=LEVEL   set a family's severity: ${FAMILIES.join(', ')};
                            LEVEL is off, hint, information, warning or error (repeatable)
  --exit-zero               exit 0 even when findings at warning or above are reported
  -h, --help                show this help
`;

const SEVERITY_NAME: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const EXTENSIONS = new Set(['.md', '.markdown', '.mdx', '.txt', '.text']);

interface Options {
  format: 'text' | 'json';
  settings: Settings;
  exitZero: boolean;
  inputs: string[];
}

function parseArgs(argv: string[]): Options {
  const settings: Settings = { ...DEFAULT_SETTINGS, severity: { ...DEFAULT_SETTINGS.severity } };
  const o: Options = { format: 'text', settings, exitZero: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') && a.startsWith('--') && !a.startsWith('--severity') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') { process.stdout.write(USAGE); process.exit(0); }
    else if (a === '--exit-zero') o.exitZero = true;
    else if (a.startsWith('--format')) {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not '${v}'`);
      o.format = v;
    } else if (a.startsWith('--itil-version')) {
      const v = value();
      if (v !== '3' && v !== '4') throw new UsageError(`--itil-version must be 3 or 4, not '${v}'`);
      settings.version = v;
    } else if (a.startsWith('--scope')) {
      const v = value();
      if (v !== 'auto' && v !== 'itsm' && v !== 'general') throw new UsageError(`--scope must be auto, itsm or general, not '${v}'`);
      settings.documentScope = v;
    } else if (a === '--severity' || a.startsWith('--severity=')) {
      const v = a.startsWith('--severity=') ? a.slice('--severity='.length) : argv[++i];
      const m = /^(\w+)=(off|hint|information|warning|error)$/.exec(v ?? '');
      if (!m || !(FAMILIES as readonly string[]).includes(m[1]!)) throw new UsageError(`--severity takes FAMILY=LEVEL with FAMILY one of ${FAMILIES.join(', ')}`);
      settings.severity[m[1] as Family] = m[2] as SeverityName;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else o.inputs.push(a);
  }
  if (!o.inputs.length) throw new UsageError('no files given');
  return o;
}

class UsageError extends Error {}

/** Expands directories into the text files below them (skipping node_modules and dot-folders), sorted. */
function expand(inputs: string[], errors: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      errors.push(`${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        walk(path.join(p, name), false);
      }
    } else if (explicit || EXTENSIONS.has(path.extname(p).toLowerCase()) || /\.md\.erb$/i.test(p)) {
      out.push(p);
    }
  };
  for (const i of inputs) walk(i, true);
  return out;
}

function main(): number {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`itil-lint: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  const service = new LanguageService({ glossary: loadGlossary() });
  const errors: string[] = [];
  const files = expand(opts.inputs, errors);
  const results: { file: string; diagnostics: Diagnostic[] }[] = [];
  let failing = false;
  for (const file of files) {
    let text: string;
    try {
      const buf = fs.readFileSync(file);
      text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    } catch (e) {
      errors.push(`${file}: ${(e as Error).message}`);
      continue;
    }
    const language = /\.(md|markdown|mdx|md\.erb)$/i.test(file) ? 'markdown' : 'plaintext';
    const doc = TextDocument.create(`file://${path.resolve(file)}`, language, 1, text);
    const diagnostics = service.diagnostics(doc, opts.settings);
    service.forget(doc.uri);
    results.push({ file, diagnostics });
    if (diagnostics.some((d) => (d.severity ?? 1) <= DiagnosticSeverity.Warning)) failing = true;
  }
  if (opts.format === 'json') {
    const json = results.flatMap((r) =>
      r.diagnostics.map((d) => ({
        path: r.file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITY_NAME[d.severity ?? 1],
        code: d.code,
        message: d.message,
        fixes: ((d.data as { fixes?: { newText: string }[] } | undefined)?.fixes ?? []).map((f) => f.newText),
      })),
    );
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    for (const r of results) {
      for (const d of r.diagnostics) {
        process.stdout.write(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAME[d.severity ?? 1]} ${String(d.code)} ${d.message}\n`);
      }
    }
    const count = results.reduce((n, r) => n + r.diagnostics.length, 0);
    process.stderr.write(`itil-lint: ${count} finding${count === 1 ? '' : 's'} in ${results.length} file${results.length === 1 ? '' : 's'}\n`);
  }
  for (const e of errors) process.stderr.write(`itil-lint: ${e}\n`);
  if (errors.length) return 2;
  return failing && !opts.exitZero ? 1 : 0;
}

process.exitCode = main();
