/**
 * Hover: the glossary entry of the term under the cursor, found through the shared matcher.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { blockAt, positionIn, type DocumentAnalysis } from '../analysis';
import type { Glossary } from '../glossary/glossary';
import type { TermEntry } from '../glossary/types';
import type { TermOccurrence } from '../terms/matcher';
import { renderEntry, type RenderOptions } from './render';

/** The term occurrence at a document offset, if the offset is on a term in prose. */
export function termAtOffset(a: DocumentAnalysis, offset: number, itsm: boolean): { block: number; term: TermOccurrence } | undefined {
  const bi = blockAt(a.model, offset);
  if (bi < 0) return undefined;
  const block = a.model.blocks[bi]!;
  const rel = offset - block.start;
  const terms = a.blocks[bi]!.terms;
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = terms[mid]!;
    if (rel < t.start) hi = mid - 1;
    else if (rel > t.end) lo = mid + 1;
    else {
      // The cursor may sit just after the last character: prefer the term that contains it.
      if (rel === t.end && mid + 1 < terms.length && terms[mid + 1]!.start === rel) return pick(bi, terms[mid + 1]!, itsm);
      return pick(bi, t, itsm);
    }
  }
  return undefined;
}

function pick(block: number, term: TermOccurrence, itsm: boolean) {
  if (term.support === 'no' || (term.support === 'maybe' && !itsm)) return undefined;
  return { block, term };
}

/** The hover for a document offset, or null. */
export function computeHover(a: DocumentAnalysis, offset: number, glossary: Glossary, itsm: boolean, opts: RenderOptions): Hover | null {
  const hit = termAtOffset(a, offset, itsm);
  if (!hit) return null;
  const entry: TermEntry | undefined = glossary.get(hit.term.entryId);
  if (!entry) return null;
  const block = a.model.blocks[hit.block]!;
  const ba = a.blocks[hit.block]!;
  return {
    contents: { kind: MarkupKind.Markdown, value: renderEntry(entry, glossary, { ...opts, brief: true }) },
    range: { start: positionIn(block, ba, hit.term.start), end: positionIn(block, ba, hit.term.end) },
  };
}
