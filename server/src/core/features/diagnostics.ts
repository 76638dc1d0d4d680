/**
 * Diagnostics: the findings of every block, placed in the document and filtered by settings, the
 * document's scope and inline directives. Each diagnostic carries its fixes in `data`, so code actions
 * need no server state.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { positionIn, type DocumentAnalysis } from '../analysis';
import type { Directive } from '../prose/proseModel';
import type { Family, Finding } from '../rules/types';
import type { Settings, SeverityName } from '../settings';

/** The `source` of every diagnostic. */
export const SOURCE = 'itil';

/** Where each rule is documented (its section in the README). */
export const RULES_DOC = 'https://github.com/itil-terms/itil-terms/blob/main/README.md';

/** The payload a diagnostic carries for its quick fixes. */
export interface DiagnosticData {
  code: string;
  family: Family;
  fixes: { title: string; range: Range; newText: string }[];
}

/** Anchor of a rule's README section: `itil.role.customer-user` -> `#itilrolecustomer-user`. */
export function ruleAnchor(code: string): string {
  return '#' + code.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

const LSP_SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** Whether the document is about service management, so that rules on colloquial words apply. */
export function isServiceManagementDocument(a: DocumentAnalysis, settings: Settings): boolean {
  const declared = [...a.model.directives].reverse().find((d) => d.kind === 'scope');
  if (declared) {
    const v = (declared.args[0] ?? '').toLowerCase();
    if (v === 'itsm' || v === 'itil' || v === 'on') return true;
    if (v === 'general' || v === 'off' || v === 'none') return false;
  }
  const fm = a.model.frontMatter;
  if (fm) {
    if (/^(?:itil|itsm)\s*:\s*(?:true|yes|on)\s*$/im.test(fm)) return true;
    if (/^(?:itil|itsm)\s*:\s*(?:false|no|off)\s*$/im.test(fm)) return false;
    if (/^(?:tags|keywords|categories)\s*:.*\b(?:itil|itsm)\b/im.test(fm) || /^\s*-\s*(?:itil|itsm)\s*$/im.test(fm)) return true;
  }
  if (settings.documentScope === 'itsm') return true;
  if (settings.documentScope === 'general') return false;
  return a.anchorTerms.size >= SCOPE_THRESHOLD;
}

/** Distinct non-colloquial ITIL terms that make a document count as service management. */
export const SCOPE_THRESHOLD = 3;

/** Builds the diagnostics of an analysed document. */
export function computeDiagnostics(a: DocumentAnalysis, settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (a.skipped) {
    out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: a.skipped.reason === 'binary' ? 'itil.input.binary' : 'itil.input.too-large',
      message:
        a.skipped.reason === 'binary'
          ? 'This file looks binary, so ITIL Terms did not check it.'
          : `This document is very large; ITIL Terms checked its first ${a.skipped.analyzedChars.toLocaleString('en')} characters only.`,
    });
  }
  const itsm = isServiceManagementDocument(a, settings);
  const directives = a.model.directives.filter((d) => d.kind !== 'scope');
  for (let i = 0; i < a.blocks.length; i++) {
    const ba = a.blocks[i]!;
    if (!ba.findings.length) continue;
    const block = a.model.blocks[i]!;
    for (const f of ba.findings) {
      const sev = settings.severity[f.family];
      if (sev === 'off') continue;
      if (f.gated && !itsm) continue;
      if (f.family === 'version' && settings.version !== '4') continue;
      const range = { start: positionIn(block, ba, f.start), end: positionIn(block, ba, f.end) };
      if (directives.length && suppressed(directives, range.start.line, f)) continue;
      const data: DiagnosticData = {
        code: f.code,
        family: f.family,
        fixes: f.fixes.map((x) => ({ title: x.title, range: { start: positionIn(block, ba, x.start), end: positionIn(block, ba, x.end) }, newText: x.newText })),
      };
      out.push({
        range,
        severity: LSP_SEVERITY[sev],
        source: SOURCE,
        code: f.code,
        codeDescription: { href: RULES_DOC + ruleAnchor(f.code) },
        message: f.message.replace(/\s*[\r\n]+\s*/g, ' '),
        data,
      });
    }
  }
  return out;
}

function argMatches(arg: string, f: Finding): boolean {
  const a = arg.toLowerCase();
  const code = f.code.toLowerCase();
  return a === code || 'itil.' + a === code || a === f.family.toLowerCase() || code.startsWith(a.endsWith('.') ? a : a + '.') || code.startsWith('itil.' + a + '.');
}

/** Whether inline directives turn a finding off, as markdownlint's and Vale's comments do. */
export function suppressed(directives: readonly Directive[], line: number, f: Finding): boolean {
  let all = false;
  const off = new Set<string>();
  const on = new Set<string>();
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      if (line === d.endLine + 1 && (!d.args.length || d.args.some((x) => argMatches(x, f)))) return true;
      continue;
    }
    if (d.kind === 'disable-line') {
      if (line >= d.line && line <= d.endLine && (!d.args.length || d.args.some((x) => argMatches(x, f)))) return true;
      continue;
    }
    if (d.line > line) continue;
    if (d.kind === 'disable') {
      if (!d.args.length) { all = true; on.clear(); }
      else for (const x of d.args) { off.add(x); on.delete(x); }
    } else if (d.kind === 'enable') {
      if (!d.args.length) { all = false; off.clear(); on.clear(); }
      else for (const x of d.args) { off.delete(x); on.add(x); }
    }
  }
  if (all) return ![...on].some((x) => argMatches(x, f));
  return [...off].some((x) => argMatches(x, f));
}
