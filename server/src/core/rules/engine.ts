/**
 * The rule engine: judges one block of prose against the misuse rules held as data in
 * `glossary/rules/`. This first version carries the version family only (ITIL v3 wording, driven by
 * the glossary's deprecated entries); the data-driven families extend it.
 */
import type { Glossary } from '../glossary/glossary';
import { indefiniteArticle, inflect } from '../text/inflect';
import type { BlockContext, Finding, Fix, RuleEngine } from './types';

/** Builds the engine for a glossary (its entries and its rules). */
export function createRuleEngine(glossary: Glossary): RuleEngine {
  return {
    judge(ctx: BlockContext): Finding[] {
      const out: Finding[] = [];
      for (const t of ctx.terms) {
        if (t.support !== 'yes') continue;
        const e = glossary.get(t.entryId);
        if (!e || e.status !== 'deprecated' || !e.replacedBy?.length) continue;
        const fixes: Fix[] = [];
        for (const id of e.replacedBy) {
          const r = glossary.get(id);
          if (!r) continue;
          fixes.push(articleFix(ctx.text, t.start, t.end, inflect(t.text, r.term, t.plural), `Replace with '${r.term}'`));
        }
        const main = glossary.get(e.replacedBy[0]!);
        out.push({
          code: `itil.v3.${e.id}`,
          family: 'version',
          start: t.start,
          end: t.end,
          message: `'${t.text}' is ITIL v3/2011 wording; ITIL 4 speaks of ${main ? `'${main.term}'` : 'another term'}.`,
          fixes,
          gated: false,
        });
      }
      return out;
    },
  };
}

/**
 * A fix replacing [start, end) with `replacement`, adjusting an indefinite article right before the term
 * ("an incident" -> "a service request"). The edit covers the article only when it must change.
 */
export function articleFix(text: string, start: number, end: number, replacement: string, title: string): Fix {
  const before = /\b(an?|An?|AN?)(\s+)$/.exec(text.slice(Math.max(0, start - 6), start));
  if (before) {
    const wanted = indefiniteArticle(replacement);
    const have = before[1]!;
    if (have.toLowerCase() !== wanted) {
      const article = have[0] === 'A' ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted;
      const articleStart = start - before[0].length;
      return { title, start: articleStart, end, newText: article + before[2] + replacement };
    }
  }
  return { title, start, end, newText: replacement };
}
