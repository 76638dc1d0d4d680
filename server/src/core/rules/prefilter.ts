/**
 * Literal prefilters for the rules' regular expressions.
 *
 * Most cue patterns are long vocabulary lists ("logs in | signs in | clicks | ..."), and most sentences
 * contain none of their words. For each pattern we derive, from its syntax tree (parsed with regexpp, the
 * parser ESLint uses), sets of lower-case literals such that wherever the pattern matches, the subject
 * it ran on holds a literal of each set (inside the match, or inside the text a positive lookaround
 * read). One pass of a multi-literal matcher over a sentence then tells which patterns can
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
const MIN_LITERAL = 3;
/** Caps on the sets the analysis builds (cross products of alternatives grow fast). */
const MAX_EXACT = 64;
const MAX_CLASS = 8;
/** How many required sets a pattern keeps (the most selective ones). */
const MAX_REQUIRED = 3;
/**
 * Literals are cut to this length: a match containing a literal contains its beginning too, and longer
 * literals add little selectivity but many states to the matcher.
 */
const MAX_LITERAL = 10;

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
  const sets = strongest(withExact(info)).map((set) => minimal(set.map((l) => l.slice(0, MAX_LITERAL))));
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
      // Zero width: matches the empty string wherever it holds. A positive lookaround's text is not in the
      // match, but it is in the subject the pattern runs on, which is what the prefilter answers for (a
      // pattern is only ever run on the span its literals were looked up in): its sets still hold. A
      // negative one requires nothing.
      if ((e.kind === 'lookahead' || e.kind === 'lookbehind') && !e.negate) return { exact: [''], all: withExact(alternatives(e.alternatives)) };
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

/**
 * The forms of one word every match of `re` holds as a word of its own (see `wordGate`), lower case, or
 * undefined. The word is the last run of ASCII letters that has `\\b`, a space or a hyphen before it and a
 * space, a hyphen or `\\b` after it, optionally with `s?` first (then both forms count): "\\binternal[- ]slas?\\b"
 * gives sla and slas. Only a pattern of one alternative, read through groups of one alternative.
 */
export function anchorWord(re: RegExp): string[] | undefined {
  if (/[uv]/.test(re.flags)) return undefined;
  let alternatives: AST.Alternative[];
  try {
    alternatives = parser.parsePattern(re.source, 0, re.source.length, { unicode: false }).alternatives;
  } catch {
    return undefined;
  }
  if (alternatives.length !== 1) return undefined;
  // Flatten groups of one alternative ("(?:\\binternal[- ]slas?\\b)").
  const flat: AST.Element[] = [];
  const add = (els: readonly AST.Element[]) => {
    for (const e of els) {
      if (e.type === 'Group' && e.alternatives.length === 1) add(e.alternatives[0]!.elements);
      else flat.push(e);
    }
  };
  add(alternatives[0]!.elements);
  const isSep = (c: number) => c === 32 || c === 45;
  const separator = (e: AST.Element | undefined): boolean => {
    if (e?.type === 'Quantifier' && e.min >= 1) e = e.element;
    if (!e) return false;
    if (e.type === 'Character') return isSep(e.value);
    if (e.type === 'CharacterClass') return !e.negate && e.elements.every((c: AST.CharacterClassElement) => c.type === 'Character' && isSep(c.value));
    return e.type === 'CharacterSet' && e.kind === 'space' && !e.negate;
  };
  const boundary = (e: AST.Element | undefined) => e?.type === 'Assertion' && e.kind === 'word' && !e.negate;
  const letter = (e: AST.Element | undefined): e is AST.Character => e?.type === 'Character' && /^[A-Za-z]$/.test(String.fromCharCode(e.value));
  let found: string[] | undefined;
  for (let i = 0; i < flat.length; i++) {
    if (!letter(flat[i]) || letter(flat[i - 1]) || !(boundary(flat[i - 1]) || separator(flat[i - 1]))) continue;
    let word = '';
    let j = i;
    for (; letter(flat[j]); j++) word += String.fromCharCode((flat[j] as AST.Character).value).toLowerCase();
    let forms = [word];
    const q = flat[j];
    if (q?.type === 'Quantifier' && q.min === 0 && q.max === 1 && q.element.type === 'Character' && (q.element.value | 32) === 115) {
      forms = [word, word + 's'];
      j++;
    }
    if (boundary(flat[j]) || separator(flat[j])) found = forms;
  }
  return found;
}

/**
 * Where the literals of each set occur in the text of the last scan (offsets from the scan's start).
 * Only the sets a scan touched are written: a set whose stamp is not the scan's number did not occur.
 */
export class LiteralHits {
  /** Per set: the number of the scan that last saw one of its literals. */
  readonly stamp: Int32Array;
  /** Per set (valid when stamped): the largest start offset of one of its literals. */
  readonly lastStart: Int32Array;
  /** Per set (valid when stamped): the smallest end offset of one of its literals. */
  readonly firstEnd: Int32Array;
  /** The number of the scan these hits describe. */
  scan = 0;

  constructor(sets: number) {
    this.stamp = new Int32Array(sets);
    this.lastStart = new Int32Array(sets);
    this.firstEnd = new Int32Array(sets);
  }

  /** True when one of set `id`'s literals starts at or after `from` and one ends at or before `to`. */
  within(id: number, from: number, to: number): boolean {
    return this.stamp[id] === this.scan && this.lastStart[id]! >= from && this.firstEnd[id]! <= to;
  }

  /** The largest start offset of one of set `id`'s literals, or -1. */
  lastStartOf(id: number): number {
    return this.stamp[id] === this.scan ? this.lastStart[id]! : -1;
  }

  /** The smallest end offset of one of set `id`'s literals, or -1. */
  firstEndOf(id: number): number {
    return this.stamp[id] === this.scan ? this.firstEnd[id]! : -1;
  }
}

/**
 * A multi-literal matcher (Aho–Corasick over UTF-16 code units): one pass over a text reports where the
 * literals of each registered set occur. Literals are lower-case ASCII; the scan folds ASCII case in its
 * symbol table, as the rules' `i` flag does (non-ASCII characters never fold to ASCII there), so the text
 * is read in place, not lower-cased into a copy. Each distinct literal is one state of the trie; a scan
 * notes where each literal first ends and last starts, then passes that on to the sets holding it, once
 * per literal rather than once per occurrence ("the " may belong to a hundred sets).
 *
 * Built on the first scan, straight into typed arrays (no per-state maps): the trie as a table over the
 * literals' alphabet, then breadth first the failure links folded into that table, and output links to
 * the nearest state down the failure chain that ends a literal.
 */
export class LiteralIndex {
  /** The sets while they are added; dropped once built. */
  private pending: string[][] | undefined = [];
  private built: Automaton | undefined;
  private scans = 0;
  /** Scratch for scans: per literal, the scan that last saw it, and where. */
  private seenIn = new Int32Array(0);
  private litFirstEnd = new Int32Array(0);
  private litLastStart = new Int32Array(0);
  private readonly touched: number[] = [];

  /** Registers a literal set; returns its id, to look up in the result of `scan`. */
  add(literals: readonly string[]): number {
    if (!this.pending) throw new Error('LiteralIndex: add() after scan()');
    for (const lit of literals) {
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        if (c >= 128 || (c >= 65 && c <= 90)) throw new Error(`LiteralIndex: literal '${lit}' is not lower-case ASCII`);
      }
    }
    this.pending.push(literals.filter((l) => l.length > 0));
    return this.pending.length - 1;
  }

  /** An empty result sized for this index, to pass to `scan`. */
  hits(): LiteralHits {
    return new LiteralHits(this.automaton().sets);
  }

  /**
   * Where each set's literals occur in `text` between `start` and `end` (offsets in the result are from
   * `start`). `into`: the result of an earlier scan to reuse (overwritten), sparing an allocation.
   */
  scan(text: string, start = 0, end = text.length, into?: LiteralHits): LiteralHits {
    const a = this.automaton();
    const { symbolOf, symbols, delta, outFlag, stateLit, outLink, firstOut, litLength, setsFrom, setIds } = a;
    const stateMask = outFlag - 1;
    const hits = into ?? new LiteralHits(a.sets);
    const scan = ++this.scans;
    hits.scan = scan;
    const { seenIn, litFirstEnd, litLastStart, touched } = this;
    touched.length = 0;
    let s = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const next = delta[s * symbols + (c < 128 ? symbolOf[c]! : 0)]!;
      s = next & stateMask;
      // Most characters end no literal: the flag in the table entry says so without a look elsewhere.
      if (next < outFlag) continue;
      for (let u = firstOut[s]!; u > 0; u = outLink[u]!) {
        const lit = stateLit[u]!;
        const at = i + 1 - start;
        if (seenIn[lit] !== scan) {
          seenIn[lit] = scan;
          litFirstEnd[lit] = at;
          touched.push(lit);
        }
        litLastStart[lit] = at - litLength[lit]!;
      }
    }
    const { stamp, lastStart, firstEnd } = hits;
    for (const lit of touched) {
      const from = litLastStart[lit]!;
      const to = litFirstEnd[lit]!;
      for (let k = setsFrom[lit]!, kEnd = setsFrom[lit + 1]!; k < kEnd; k++) {
        const id = setIds[k]!;
        if (stamp[id] !== scan) {
          stamp[id] = scan;
          lastStart[id] = from;
          firstEnd[id] = to;
        } else {
          if (from > lastStart[id]!) lastStart[id] = from;
          if (to < firstEnd[id]!) firstEnd[id] = to;
        }
      }
    }
    return hits;
  }

  private automaton(): Automaton {
    if (!this.built) {
      this.built = build(this.pending!);
      this.pending = undefined;
      const n = this.built.litLength.length;
      this.seenIn = new Int32Array(n);
      this.litFirstEnd = new Int32Array(n);
      this.litLastStart = new Int32Array(n);
    }
    return this.built;
  }
}

interface Automaton {
  sets: number;
  /** Per ASCII code unit, its symbol (0: a character no literal contains); upper case as lower case. */
  symbolOf: Uint8Array;
  symbols: number;
  /**
   * The automaton as a table: the state after state s reads symbol a is delta[s * symbols + a], with
   * `outFlag` added when that state ends a literal (its own or one down its failure chain).
   */
  delta: Uint16Array | Int32Array;
  /** A power of two above every state number: 2^15 in a Uint16Array table, 2^30 in an Int32Array. */
  outFlag: number;
  /** The literal a state spells, or -1. */
  stateLit: Int32Array;
  /** The nearest state down the failure chain that spells a literal, or 0. */
  outLink: Int32Array;
  /** The state itself if it spells a literal, else its output link. */
  firstOut: Int32Array;
  /** Per literal: its length, and the sets holding it: setIds[setsFrom[l] .. setsFrom[l + 1]). */
  litLength: number[];
  setsFrom: Int32Array;
  setIds: Int32Array;
}

/**
 * Builds the deterministic automaton over the literals' alphabet (a few dozen symbols, so the table stays
 * small: about 2.8 MB for the rules' thirty thousand states).
 *
 * The trie is built first with sparse edges (a map), so no table sized for the worst case is ever made:
 * a dense one, one row per literal character, was 37 MB of address space and 5.5 MB resident until the
 * garbage collector found it, which pushed the server's memory over its target. The states are then
 * numbered breadth first: the shallow states, which nearly every character of a scan visits, sit together
 * at the start of the table and stay in cache (about 7 % faster scans). The one table is filled with the
 * trie's edges in that numbering (0 marks a missing edge: no edge leads back to the root), and breadth
 * first each state's missing edges are copied from its failure state's row, which is final because that
 * state is shorter. Last, each entry gains `outFlag` when its target ends a literal.
 */
function build(sets: readonly string[][]): Automaton {
  const symbolOf = new Uint8Array(128);
  let symbols = 1;
  for (const set of sets) {
    for (const lit of set) {
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        if (!symbolOf[c]) symbolOf[c] = symbols++;
      }
    }
  }
  for (let c = 65; c <= 90; c++) symbolOf[c] = symbolOf[c + 32]!;
  // The trie, sparse: edge key (state * symbols + symbol) -> child, states numbered as created.
  const edges = new Map<number, number>();
  const stateLitList: number[] = [-1];
  const litLength: number[] = [];
  const litSets: number[][] = [];
  let n = 1;
  sets.forEach((set, id) => {
    for (const lit of set) {
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const k = s * symbols + symbolOf[lit.charCodeAt(i)]!;
        let t = edges.get(k);
        if (t === undefined) {
          t = n++;
          edges.set(k, t);
          stateLitList.push(-1);
        }
        s = t;
      }
      let l = stateLitList[s]!;
      if (l < 0) {
        l = stateLitList[s] = litLength.length;
        litLength.push(lit.length);
        litSets.push([]);
      }
      const holders = litSets[l]!;
      if (holders[holders.length - 1] !== id) holders.push(id);
    }
  });
  // Each state's children in symbol order (counting sort of the edges by parent, then by symbol).
  const childFrom = new Int32Array(n + 1);
  for (const k of edges.keys()) childFrom[Math.floor(k / symbols) + 1]!++;
  for (let s = 0; s < n; s++) childFrom[s + 1]! += childFrom[s]!;
  const childKey = new Int32Array(edges.size);
  const fill = childFrom.slice(0, n);
  for (const k of edges.keys()) childKey[fill[Math.floor(k / symbols)]!++] = k;
  for (let s = 0; s < n; s++) childKey.subarray(childFrom[s]!, childFrom[s + 1]!).sort();
  // Breadth-first numbering: renum[old] = new; order[new] = old.
  const renum = new Int32Array(n);
  const order = new Int32Array(n);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const s = order[head]!;
    for (let c = childFrom[s]!; c < childFrom[s + 1]!; c++) {
      const t = edges.get(childKey[c]!)!;
      renum[t] = tail;
      order[tail++] = t;
    }
  }
  const small = n < 32768;
  const outFlag = small ? 32768 : 1 << 30;
  const table: Uint16Array | Int32Array = small ? new Uint16Array(n * symbols) : new Int32Array(n * symbols);
  const stateLit = new Int32Array(n);
  for (let s = 0; s < n; s++) stateLit[renum[s]!] = stateLitList[s]!;
  for (const [k, t] of edges) {
    const parent = Math.floor(k / symbols);
    table[renum[parent]! * symbols + (k - parent * symbols)] = renum[t]!;
  }
  // Failure links and output links, breadth first in the new numbering (state s's row is final before any
  // state that fails to it is reached).
  const fail = new Int32Array(n);
  const outs = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const row = s * symbols;
    const frow = fail[s]! * symbols;
    for (let a = 1; a < symbols; a++) {
      const t = table[row + a]!;
      if (t) {
        // A trie edge (row s holds only those until this loop fills the rest): t's failure state is where
        // s's failure state goes on a (the root for the root's children).
        const ft = s === 0 ? 0 : table[frow + a]!;
        fail[t] = ft;
        outs[t] = stateLit[ft]! >= 0 ? ft : outs[ft]!;
      } else if (!t) {
        table[row + a] = table[frow + a]!;
      }
    }
  }
  const firstOut = new Int32Array(n);
  for (let s = 0; s < n; s++) firstOut[s] = stateLit[s]! >= 0 ? s : outs[s]!;
  for (let k = 0; k < table.length; k++) if (firstOut[table[k]!]! > 0) table[k]! += outFlag;
  const setsFrom = new Int32Array(litSets.length + 1);
  for (let l = 0; l < litSets.length; l++) setsFrom[l + 1] = setsFrom[l]! + litSets[l]!.length;
  const setIds = new Int32Array(setsFrom[litSets.length]!);
  for (let l = 0; l < litSets.length; l++) setIds.set(litSets[l]!, setsFrom[l]!);
  return { sets: sets.length, symbolOf, symbols, delta: table, outFlag, stateLit, outLink: outs, firstOut, litLength, setsFrom, setIds };
}
