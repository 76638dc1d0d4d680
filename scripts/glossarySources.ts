/**
 * Reads `glossary/terms/*.json` and `glossary/rules/*.json`, validates them against their JSON Schemas
 * and the semantic checks, and compiles them into one object. Used by the build (which fails on any
 * problem) and by the tests.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkGlossary, type LocatedEntry } from '../server/src/core/glossary/check';
import type { CompiledGlossary, GlossaryProblem, TermEntry, TermFile } from '../server/src/core/glossary/types';
import { expandVocabularies, type RulesFileData } from '../server/src/core/rules/vocabulary';

/** The repository's glossary folder. */
export const GLOSSARY_DIR = path.join(__dirname, '..', 'glossary');

/** Result of reading the glossary sources. */
export interface GlossarySources {
  compiled: CompiledGlossary;
  problems: GlossaryProblem[];
}

function readJson(file: string, problems: GlossaryProblem[]): unknown {
  const rel = path.relative(process.cwd(), file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    problems.push({ file: rel, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    // JSON.parse does not always say where; jsonc-parser does.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    let where = '';
    if (first) {
      const before = text.slice(0, first.offset);
      where = ` at line ${before.split('\n').length}, column ${first.offset - before.lastIndexOf('\n')} (${printParseErrorCode(first.error)})`;
    }
    problems.push({ file: rel, message: `not valid JSON${where}: ${(e as Error).message}` });
    return undefined;
  }
}

function schemaProblems(file: string, data: unknown, errors: ErrorObject[] | null | undefined, listKey: string): GlossaryProblem[] {
  return (errors ?? []).map((err) => {
    // instancePath: /terms/12/aliases/3 -> entry id of terms[12], field aliases[3]
    const parts = err.instancePath.split('/').slice(1);
    let entry: string | undefined;
    let field = parts.join('.');
    if (parts[0] === listKey && parts[1] !== undefined) {
      const item = (data as Record<string, unknown[]>)[listKey]?.[Number(parts[1])] as { id?: string } | undefined;
      entry = item?.id ?? `#${parts[1]}`;
      field = parts.slice(2).map((p) => (/^\d+$/.test(p) ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
    }
    const extra = err.keyword === 'additionalProperties' ? ` ('${(err.params as { additionalProperty: string }).additionalProperty}')` : err.keyword === 'enum' ? ` (one of ${(err.params as { allowedValues: string[] }).allowedValues.join(', ')})` : '';
    return { file, entry, field: field || undefined, message: `${err.message ?? 'invalid'}${extra}` };
  });
}

/** Reads, validates and compiles every glossary file below `dir`. */
export function readGlossarySources(dir: string = GLOSSARY_DIR): GlossarySources {
  const problems: GlossaryProblem[] = [];
  const ajv = new Ajv({ allErrors: true, strict: false });
  const termSchema = readJson(path.join(dir, 'schema', 'terms.schema.json'), problems) as object;
  const validateTerms = ajv.compile(termSchema);
  const ruleSchemaFile = path.join(dir, 'schema', 'rules.schema.json');
  const validateRules = fs.existsSync(ruleSchemaFile) ? ajv.compile(readJson(ruleSchemaFile, problems) as object) : undefined;

  const located: LocatedEntry[] = [];
  const termsDir = path.join(dir, 'terms');
  for (const name of fs.readdirSync(termsDir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(termsDir, name);
    const rel = path.relative(process.cwd(), file);
    const data = readJson(file, problems) as TermFile | undefined;
    if (data === undefined) continue;
    if (!validateTerms(data)) {
      problems.push(...schemaProblems(rel, data, validateTerms.errors, 'terms'));
      continue;
    }
    for (const entry of data.terms) located.push({ file: rel, entry });
  }
  problems.push(...checkGlossary(located));

  const ruleFiles: RulesFileData[] = [];
  const rulesDir = path.join(dir, 'rules');
  if (fs.existsSync(rulesDir)) {
    for (const name of fs.readdirSync(rulesDir).filter((n) => n.endsWith('.json')).sort()) {
      const file = path.join(rulesDir, name);
      const rel = path.relative(process.cwd(), file);
      const data = readJson(file, problems) as { rules?: unknown[]; vocabulary?: Record<string, unknown> } | undefined;
      if (data === undefined) continue;
      if (validateRules && !validateRules(data)) {
        problems.push(...schemaProblems(rel, data, validateRules.errors, 'rules'));
        continue;
      }
      ruleFiles.push({ file: rel, vocabulary: data.vocabulary, rules: data.rules ?? [] });
    }
  }
  // `{{name}}` in a pattern stands for a vocabulary declared in any rules file (core/rules/vocabulary.ts).
  const expanded = expandVocabularies(ruleFiles);
  problems.push(...expanded.problems);
  const rules: unknown[] = expanded.rules;
  const terms: TermEntry[] = located.map((l) => l.entry).sort((a, b) => a.id.localeCompare(b.id));
  return { compiled: { format: 1, terms, rules }, problems };
}
