/**
 * Literal prefilters for the rules' regular expressions.
 *
 * Most cue patterns are long vocabulary lists ("logs in | signs in | clicks | ..."), and most sentences
 * contain none of their words. For each pattern we derive, from its syntax tree (parsed with regexpp, the
 * parser ESLint uses), a set of lower-case literals such that every match of the pattern contains at
 * least one of them. One pass of a multi-literal matcher over a sentence then tells which patterns can
 * match there at all, and the others are never run: never run, never compiled by V8, which is most of
 * the cost of a fresh process.
 *
 * Soundness (a prefilter may let through text the pattern rejects, never the reverse):
 * - literals are built only from ASCII characters; under the `i` flag without `u`, a non-ASCII character
 *   never matches an ASCII one, so a match's ASCII letters appear, lower-cased, in the lower-cased text;
 * - patterns with the `u` flag get no prefilter (Unicode case folding maps some non-ASCII characters to
 *   ASCII letters: the Kelvin sign to k, the long s to s);
 * - anything the analysis does not understand (classes, `\w`, optional parts, back-references) counts as
 *   "could be anything", which only ever drops literals, never adds them.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** A set containing a shorter literal filters nothing worth the scan; it is not used. */
const MIN_LITERAL = 2;
/** Caps on the sets the analysis builds (cross products of alternatives grow fast). */
const MAX_EXACT = 64;
const MAX_CLASS = 8;
/** How many required sets a pattern keeps (the most selective ones). */
const MAX_REQUIRED = 3;

/**
 * What a node can match: `exact` lists every string it can match (when few and known); `all` lists sets
 * of literals such that every match contains a literal of each set.
 */
interface Info {
  exact: string[] | null;
  all: string[][];
}

const parser = new RegExpParser({ ecmaVersion: 2022 });

/** Words that are present wherever the patterns run (the rules' trigger words): literals inside them filter nothing. */
let present: readonly string[] = [];

/**
 * Sets of lower-case literals such that every match of `re` contains a literal of each set, or null when
 * no useful set can be derived (the pattern must then always be run). `triggers`: the words the rules
 * fire on, present in every sentence a cue is tried in, so literals inside them are chosen last.
 */
export function requiredLiterals(re: RegExp, triggers: readonly string[] = []): string[][] | null {
  if (re.flags.includes('u') || re.flags.includes('v')) return null;
  present = triggers;
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(re.source, 0, re.source.length, { unicode: false });
  } catch {
    return null;
  }
  const info = alternatives(pattern.alternatives);
  const sets = strongest(withExact(info)).map(minimal);
  return sets.length ? sets : null;
}

function usable(set: readonly string[] | null): boolean {
  if (!set || !set.length) return false;
  for (const s of set) if (s.length < MIN_LITERAL) return false;
  return true;
}

/** A set's selectivity: none if a literal lies inside a trigger word, else longer shortest literals first, then fewer literals. */
function score(set: readonly string[]): number {
  let m = Infinity;
  for (const s of set) {
    if (present.some((p) => p.includes(s))) return 0;
    if (s.length < m) m = s.length;
  }
  return Math.min(m, 8) * 1000 - Math.min(set.length, 999);
}

/** The most selective distinct sets, at most MAX_REQUIRED. */
function strongest(sets: string[][]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const set of sets.filter(usable).sort((a, b) => score(b) - score(a))) {
    const key = [...set].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(set);
    if (out.length === MAX_REQUIRED) break;
  }
  return out;
}

/** `all`, plus the exact strings as one more set when usable. */
function withExact(i: Info): string[][] {
  return i.exact && usable(i.exact) ? [...i.all, i.exact] : i.all;
}

/** Drops literals that contain another literal of the set (containing the shorter one is implied). */
function minimal(set: string[]): string[] {
  const sorted = [...new Set(set)].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const s of sorted) if (!out.some((o) => s.includes(o))) out.push(s);
  return out;
}

function alternatives(alts: readonly AST.Alternative[]): Info {
  const infos = alts.map(sequence);
  let exact: string[] | null = [];
  for (const i of infos) {
    if (!i.exact || exact.length + i.exact.length > MAX_EXACT) {
      exact = null;
      break;
    }
    exact.push(...i.exact);
  }
  if (infos.length === 1) return { exact, all: infos[0]!.all };
  // Some alternative matches: its best set, united over the alternatives.
  let union: string[] | null = [];
  for (const i of infos) {
    const best = strongest(withExact(i))[0];
    if (!best) {
      union = null;
      break;
    }
    union.push(...best);
  }
  return { exact, all: union ? [union] : [] };
}

function cross(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

function sequence(alt: AST.Alternative): Info {
  const infos = alt.elements.map(element);
  const all: string[][] = [];
  // Runs of consecutive elements with known exact strings give longer literals than any one element.
  let run: string[] | null = null;
  const endRun = () => {
    if (run && usable(run)) all.push(run);
    run = null;
  };
  for (const i of infos) {
    all.push(...i.all);
    if (!i.exact) {
      endRun();
      continue;
    }
    const next: string[] | null = run ? cross(run, i.exact) : i.exact;
    if (next) run = next;
    else {
      endRun();
      run = i.exact;
    }
  }
  endRun();
  let exact: string[] | null = [''];
  for (const i of infos) {
    exact = exact && i.exact ? cross(exact, i.exact) : null;
    if (!exact) break;
  }
  return { exact, all: strongest(all) };
}

function element(e: AST.Element): Info {
  switch (e.type) {
    case 'Character':
      return e.value < 128 ? { exact: [String.fromCharCode(e.value).toLowerCase()], all: [] } : unknown();
    case 'CharacterClass':
      return characterClass(e);
    case 'Assertion':
      // Zero width: matches the empty string wherever it holds (a lookaround's text is not in the match).
      return { exact: [''], all: [] };
    case 'Group':
    case 'CapturingGroup':
      return alternatives(e.alternatives);
    case 'Quantifier': {
      const inner = element(e.element);
      if (e.min === 0) {
        // Optional once: the empty string or the element. More: unknown.
        if (e.max === 1 && inner.exact && inner.exact.length < MAX_EXACT) return { exact: ['', ...inner.exact], all: [] };
        return unknown();
      }
      if (e.min === 1 && e.max === 1) return inner;
      // At least once: every match contains what one occurrence contains.
      return { exact: null, all: withExact(inner) };
    }
    default:
      // Character sets (\w, \s, .), back-references, class expressions: could be anything.
      return unknown();
  }
}

function characterClass(c: AST.CharacterClass): Info {
  if (c.negate) return unknown();
  const chars = new Set<string>();
  for (const el of c.elements) {
    if (el.type === 'Character') {
      if (el.value >= 128) return unknown();
      chars.add(String.fromCharCode(el.value).toLowerCase());
    } else if (el.type === 'CharacterClassRange') {
      if (el.max.value >= 128 || el.max.value - el.min.value > MAX_CLASS) return unknown();
      for (let v = el.min.value; v <= el.max.value; v++) chars.add(String.fromCharCode(v).toLowerCase());
    } else {
      return unknown();
    }
    if (chars.size > MAX_CLASS) return unknown();
  }
  return { exact: [...chars], all: [] };
}

function unknown(): Info {
  return { exact: null, all: [] };
}

/** Where the literals of each set occur in a scanned text (offsets in that text; -1 / Infinity when absent). */
export interface LiteralHits {
  /** Per set: the largest start offset of one of its literals, or -1. */
  lastStart: Int32Array;
  /** Per set: the smallest end offset of one of its literals, or 0x7fffffff. */
  firstEnd: Int32Array;
}

const NONE_END = 0x7fffffff;

/**
 * A multi-literal matcher (Aho–Corasick over UTF-16 code units, on lower-cased text): one pass over a
 * text reports where the literals of each registered set occur. Built with maps, then packed into typed
 * arrays (a few hundred kilobytes for the rules' ten thousand literals, where a map per state would take
 * megabytes): dense transitions from the root, sorted edge lists elsewhere, failure links, and output
 * links to the nearest state down the failure chain that ends a literal.
 */
export class LiteralIndex {
  /** The trie while sets are added; dropped once packed. */
  private building: { next: Map<number, number>; out: number[] }[] | undefined = [{ next: new Map(), out: [] }];
  private sets = 0;
  private packed: Packed | undefined;

  /** Registers a literal set; returns its id, to look up in the result of `scan`. */
  add(literals: readonly string[]): number {
    if (!this.building) throw new Error('LiteralIndex: add() after scan()');
    const id = this.sets++;
    for (const lit of literals) {
      if (!lit.length) continue;
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        const b = this.building;
        let t = b[s]!.next.get(c);
        if (t === undefined) {
          t = b.length;
          b.push({ next: new Map(), out: [] });
          b[s]!.next.set(c, t);
        }
        s = t;
      }
      // Each output is the set id and the literal's length (to know where it started).
      this.building[s]!.out.push(id, lit.length);
    }
    return id;
  }

  get size(): number {
    return this.sets;
  }

  /** Where each set's literals occur in `lower` (which must already be lower-cased). */
  scan(lower: string): LiteralHits {
    if (!this.packed) {
      this.packed = pack(this.building!);
      this.building = undefined;
    }
    const p = this.packed;
    const lastStart = new Int32Array(this.sets).fill(-1);
    const firstEnd = new Int32Array(this.sets).fill(NONE_END);
    const { root, edgeStart, edgeChar, edgeTo, fail, outStart, out, outLink } = p;
    let s = 0;
    for (let i = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i);
      let t = -1;
      for (;;) {
        if (s === 0) {
          t = c < 128 ? root[c]! : -1;
          if (t < 0) t = 0;
          break;
        }
        // Edges of s, sorted by character; usually one or two.
        for (let k = edgeStart[s]!, end = edgeStart[s + 1]!; k < end; k++) {
          const ch = edgeChar[k]!;
          if (ch === c) {
            t = edgeTo[k]!;
            break;
          }
          if (ch > c) break;
        }
        if (t >= 0) break;
        s = fail[s]!;
      }
      s = t;
      for (let u = outStart[s] !== outStart[s + 1] ? s : outLink[s]!; u > 0; u = outLink[u]!) {
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k += 2) {
          const id = out[k]!;
          const start = i + 1 - out[k + 1]!;
          if (start > lastStart[id]!) lastStart[id] = start;
          if (firstEnd[id] === NONE_END) firstEnd[id] = i + 1;
        }
      }
    }
    return { lastStart, firstEnd };
  }
}

interface Packed {
  root: Int32Array;
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTo: Int32Array;
  fail: Int32Array;
  outStart: Int32Array;
  out: Int32Array;
  /** The nearest state down the failure chain with outputs of its own, or 0. */
  outLink: Int32Array;
}

function pack(states: readonly { next: Map<number, number>; out: number[] }[]): Packed {
  const n = states.length;
  const fail = new Int32Array(n);
  const outLink = new Int32Array(n);
  // Breadth first: failure links of a state use those of shorter states.
  const queue: number[] = [];
  for (const t of states[0]!.next.values()) queue.push(t);
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    for (const [c, t] of states[s]!.next) {
      let f = fail[s]!;
      let g = states[f]!.next.get(c);
      while (g === undefined && f > 0) {
        f = fail[f]!;
        g = states[f]!.next.get(c);
      }
      fail[t] = g !== undefined && g !== t ? g : 0;
      const ft = fail[t]!;
      outLink[t] = states[ft]!.out.length ? ft : outLink[ft]!;
      queue.push(t);
    }
  }
  const root = new Int32Array(128).fill(-1);
  for (const [c, t] of states[0]!.next) if (c < 128) root[c] = t;
  const edgeStart = new Int32Array(n + 1);
  const outStart = new Int32Array(n + 1);
  let edges = 0;
  let outs = 0;
  for (let s = 0; s < n; s++) {
    edgeStart[s] = edges;
    outStart[s] = outs;
    edges += states[s]!.next.size;
    outs += states[s]!.out.length;
  }
  edgeStart[n] = edges;
  outStart[n] = outs;
  const edgeChar = new Uint16Array(edges);
  const edgeTo = new Int32Array(edges);
  const out = new Int32Array(outs);
  for (let s = 0; s < n; s++) {
    const sorted = [...states[s]!.next].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([c, t], k) => {
      edgeChar[edgeStart[s]! + k] = c;
      edgeTo[edgeStart[s]! + k] = t;
    });
    out.set(states[s]!.out, outStart[s]!);
  }
  return { root, edgeStart, edgeChar, edgeTo, fail, outStart, out, outLink };
}
