/**
 * The glossary as the tests see it: read from `glossary/` and validated, once per test run.
 * The tests never need `../shared`.
 */
import { Glossary } from '../../server/src/core/glossary/glossary';
import { formatProblem } from '../../server/src/core/glossary/types';
import { LanguageService } from '../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { readGlossarySources, type GlossarySources } from '../../scripts/glossarySources';
import { TextDocument } from 'vscode-languageserver-textdocument';

let sources: GlossarySources | undefined;
let glossary: Glossary | undefined;

/** The validated glossary sources (throws with every located problem if the data is broken). */
export function glossarySources(): GlossarySources {
  if (!sources) {
    sources = readGlossarySources();
    if (sources.problems.length) throw new Error('glossary problems:\n' + sources.problems.map(formatProblem).join('\n'));
  }
  return sources;
}

/** The shared glossary model. */
export function testGlossary(): Glossary {
  return (glossary ??= new Glossary(glossarySources().compiled));
}

/** A fresh language service over the repository glossary. */
export function testService(commandLinks = false): LanguageService {
  return new LanguageService({ glossary: testGlossary(), commandLinks });
}

let counter = 0;

/** A document from text; `$$` marks the cursor, whose position is returned. */
export function docWithCursor(text: string, languageId = 'markdown'): { doc: TextDocument; position: { line: number; character: number } } {
  const at = text.indexOf('$$');
  const clean = at >= 0 ? text.slice(0, at) + text.slice(at + 2) : text;
  const doc = TextDocument.create(`untitled:test-${++counter}.md`, languageId, 1, clean);
  return { doc, position: doc.positionAt(at >= 0 ? at : 0) };
}

let judged = 0;

/**
 * Diagnostics of `text` judged as a lone service management document (`documentScope: itsm`), each as
 * `code` or, with `withText`, as `code underlined-words`.
 */
export function ruleHits(text: string, withText = true): string[] {
  const doc = TextDocument.create(`untitled:rules-${++judged}.md`, 'markdown', 1, text);
  return (rulesService ??= testService()).diagnostics(doc, { ...DEFAULT_SETTINGS, documentScope: 'itsm' }).map((d) => (withText ? `${String(d.code)} ${doc.getText(d.range)}` : String(d.code)));
}

let rulesService: LanguageService | undefined;
