/**
 * In-process measurements of the core (the same code the server bundles, run from source): the full
 * lint of a text against the floor (one regular-expression scan of the same text), and the check that
 * a one-character edit judges again only the block it touched.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createRuleEngine } from '../../server/src/core/rules/engine';
import type { RuleEngine } from '../../server/src/core/rules/types';
import { LanguageService } from '../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { loadGlossary } from '../../server/src/node/glossaryFile';
import { floorScan } from './lint';

const engines = new Map<string, { glossary: ReturnType<typeof loadGlossary>; inner: RuleEngine }>();

/** A language service whose rule engine counts the blocks it judges. */
export function countingService(glossaryJson: string): { service: LanguageService; judged: () => number; reset: () => void } {
  const glossary = loadGlossary(glossaryJson);
  const inner = createRuleEngine(glossary);
  let count = 0;
  const engine: RuleEngine = {
    judge(ctx) {
      count++;
      return inner.judge(ctx);
    },
  };
  return { service: new LanguageService({ glossary, engine }), judged: () => count, reset: () => (count = 0) };
}

/**
 * Full lint (fresh service: no cached blocks) of each text, then the floor scan of the same texts; one
 * pair. `judgeMs` is the part of the lint spent in the rule engine.
 */
export function lintVsFloor(glossaryJson: string, texts: readonly string[], floor: RegExp): { lintMs: number; judgeMs: number; floorMs: number; findings: number; matches: number } {
  // One glossary and rule engine for every run, as in a running server: a new language service per run
  // starts with no cached blocks, while the patterns V8 compiled in the warm-up stay compiled. (A new engine
  // per run measured mostly the compiling of patterns again, in this process's default V8 settings, and
  // varied by a factor of two from run to run.)
  let ready = engines.get(glossaryJson);
  if (!ready) {
    const loaded = loadGlossary(glossaryJson);
    engines.set(glossaryJson, (ready = { glossary: loaded, inner: createRuleEngine(loaded) }));
  }
  const { glossary, inner } = ready;
  let judgeMs = 0;
  const engine: RuleEngine = {
    judge(ctx) {
      const t0 = performance.now();
      const found = inner.judge(ctx);
      judgeMs += performance.now() - t0;
      return found;
    },
  };
  const service = new LanguageService({ glossary, engine });
  let findings = 0;
  let t = performance.now();
  texts.forEach((text, i) => {
    const doc = TextDocument.create(`file:///floor/${i}.md`, 'markdown', 1, text);
    findings += service.diagnostics(doc, DEFAULT_SETTINGS).length;
    service.forget(doc.uri);
  });
  const lintMs = performance.now() - t;
  let matches = 0;
  t = performance.now();
  for (const text of texts) matches += floorScan(floor, text);
  const floorMs = performance.now() - t;
  return { lintMs, judgeMs, floorMs, findings, matches };
}

/**
 * Opens `text`, then makes one-character edits at `offsets` (insert, then delete again) and counts
 * how many blocks the rule engine judged for each new version.
 */
export function judgedPerEdit(glossaryJson: string, text: string, offsets: readonly number[]): { blocks: number; judged: number[] } {
  const { service, judged, reset } = countingService(glossaryJson);
  const doc = TextDocument.create('file:///incremental.md', 'markdown', 1, text);
  service.diagnostics(doc, DEFAULT_SETTINGS);
  const blocks = service.analyze(doc).blocks.length;
  const out: number[] = [];
  let version = 1;
  for (const at of offsets) {
    const p = doc.positionAt(at);
    TextDocument.update(doc, [{ range: { start: p, end: p }, text: 'x' }], ++version);
    reset();
    service.diagnostics(doc, DEFAULT_SETTINGS);
    out.push(judged());
    TextDocument.update(doc, [{ range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' }], ++version);
    reset();
    service.diagnostics(doc, DEFAULT_SETTINGS);
    out.push(judged());
  }
  return { blocks, judged: out };
}
