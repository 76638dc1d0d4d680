/**
 * Checks rule data beyond its JSON Schema: every rule has a code and a known family.
 */
import type { Glossary } from '../glossary/glossary';
import type { GlossaryProblem } from '../glossary/types';
import { FAMILIES } from './types';

/** Problems in the glossary's rules, located by file, rule and field. */
export function validateRulesData(glossary: Glossary): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  for (const raw of glossary.rules) {
    const r = raw as { file?: string; code?: unknown; family?: unknown };
    const file = r.file ?? 'glossary/rules';
    if (typeof r.code !== 'string') problems.push({ file, field: 'code', message: 'a rule needs a string code' });
    if (!(FAMILIES as readonly unknown[]).includes(r.family)) problems.push({ file, entry: String(r.code), field: 'family', message: `unknown family '${String(r.family)}'` });
  }
  return problems;
}
