/**
 * Pieces of a long vocabulary pattern, each with its own literal prefilter.
 *
 * Many cue patterns are one long alternation of phrase templates ("lost|forgotten … badge", "leavers",
 * "mailbox access", …), thousands of characters long, often followed by more context ("… logged as an
 * incident"). Its literal prefilter can only require *some* word of the whole vocabulary, so the pattern
 * passes in most sentences that hold a trigger, and then V8 tries every alternative at every word of the
 * sentence: the largest of them cost more than the rest of the rule engine together. Cut at that alternation,
 * each alternative is a small pattern whose prefilter requires its own words, so in a typical sentence none
 * or one of them runs.
 *
 * - When nothing follows the alternation but the groups around it (`exact`), the pieces give exactly the
 *   pattern's match: the leftmost match of any piece, and of the pieces matching there, the earliest.
 * - Otherwise the pieces end at the alternation and are gates: where the pattern matches, a gate matches at
 *   the same position. No gate matching rules the pattern out; else the pattern runs whole.
 *
 * See `splitAlternation` for why both hold.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** Patterns shorter than this are run whole: splitting them saves less than it adds to the prefilter. */
export const SPLIT_MIN_LENGTH = 600;
/** An alternation with fewer alternatives than this is not split. */
const MIN_ALTERNATIVES = 4;
/** How deep the walk to the alternation goes through groups of one alternative. */
const MAX_DEPTH = 8;

const parser = new RegExpParser({ ecmaVersion: 2022 });

/**
 * Where a pattern is cut, as offsets into its source (compact enough to store in the compiled glossary):
 * the alternation spans [from, to), alternative i spans [alternatives[2i], alternatives[2i + 1]), and it sits
 * inside `close` groups opened before it. `exact`: nothing follows it but those groups' closing brackets.
 * `literals`, when given: each piece's literal prefilter (see prefilter.ts), in the same order.
 */
export interface Split {
  from: number;
  to: number;
  alternatives: number[];
  close: number;
  exact: boolean;
  literals?: (string[][] | null)[];
}

/**
 * The sources of the pieces of a pattern whose source is `source`: what precedes the alternation, one
 * alternative, and the closing brackets of the groups around it (for an exact split, that is all that
 * follows it).
 */
export function pieceSources(source: string, split: Split): string[] {
  const head = source.slice(0, split.from);
  const tail = ')'.repeat(split.close);
  const out: string[] = [];
  for (let i = 0; i + 1 < split.alternatives.length; i += 2) out.push(head + source.slice(split.alternatives[i], split.alternatives[i + 1]) + tail);
  return out;
}

/** A pattern cut into pieces, ready to run (see `execCut`). */
export interface CutPattern {
  pieces: readonly RegExp[];
  /** For gates: the pattern itself, run when a gate matched; undefined for exact pieces. */
  whole: RegExp | undefined;
}

/** The pieces of `re` per `split`, as patterns. */
export function cutPattern(re: RegExp, split: Split): CutPattern {
  return {
    pieces: pieceSources(re.source, split).map((source) => new RegExp(source, re.flags)),
    whole: split.exact ? undefined : re,
  };
}

/**
 * The first match in `subject` of the pattern cut into `cut`, as its `exec` would give it. `may`: false for
 * a piece that cannot match in `subject` (its literal prefilter), which is then not run.
 */
export function execCut(cut: CutPattern, subject: string, may?: (piece: RegExp) => boolean): RegExpExecArray | null {
  let best: RegExpExecArray | null = null;
  for (const p of cut.pieces) {
    if (may && !may(p)) continue;
    const m = p.exec(subject);
    if (m && (!best || m.index < best.index)) {
      best = m;
      if (m.index === 0) break;
    }
  }
  // The pattern itself, not a global copy started at the gate: a copy would be one more pattern for V8 to
  // compile, and gates match rarely (on the 1 MB document, a dozen times per pattern).
  if (!best || !cut.whole) return best;
  return cut.whole.exec(subject);
}

/**
 * Where `re` is cut into pieces, or null when it is not. The pattern is cut at its first alternation
 * reached through a prefix that cannot backtrack: characters, `\b` and `^`, and groups of one alternative
 * without a quantifier, which the walk enters. The alternation must hold no capturing group, so a piece
 * numbers and names its groups as the pattern does.
 *
 * Why exact pieces agree with the pattern: at a given position the prefix matches in one way or not at all,
 * so the pattern tries the alternatives in order and the first that matches gives the match (nothing
 * follows to backtrack from). A piece tries exactly one. So the pattern matches at a position exactly when
 * some piece does there, and its match is the earliest such piece's; searching, the pattern's match is at
 * the leftmost position where a piece matches.
 *
 * Why gates are sound: a match of the pattern at a position is the prefix, one alternative, then the rest;
 * the gate of that alternative is the prefix and the alternative, so it matches at that position too.
 */
export function splitAlternation(re: RegExp, minLength = SPLIT_MIN_LENGTH): Split | null {
  const source = re.source;
  // Global and sticky patterns carry state between runs; Unicode ones are not what the rules use.
  if (source.length < minLength || /[gyuv]/.test(re.flags)) return null;
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: false });
  } catch {
    return null;
  }
  let node: { alternatives: AST.Alternative[] } = pattern;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const alts = node.alternatives;
    if (alts.length >= MIN_ALTERNATIVES) {
      if (alts.some(hasCapture)) return null;
      const from = alts[0]!.start;
      const to = alts[alts.length - 1]!.end;
      // Each group the walk entered is closed by one `)`; anything more after the alternation is context.
      return { from, to, alternatives: alts.flatMap((a) => [a.start, a.end]), close: depth, exact: source.slice(to) === ')'.repeat(depth) };
    }
    if (alts.length !== 1) return null;
    const next = groupAfterPrefix(alts[0]!);
    if (!next) return null;
    node = next;
  }
  return null;
}

/** The first group of `alt` when every element before it matches in one way at most; else undefined. */
function groupAfterPrefix(alt: AST.Alternative): AST.Group | AST.CapturingGroup | undefined {
  for (const e of alt.elements) {
    if (e.type === 'Group' || e.type === 'CapturingGroup') return e;
    if (e.type === 'Character') continue;
    if (e.type === 'Assertion' && (e.kind === 'word' || e.kind === 'start')) continue;
    return undefined;
  }
  return undefined;
}

function hasCapture(n: AST.Node): boolean {
  switch (n.type) {
    case 'CapturingGroup':
      return true;
    case 'Alternative':
      return n.elements.some(hasCapture);
    case 'Group':
      return n.alternatives.some(hasCapture);
    case 'Assertion':
      return n.kind === 'lookahead' || n.kind === 'lookbehind' ? n.alternatives.some(hasCapture) : false;
    case 'Quantifier':
      return hasCapture(n.element);
    default:
      return false;
  }
}
