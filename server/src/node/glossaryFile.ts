/**
 * Reads the compiled glossary from disk (the only file access the server needs).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Glossary } from '../core/glossary/glossary';
import type { CompiledGlossary } from '../core/glossary/types';

/** Where the compiled glossary sits: beside the bundled server (dist/glossary.json). */
export function defaultGlossaryPath(): string {
  return path.join(__dirname, 'glossary.json');
}

/** Loads and indexes the compiled glossary; throws an Error naming the file on any problem. */
export function loadGlossary(file: string = defaultGlossaryPath()): Glossary {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read the compiled glossary (${(e as Error).message}); run 'npm run build'`);
  }
  let data: CompiledGlossary;
  try {
    data = JSON.parse(raw) as CompiledGlossary;
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!data || data.format !== 1 || !Array.isArray(data.terms) || !Array.isArray(data.rules)) {
    throw new Error(`${file}: not a compiled glossary (expected format 1 with 'terms' and 'rules'); run 'npm run build'`);
  }
  return new Glossary(data, { rulesChecked: typeof data.rulesDigest === 'string' && data.rulesDigest === rulesDigest(data.rules) });
}

/** The digest the build stores as `rulesDigest` (SHA-256 of the rules as JSON, hex). */
export function rulesDigest(rules: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(rules)).digest('hex');
}
