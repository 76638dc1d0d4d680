import type { GlossaryProblem, TermEntry } from './types';

/** Where an entry came from, for located error messages. */
export interface LocatedEntry {
  file: string;
  entry: TermEntry;
}

/** Normalizes alias text for duplicate detection: abbreviations keep their case, words do not. */
export function aliasKey(text: string): string {
  return isAbbreviation(text) ? text : text.toLowerCase().replace(/[\s\-_]+/g, ' ').trim();
}

/** True for all-capital abbreviations such as `SLA`, `CI/CD`, `R&DM`, `SEV-1`. */
export function isAbbreviation(text: string): boolean {
  return /^[A-Z0-9][A-Z0-9&/\-]*[A-Z0-9]$/.test(text) && /[A-Z]/.test(text) && text.length <= 12;
}

/**
 * The semantic checks that a JSON Schema cannot express: unique ids, aliases shared only where every
 * holder marks them ambiguous, resolvable `related` and `replacedBy`, no replacement cycles, and
 * deprecated entries replaced by non-deprecated ones in the end.
 */
export function checkGlossary(entries: LocatedEntry[]): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const byId = new Map<string, LocatedEntry>();
  for (const le of entries) {
    const prev = byId.get(le.entry.id);
    if (prev) {
      problems.push({ file: le.file, entry: le.entry.id, field: 'id', message: `duplicate id (also in ${prev.file})` });
    } else {
      byId.set(le.entry.id, le);
    }
  }

  // Aliases and terms: who holds each written form, and whether they all declared it ambiguous.
  const holders = new Map<string, { file: string; id: string; ambiguous: boolean; field: string }[]>();
  const hold = (key: string, h: { file: string; id: string; ambiguous: boolean; field: string }) => {
    const list = holders.get(key);
    if (list) list.push(h);
    else holders.set(key, [h]);
  };
  for (const { file, entry } of entries) {
    hold(aliasKey(entry.term), { file, id: entry.id, ambiguous: false, field: 'term' });
    // Within an entry a variant that differs only by hyphens is fine (it documents the spelling);
    // a repeat of the same text is not.
    const seen = new Set<string>([entry.term.toLowerCase()]);
    const keys = new Set<string>([aliasKey(entry.term)]);
    (entry.aliases ?? []).forEach((a, i) => {
      const text = typeof a === 'string' ? a : a.text;
      const key = aliasKey(text);
      if (seen.has(text.toLowerCase()) && !isAbbreviation(text)) {
        problems.push({ file, entry: entry.id, field: `aliases[${i}]`, message: `'${text}' repeats the term or another alias of this entry` });
        return;
      }
      seen.add(text.toLowerCase());
      if (keys.has(key)) return;
      keys.add(key);
      hold(key, { file, id: entry.id, ambiguous: typeof a !== 'string' && a.ambiguous === true, field: `aliases[${i}]` });
      if (typeof a !== 'string') {
        for (const [field, list] of [['cues', a.cues], ['blockers', a.blockers]] as const) {
          (list ?? []).forEach((src, j) => {
            const err = regexProblem(src);
            if (err) problems.push({ file, entry: entry.id, field: `aliases[${i}].${field}[${j}]`, message: err });
          });
        }
      }
    });
  }
  for (const [key, list] of holders) {
    if (list.length < 2) continue;
    if (list.every((h) => h.ambiguous)) continue;
    for (const h of list.filter((x) => !x.ambiguous)) {
      const others = list.filter((o) => o !== h).map((o) => `${o.id} (${o.file})`).join(', ');
      problems.push({
        file: h.file,
        entry: h.id,
        field: h.field,
        message: `'${key}' is also used by ${others}; share it only as an ambiguous alias with cues in every entry`,
      });
    }
  }

  for (const { file, entry } of entries) {
    (entry.related ?? []).forEach((r, i) => {
      if (!byId.has(r)) problems.push({ file, entry: entry.id, field: `related[${i}]`, message: `unknown id '${r}'` });
      if (r === entry.id) problems.push({ file, entry: entry.id, field: `related[${i}]`, message: 'an entry cannot be related to itself' });
    });
    (entry.replacedBy ?? []).forEach((r, i) => {
      if (!byId.has(r)) problems.push({ file, entry: entry.id, field: `replacedBy[${i}]`, message: `unknown id '${r}'` });
    });
    if (entry.status === 'deprecated' && !(entry.replacedBy && entry.replacedBy.length)) {
      problems.push({ file, entry: entry.id, field: 'replacedBy', message: 'a deprecated entry must name its replacement' });
    }
    if (entry.status !== 'deprecated' && entry.replacedBy?.length) {
      problems.push({ file, entry: entry.id, field: 'replacedBy', message: 'only deprecated entries have a replacement' });
    }
  }

  // Replacement chains: follow each with a visited set, so a cycle is reported, never followed forever.
  for (const { file, entry } of entries) {
    const path: string[] = [entry.id];
    let current: TermEntry | undefined = entry;
    while (current && current.status === 'deprecated' && current.replacedBy?.length) {
      const next: string = current.replacedBy[0]!;
      if (path.includes(next)) {
        problems.push({ file, entry: entry.id, field: 'replacedBy', message: `replacement cycle: ${[...path, next].join(' -> ')}` });
        break;
      }
      path.push(next);
      current = byId.get(next)?.entry;
    }
  }
  return problems;
}

/**
 * Rejects a regular expression that does not compile, or whose shape can backtrack exponentially
 * (a quantified group that itself contains an unbounded quantifier, e.g. `(a+)+`, `(\w*\s?)*`).
 */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'iu');
  } catch (e) {
    return `invalid regular expression /${source}/: ${(e as Error).message}`;
  }
  if (hasNestedQuantifier(source)) {
    return `regular expression /${source}/ nests an unbounded quantifier inside a repeated group, which can take exponential time; rewrite it without the nesting`;
  }
  if (/\\[1-9]/.test(source)) return `regular expression /${source}/ uses a back-reference, which is not allowed in glossary data`;
  return undefined;
}

function hasNestedQuantifier(src: string): boolean {
  // Walk the pattern keeping, for each open group, whether it contains an unbounded quantifier.
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    if (c === '(') { stack.push(false); continue; }
    if (c === ')') {
      const inner = stack.pop() ?? false;
      const q = src.slice(i + 1, i + 12);
      // Unbounded repetition of the group, or a bound above 10; a small bound ({0,3}) over capped
      // sentences stays polynomial and small.
      const bound = /^\{\d*,(\d+)\}/.exec(q);
      const repeated = /^(?:[*+]|\{\d+,\})/.test(q) || (bound !== null && Number(bound[1]) > 10);
      const unboundedAfter = /^(?:[*+]|\{\d+,\})/.test(q);
      if (inner && repeated) return true;
      if (stack.length) stack[stack.length - 1] = stack[stack.length - 1]! || inner || unboundedAfter;
      continue;
    }
    if ((c === '*' || c === '+') && stack.length) stack[stack.length - 1] = true;
    if (c === '{' && stack.length && /^\{\d+,\}/.test(src.slice(i))) stack[stack.length - 1] = true;
  }
  return false;
}
