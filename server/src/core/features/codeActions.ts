/**
 * Quick fixes, built from the diagnostics' own data: one per alternative, "fix all of this kind in the
 * document", and "ignore in this document" (an inline directive at the top).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { ProseModel } from '../prose/proseModel';
import { SOURCE, type DiagnosticData } from './diagnostics';

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (d.source !== SOURCE || !data || typeof data.code !== 'string' || !Array.isArray(data.fixes)) return undefined;
  return data;
}

function compare(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Edits sorted by position with every overlapping edit dropped, so applying them cannot corrupt text. */
export function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => compare(a.range, b.range));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && !before(last.range.end, e.range.start)) continue;
    out.push(e);
  }
  return out;
}

/**
 * Code actions for the diagnostics in `context`. `all` is every current diagnostic of the document,
 * for "fix all"; `model` places the "ignore" directive after any front matter.
 */
export function computeCodeActions(uri: string, context: readonly Diagnostic[], all: readonly Diagnostic[], model: ProseModel | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const doneCodes = new Set<string>();
  for (const d of context) {
    const data = dataOf(d);
    if (!data) continue;
    data.fixes.forEach((fix, i) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: i === 0,
        edit: { changes: { [uri]: [{ range: fix.range, newText: fix.newText }] } },
      });
    });
    if (doneCodes.has(data.code)) continue;
    doneCodes.add(data.code);
    const same = all.filter((x) => dataOf(x)?.code === data.code && dataOf(x)!.fixes.length);
    if (same.length > 1) {
      const edits = nonOverlapping(same.map((x) => ({ range: dataOf(x)!.fixes[0]!.range, newText: dataOf(x)!.fixes[0]!.newText })));
      actions.push({
        title: `Fix all '${data.code}' in this document (${edits.length})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: same.slice(),
        edit: { changes: { [uri]: edits } },
      });
    }
    const line = model?.frontMatter !== undefined ? model.frontMatter.split(/\r\n|\r|\n/).length + 1 : 0;
    actions.push({
      title: `Ignore '${data.code}' in this document`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- itil-disable ${data.code} -->\n` }] } },
    });
  }
  return actions;
}
