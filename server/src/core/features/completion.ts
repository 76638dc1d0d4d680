/**
 * Completion of glossary terms in prose. The typed words before the cursor (up to four) are matched
 * against the start of a term or of any of its words; the inserted text follows the case of what was
 * typed; abbreviations expand to "service level agreement (SLA)"; deprecated terms are offered struck
 * through and insert their ITIL 4 replacement. Documentation is resolved lazily.
 */
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { blockAt, positionIn, type DocumentAnalysis } from '../analysis';
import { isAbbreviation } from '../glossary/check';
import type { Glossary } from '../glossary/glossary';
import type { TermEntry } from '../glossary/types';
import { matchCase } from '../text/inflect';
import { categoryLabel, renderEntry, type RenderOptions } from './render';

/** One written form of an entry, prepared for prefix search. */
interface Form {
  entry: TermEntry;
  text: string;
  lower: string;
  /** Lower-case offsets where a word starts. */
  wordStarts: number[];
  abbreviation: boolean;
}

/** The data a completion item carries for lazy resolution. */
export interface CompletionData {
  id: string;
}

/** Prefix index over every term and alias. */
export class CompletionIndex {
  private readonly forms: Form[] = [];

  constructor(private readonly glossary: Glossary) {
    for (const e of glossary.entries) {
      const texts = [e.term, ...(e.aliases ?? []).filter((a) => typeof a === 'string' || !a.ambiguous).map((a) => (typeof a === 'string' ? a : a.text))];
      for (const text of texts) {
        const lower = text.toLowerCase();
        const wordStarts = [0];
        for (let k = 1; k < lower.length; k++) if (/[\s\-/]/.test(lower[k - 1]!) && /[\p{L}\p{N}]/u.test(lower[k]!)) wordStarts.push(k);
        this.forms.push({ entry: e, text, lower, wordStarts, abbreviation: isAbbreviation(text) });
      }
    }
  }

  /** Completion items for a typed prefix (one or more words); empty prefix lists every preferred term. */
  complete(typed: string, replace: { start: { line: number; character: number }; end: { line: number; character: number } }): CompletionItem[] {
    const q = typed.toLowerCase().replace(/\s+/g, ' ');
    const byEntry = new Map<string, { form: Form; score: number }>();
    for (const f of this.forms) {
      let score = -1;
      if (!q) score = f.entry.status === 'preferred' ? 1 : -1;
      else if (f.lower.startsWith(q)) score = 3;
      else if (!q.includes(' ') && f.wordStarts.some((s) => s > 0 && f.lower.startsWith(q, s))) score = 2;
      if (score < 0) continue;
      if (f.abbreviation && q && !f.lower.startsWith(q)) continue;
      const prev = byEntry.get(f.entry.id);
      // Prefer matching the term itself over an alias at the same score.
      if (!prev || score > prev.score || (score === prev.score && f.text === f.entry.term && prev.form.text !== f.entry.term)) byEntry.set(f.entry.id, { form: f, score });
    }
    const items: CompletionItem[] = [];
    for (const { form, score } of byEntry.values()) {
      const e = form.entry;
      const replacement = e.status === 'deprecated' ? this.glossary.replacementOf(e.id) : undefined;
      const base = replacement ? replacement.term : e.term;
      let insert = typed && /\p{Lu}/u.test(typed[0] ?? '') && !isAbbreviation(base) ? matchCase(typed, base) : base;
      let label = e.term;
      if (form.abbreviation && !replacement) {
        insert = `${base} (${form.text})`;
        label = `${form.text} → ${e.term}`;
      }
      const item: CompletionItem = {
        label,
        kind: CompletionItemKind.Text,
        detail: replacement ? `ITIL v3/2011 term · ITIL 4: ${replacement.term}` : `${categoryLabel(e.category)} · ${e.vocabulary === 'itil4' ? 'ITIL 4' : e.vocabulary === 'itil3' ? 'ITIL v3/2011' : 'not ITIL'}`,
        filterText: typed || e.term,
        sortText: `${3 - score}${e.status === 'preferred' ? 0 : e.status === 'admitted' ? 1 : 2}${e.term.toLowerCase()}`,
        textEdit: { range: replace, newText: insert },
        insertTextFormat: InsertTextFormat.PlainText,
        data: { id: e.id } satisfies CompletionData,
      };
      if (e.status === 'deprecated') item.tags = [CompletionItemTag.Deprecated];
      items.push(item);
    }
    items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    return items.slice(0, 100);
  }

  /** Adds the documentation of an item. */
  resolve(item: CompletionItem, opts: RenderOptions): CompletionItem {
    const id = (item.data as CompletionData | undefined)?.id;
    const e = id ? this.glossary.get(id) : undefined;
    if (e) item.documentation = { kind: MarkupKind.Markdown, value: renderEntry(e, this.glossary, { ...opts, brief: true }) };
    return item;
  }
}

const TYPED = /(?:[\p{L}\p{N}][\p{L}\p{N}&'’\-]*[ \t]+){0,3}[\p{L}\p{N}][\p{L}\p{N}&'’\-]*$|$/u;

/** Completions at a document offset: nothing outside prose. */
export function computeCompletions(a: DocumentAnalysis, offset: number, source: string, index: CompletionIndex): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const bi = blockAt(a.model, offset);
  if (bi < 0) return empty;
  const block = a.model.blocks[bi]!;
  const ba = a.blocks[bi]!;
  const rel = offset - block.start;
  // The line so far, masked: code and URLs are spaces there, so they never complete.
  const lineStart = block.text.lastIndexOf('\n', rel - 1) + 1;
  const masked = block.text.slice(lineStart, rel);
  const original = source.slice(block.start + lineStart, offset);
  // Inside code, a URL or markup: the last non-blank character before the cursor was masked.
  const lastNonBlank = original.search(/\S\s*$/);
  if (lastNonBlank >= 0 && masked[lastNonBlank] !== original[lastNonBlank]) return empty;
  // Try the longest run of typed words first, then shorter ones.
  const tailFrom = Math.max(0, masked.length - 160);
  const m = TYPED.exec(masked.slice(tailFrom));
  const words: { text: string; at: number }[] = [];
  if (m && m[0]) for (let w, re = /\S+/g; (w = re.exec(m[0])); ) words.push({ text: w[0], at: tailFrom + m.index + w.index });
  for (let k = 0; k < Math.max(words.length, 1); k++) {
    const from = words.length ? words[k]!.at : masked.length;
    const typed = masked.slice(from).replace(/\s+/g, ' ');
    const range = { start: positionIn(block, ba, lineStart + from), end: positionIn(block, ba, rel) };
    const items = index.complete(typed, range);
    if (items.length || k >= words.length - 1) return { isIncomplete: true, items };
  }
  return empty;
}
