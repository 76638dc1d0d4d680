/**
 * Keeps a replacement in the shape of the words it replaces: case ("Customers" -> "Users"), number
 * ("customers" -> "users") and the indefinite article ("an incident" -> "a service request").
 */

/** Applies the case pattern of `original` to `replacement`. */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && !/^[A-Z]{2,6}s?$/.test(original)) {
    return replacement.toUpperCase();
  }
  const words = original.split(/\s+/);
  const titled = words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w));
  if (titled) return replacement.replace(/(^|[\s-])(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase());
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

const IRREGULAR: Record<string, string> = { criterion: 'criteria', analysis: 'analyses', person: 'people', staff: 'staff' };

/** Plural of a term: the last word is inflected ("service level agreement" -> "service level agreements"). */
export function pluralize(term: string): string {
  const m = /^(.*?)([\p{L}]+)(\W*)$/u.exec(term);
  if (!m) return term;
  const [, head, word, tail] = m as unknown as [string, string, string, string];
  const lower = word.toLowerCase();
  let plural: string;
  if (IRREGULAR[lower]) plural = IRREGULAR[lower]!;
  else if (/^[A-Z]{2,}$/.test(word)) plural = word + 's';
  else if (/[^aeiou]y$/i.test(word)) plural = word.slice(0, -1) + 'ies';
  else if (/(?:s|sh|ch|x|z)$/i.test(word)) plural = word + 'es';
  else plural = word + 's';
  if (IRREGULAR[lower] && /^\p{Lu}/u.test(word)) plural = plural.charAt(0).toUpperCase() + plural.slice(1);
  return head + plural + tail;
}

/** The indefinite article for a word: "an" before a vowel sound, else "a" (with the usual exceptions). */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const w = word.trim();
  if (/^[A-Z]{2,}/.test(w)) return /^[AEFHILMNORSX]/.test(w) ? 'an' : 'a';
  const lower = w.toLowerCase();
  if (/^(?:uni|use|usu|eu|one|once|ubi|uti|ure)/.test(lower)) return 'a';
  if (/^(?:hour|honest|honou?r|heir)/.test(lower)) return 'an';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** Inflects `replacement` to the case and number of `original`. */
export function inflect(original: string, replacement: string, plural: boolean): string {
  return matchCase(original, plural ? pluralize(replacement) : replacement);
}
