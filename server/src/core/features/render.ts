/**
 * Renders a glossary entry as Markdown: the one rendering used by hover, completion documentation,
 * the glossary search view and the CLI.
 */
import type { Glossary } from '../glossary/glossary';
import type { TermEntry } from '../glossary/types';

/** How links to other entries are written. */
export interface RenderOptions {
  /** `command:` links that open an entry (VS Code); otherwise related terms are plain text. */
  commandLinks?: boolean;
  /** Short form for hovers: no example, no version notes. */
  brief?: boolean;
}

const CATEGORY_LABEL: Record<string, string> = {
  'work-item': 'work item',
  'value-chain-activity': 'value chain activity',
  'practice-general': 'general management practice',
  'practice-service': 'service management practice',
  'practice-technical': 'technical management practice',
  'lifecycle-stage': 'lifecycle stage',
};

/** Human label of a category. */
export function categoryLabel(c: string): string {
  return CATEGORY_LABEL[c] ?? c;
}

/** Human label of a status and vocabulary: "ITIL 4", "ITIL v3/2011, deprecated", "not ITIL". */
export function statusLabel(e: TermEntry): string {
  const vocab = e.vocabulary === 'itil4' ? 'ITIL 4' : e.vocabulary === 'itil3' ? 'ITIL v3/2011' : 'not ITIL';
  if (e.vocabulary === 'non-itil') return vocab;
  if (e.status === 'deprecated') return `${vocab}, deprecated`;
  if (e.status === 'admitted') return `${vocab}, admitted`;
  return vocab;
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_{}\[\]<>#|])/g, '\\$1');
}

/** A link (or plain name) for another entry. */
export function entryLink(e: TermEntry, opts: RenderOptions): string {
  if (!opts.commandLinks) return escapeMd(e.term);
  const args = encodeURIComponent(JSON.stringify([e.id]));
  return `[${escapeMd(e.term)}](command:itil.showEntry?${args} "Open the glossary entry")`;
}

/** The Markdown for an entry. */
export function renderEntry(e: TermEntry, glossary: Glossary, opts: RenderOptions = {}): string {
  const lines: string[] = [];
  lines.push(`**${escapeMd(e.term)}** · ${categoryLabel(e.category)} · ${statusLabel(e)}`);
  lines.push('');
  lines.push(escapeMd(e.definition));
  if (e.status === 'deprecated' && e.replacedBy?.length) {
    const repl = e.replacedBy.map((id) => glossary.get(id)).filter((x): x is TermEntry => !!x);
    lines.push('');
    const note = !opts.brief && e.replacementNote ? ` ${escapeMd(e.replacementNote)}` : '';
    lines.push(`**ITIL 4:** use ${repl.map((r) => entryLink(r, opts)).join(', ')}.${note}`);
  }
  const aliases = (e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text));
  if (aliases.length) {
    lines.push('');
    lines.push(`*Also:* ${aliases.map(escapeMd).join(', ')}`);
  }
  const related = (e.related ?? [])
    .map((id) => glossary.get(id))
    .filter((x): x is TermEntry => !!x)
    .slice(0, opts.brief ? 5 : undefined);
  if (related.length) {
    lines.push('');
    lines.push(`*Related:* ${related.map((r) => entryLink(r, opts)).join(' · ')}`);
  }
  if (!opts.brief && e.versionNotes) {
    lines.push('');
    lines.push(`*Versions:* ${escapeMd(e.versionNotes)}`);
  }
  if (!opts.brief && e.example) {
    lines.push('');
    lines.push(`*Example:* ${escapeMd(e.example)}`);
  }
  lines.push('');
  lines.push(`*Source:* ${escapeMd(e.source.publication)}${e.source.section ? `, ${escapeMd(e.source.section)}` : ''}`);
  return lines.join('\n');
}
