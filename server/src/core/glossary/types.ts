/**
 * The shapes of glossary data as written in `glossary/terms/*.json` (see
 * `glossary/schema/terms.schema.json`) and as compiled into `dist/glossary.json`.
 */
import type { Split } from '../rules/split';

/** A category from the ITIL vocabulary used across the glossary. */
export type Category =
  | 'concept' | 'role' | 'work-item' | 'artefact' | 'agreement' | 'metric' | 'activity' | 'model'
  | 'method' | 'principle' | 'dimension' | 'value-chain-activity' | 'practice-general'
  | 'practice-service' | 'practice-technical' | 'process' | 'function' | 'lifecycle-stage';

/** Whether the wording is the ITIL 4 one, an acceptable alternative, or superseded. */
export type Status = 'preferred' | 'admitted' | 'deprecated';

/** Which vocabulary a term belongs to. */
export type Vocabulary = 'itil4' | 'itil3' | 'non-itil';

/** An alias with context conditions, for abbreviations that mean other things too. */
export interface AliasObject {
  text: string;
  ambiguous?: boolean;
  cues?: string[];
  blockers?: string[];
}

/** An alias as written in the data: plain text or an object with conditions. */
export type Alias = string | AliasObject;

/** A reference to where a term is defined (never its text). */
export interface SourceRef {
  publication: string;
  section?: string;
}

/** One glossary entry. */
export interface TermEntry {
  id: string;
  term: string;
  definition: string;
  aliases?: Alias[];
  notInPhrases?: string[];
  caseSensitive?: boolean;
  category: Category;
  status: Status;
  replacedBy?: string[];
  replacementNote?: string;
  vocabulary: Vocabulary;
  colloquial?: boolean;
  related?: string[];
  versionNotes?: string;
  example?: string;
  source: SourceRef;
}

/** One glossary file as written. */
export interface TermFile {
  description?: string;
  terms: TermEntry[];
}

/** The compiled glossary that the server loads: every term file and every rule file merged. */
export interface CompiledGlossary {
  /** Format version of this compiled file. */
  format: 1;
  terms: TermEntry[];
  /** Misuse rules, in the shape the rule engine reads (see core/rules/types.ts). */
  rules: unknown[];
  /**
   * The rules' literal prefilters, computed by the build (see core/rules/prefilter.ts): per pattern
   * (`flags/source`), sets of literals such that every match contains one of each, or null. Optional: the
   * engine derives what is missing.
   */
  prefilters?: Record<string, string[][] | null>;
  /**
   * The long patterns the rule engine runs piece by piece, computed by the build (see core/rules/split.ts):
   * per pattern (`flags/source`), where it is split and each piece's prefilter. Optional: the engine
   * derives it when missing.
   */
  splits?: Record<string, Split>;
  /**
   * SHA-256 of `rules` as JSON, written by the build once every pattern has passed its checks. A loader that
   * finds the same digest may skip checking the patterns again (see `Glossary.rulesChecked`).
   */
  rulesDigest?: string;
}

/** A problem found in glossary data, located by file, entry and field. */
export interface GlossaryProblem {
  file: string;
  entry?: string;
  field?: string;
  message: string;
}

/** Renders a problem as `file: entry 'x', field 'y': message`. */
export function formatProblem(p: GlossaryProblem): string {
  const where = [p.entry !== undefined ? `entry '${p.entry}'` : '', p.field ? `field '${p.field}'` : '']
    .filter(Boolean)
    .join(', ');
  return `${p.file}: ${where ? where + ': ' : ''}${p.message}`;
}
