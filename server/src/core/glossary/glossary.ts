/**
 * The in-memory glossary: entries by id, the term matcher, and the rules as data. Built once from a
 * compiled glossary (see scripts/build.ts) and shared by every feature.
 */
import { TermMatcher } from '../terms/matcher';
import type { Split } from '../rules/split';
import type { CompiledGlossary, TermEntry } from './types';

/** Every glossary entry and the indexes features need. */
export class Glossary {
  readonly entries: readonly TermEntry[];
  readonly matcher: TermMatcher;
  readonly rules: readonly unknown[];
  /** Precomputed literal prefilters of the rules' patterns, when the compiled glossary has them. */
  readonly prefilters: Readonly<Record<string, string[][] | null>> | undefined;
  /** Precomputed pieces of the rules' long patterns, when the compiled glossary has them. */
  readonly splits: Readonly<Record<string, Split>> | undefined;
  /**
   * True when the loader verified that the rules are exactly those the build checked (their digest), so
   * compiling them need not check every pattern for exponential shapes again.
   */
  readonly rulesChecked: boolean;
  private readonly byId = new Map<string, TermEntry>();

  constructor(data: CompiledGlossary, opts: { rulesChecked?: boolean } = {}) {
    this.rulesChecked = opts.rulesChecked === true;
    this.entries = data.terms;
    this.rules = data.rules;
    this.prefilters = data.prefilters;
    this.splits = data.splits;
    for (const e of data.terms) this.byId.set(e.id, e);
    this.matcher = new TermMatcher(data.terms);
  }

  /** The entry with this id, if any. */
  get(id: string): TermEntry | undefined {
    return this.byId.get(id);
  }

  /** The entry that finally replaces a deprecated one (following chains, stopping on a cycle). */
  replacementOf(id: string): TermEntry | undefined {
    const seen = new Set<string>();
    let e = this.byId.get(id);
    while (e && e.status === 'deprecated' && e.replacedBy?.length && !seen.has(e.id)) {
      seen.add(e.id);
      e = this.byId.get(e.replacedBy[0]!);
    }
    return e && e.id !== id ? e : undefined;
  }
}
