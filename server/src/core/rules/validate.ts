/**
 * Checks rule data beyond its JSON Schema: codes unique and well-formed, families known, glossary ids
 * resolvable, every regular expression compiling and free of exponential shapes (`regexProblem`), and
 * every rule's own examples behaving (bad ones fire with the expected suggestion, good ones do not).
 * The build calls it, so a bad rule fails the build with file, rule code and field.
 */
import { Analyzer } from '../analysis';
import type { Glossary } from '../glossary/glossary';
import type { GlossaryProblem } from '../glossary/types';
import { pluralize } from '../text/inflect';
import { compileRules, type CompiledRule } from './data';
import { createEngineFromRules } from './engine';
import type { Finding } from './types';

/** Problems in the glossary's rules, located by file, rule and field. */
export function validateRulesData(glossary: Glossary): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const rules = compileRules(glossary, problems);
  if (problems.length) return problems;
  problems.push(...checkExamples(glossary, rules));
  return problems;
}

/** One example that does not behave. */
export interface ExampleFailure {
  rule: CompiledRule;
  kind: 'bad' | 'good';
  index: number;
  text: string;
  message: string;
}

/** Judges every rule's examples (as sentences of a service management document). */
export function exampleFailures(glossary: Glossary, rules: readonly CompiledRule[] = compileRules(glossary)): ExampleFailure[] {
  const analyzer = new Analyzer(glossary, createEngineFromRules(rules));
  const out: ExampleFailure[] = [];
  for (const r of rules) {
    r.examples.bad.forEach((ex, index) => {
      const mine = analyzer.analyzeBlock(ex.text).findings.filter((f) => f.code === r.code);
      const fail = (message: string) => out.push({ rule: r, kind: 'bad', index, text: ex.text, message });
      if (!mine.length) return fail('does not fire');
      const hit = ex.term ? mine.find((f) => ex.text.slice(f.start, f.end).toLowerCase() === ex.term!.toLowerCase()) : mine[0];
      if (!hit) return fail(`fires on ${mine.map((f) => `'${ex.text.slice(f.start, f.end)}'`).join(', ')}, not on '${ex.term}'`);
      const want = (ex.suggestion ?? r.suggestions[0]?.words ?? '').toLowerCase();
      // The fix keeps a leading "ITIL" of the trigger ("ITIL functions" -> "ITIL practices").
      const got = firstReplacement(hit).toLowerCase().replace(/^itil (?!itil)/, ex.suggestion && /^itil /i.test(ex.suggestion) ? 'itil ' : '');
      if (want && got !== want && got !== pluralize(want).toLowerCase() && !r.suggestions.some((s) => s.abbreviation?.toLowerCase() === got.replace(/s$/, ''))) {
        return fail(`suggests '${got}', expected '${want}'`);
      }
      return undefined;
    });
    r.examples.good.forEach((text, index) => {
      const mine = analyzer.analyzeBlock(text).findings.filter((f) => f.code === r.code);
      if (mine.length) out.push({ rule: r, kind: 'good', index, text, message: `fires on '${text.slice(mine[0]!.start, mine[0]!.end)}'` });
    });
  }
  return out;
}

/** The first fix's replacement without its article. */
export function firstReplacement(f: Finding): string {
  const t = f.fixes[0]?.newText ?? '';
  return t.replace(/^(?:an?|An?|AN?)\s+/, '');
}

function checkExamples(glossary: Glossary, rules: readonly CompiledRule[]): GlossaryProblem[] {
  return exampleFailures(glossary, rules).map((x) => ({
    file: x.rule.file,
    entry: x.rule.code,
    field: `examples.${x.kind}[${x.index}]`,
    message: `"${x.text}" ${x.message}`,
  }));
}
