/**
 * Named vocabularies of the rules files: a rules file may declare `"vocabulary": { "name": "pattern" }`,
 * and any pattern of any rule may then write `{{name}}` for it. One list of, say, the ways a text
 * designates a party as a role ("is listed as", "counts as", "appears in the catalogue as") then serves
 * every role rule, and widening it once widens them all.
 *
 * Expansion is textual and happens when the rule sources are read (the build, the tests, the evaluation
 * scripts): the compiled glossary holds plain patterns, so the engine and any loader of `glossary.json`
 * know nothing of vocabularies. A reference becomes a non-capturing group, so a vocabulary of
 * alternatives cannot capture or leak its `|` into the pattern around it. Vocabularies do not refer to
 * one another (one level keeps every expansion readable and bounded).
 */
import type { GlossaryProblem } from '../glossary/types';

/** A reference to a vocabulary inside a pattern. */
export const VOCABULARY_REFERENCE = /\{\{([A-Za-z][A-Za-z0-9_-]*)\}\}/g;

/** A vocabulary's name: lower camel case or kebab case, as in `{{designation}}`. */
const NAME = /^[a-z][A-Za-z0-9_-]*$/;

/** The fields of a cue that hold patterns (trigger, ungateIf and defines are expanded by name below). */
const CUE_FIELDS = ['after', 'before', 'clause', 'sentence', 'passage', 'unless'] as const;

/** One rules file as read: where it is, its vocabulary and its rules. */
export interface RulesFileData {
  file: string;
  vocabulary?: Record<string, unknown>;
  rules: unknown[];
}

/**
 * Collects the vocabularies of all files (a name may be declared once across the glossary) and expands
 * every reference in the rules' patterns. Problems (a bad or duplicate name, a vocabulary that refers to
 * another, a reference to no vocabulary) are located at the file, rule and field.
 */
export function expandVocabularies(files: readonly RulesFileData[]): { rules: Record<string, unknown>[]; problems: GlossaryProblem[] } {
  const problems: GlossaryProblem[] = [];
  const vocab = new Map<string, { file: string; pattern: string }>();
  for (const f of files) {
    for (const [name, pattern] of Object.entries(f.vocabulary ?? {})) {
      const field = `vocabulary.${name}`;
      if (!NAME.test(name)) {
        problems.push({ file: f.file, field, message: `a vocabulary name is a lower-case word such as 'designation' (letters, digits, '-' or '_')` });
        continue;
      }
      if (typeof pattern !== 'string' || !pattern.length) {
        problems.push({ file: f.file, field, message: 'a vocabulary is a non-empty pattern' });
        continue;
      }
      const prev = vocab.get(name);
      if (prev) {
        problems.push({ file: f.file, field, message: `duplicate vocabulary '${name}' (also in ${prev.file})` });
        continue;
      }
      const nested = [...pattern.matchAll(VOCABULARY_REFERENCE)][0];
      if (nested) {
        problems.push({ file: f.file, field, message: `a vocabulary cannot refer to another ('${nested[0]}'); write the words out` });
        continue;
      }
      vocab.set(name, { file: f.file, pattern });
    }
  }

  const rules: Record<string, unknown>[] = [];
  for (const f of files) {
    f.rules.forEach((raw, index) => {
      const rule: Record<string, unknown> = { ...(raw as Record<string, unknown>), file: f.file };
      const entry = typeof rule.code === 'string' ? rule.code : `#${index}`;
      const expand = (src: unknown, field: string): unknown => {
        if (typeof src !== 'string' || !src.includes('{{')) return src;
        return src.replace(VOCABULARY_REFERENCE, (ref, name: string) => {
          const v = vocab.get(name);
          if (!v) {
            problems.push({ file: f.file, entry, field, message: `'${ref}' names no vocabulary (declare it under "vocabulary" in a rules file)` });
            return ref;
          }
          return `(?:${v.pattern})`;
        });
      };
      const cueList = (list: unknown, field: string): unknown =>
        Array.isArray(list)
          ? list.map((c, i) => {
              if (!c || typeof c !== 'object') return c;
              const cue = { ...(c as Record<string, unknown>) };
              for (const k of CUE_FIELDS) if (k in cue) cue[k] = expand(cue[k], `${field}[${i}].${k}`);
              return cue;
            })
          : list;
      if (rule.trigger && typeof rule.trigger === 'object') {
        const trigger = { ...(rule.trigger as Record<string, unknown>) };
        for (const k of ['words', 'text', 'narrow']) if (k in trigger) trigger[k] = expand(trigger[k], `trigger.${k}`);
        rule.trigger = trigger;
      }
      if (rule.context && typeof rule.context === 'object') {
        const context = { ...(rule.context as Record<string, unknown>) };
        for (const k of ['any', 'all']) if (k in context) context[k] = cueList(context[k], `context.${k}`);
        rule.context = context;
      }
      if ('exceptions' in rule) rule.exceptions = cueList(rule.exceptions, 'exceptions');
      for (const k of ['ungateIf', 'defines']) if (k in rule) rule[k] = expand(rule[k], k);
      rules.push(rule);
    });
  }
  return { rules, problems };
}
