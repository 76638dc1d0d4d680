/**
 * The code-server suite's assertions as extension-host tests (@vscode/test-electron): the same
 * fixture, the same expectations (test/e2e/lib/fixture.ts), checked through the VS Code API instead
 * of the rendered page. Runs inside VS Code, started by test/vscode/runTest.ts.
 *
 * The glossary quick pick is observed by wrapping `vscode.window.createQuickPick`: this bundle lives
 * inside the extension's folder, so the extension host gives it the same `vscode` API object as the
 * extension. Typing is `QuickPick.value`, accepting is the `workbench.action.acceptSelectedQuickOpenItem`
 * command, and the item's "Insert at cursor" button is the extension's own button listener (only the
 * code-server suite clicks the rendered button).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMPLETION, GLOSSARY, HOVER, originalPolicy, policyAfterQuickFix, policyWithLastLine, POLICY_FILE, ROLE, V3, V3_SECOND } from '../../e2e/lib/fixture';
import { errorEntries, filesUnder, latestLogDir } from '../../e2e/lib/logs';
import { note } from './notes';

const EXTENSION_ID = 'itil-terms.itil-terms';
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Polls a condition; fails with what it waited for after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const codeOf = (d: vscode.Diagnostic): string | number | undefined => (typeof d.code === 'object' ? d.code.value : d.code);
const labelOf = (i: vscode.CompletionItem | vscode.QuickPickItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
const markdownOf = (c: vscode.MarkdownString | vscode.MarkedString | string | undefined): string => (c === undefined ? '' : typeof c === 'string' ? c : 'value' in c ? c.value : '');

type Item = vscode.QuickPickItem & { term?: string };
interface CapturedPick {
  qp: vscode.QuickPick<Item>;
  buttonListeners: ((e: vscode.QuickPickItemButtonEvent<Item>) => unknown)[];
}

/** Records every quick pick the extension creates until `restore()`. */
function captureQuickPicks(): { picks: CapturedPick[]; restore(): void } {
  const win = vscode.window as unknown as { createQuickPick: () => vscode.QuickPick<Item> };
  const original = win.createQuickPick;
  const picks: CapturedPick[] = [];
  win.createQuickPick = function (this: unknown) {
    const qp = original.call(vscode.window);
    const captured: CapturedPick = { qp, buttonListeners: [] };
    const event = qp.onDidTriggerItemButton;
    const wrapped: vscode.Event<vscode.QuickPickItemButtonEvent<Item>> = (listener, thisArgs, disposables) => {
      captured.buttonListeners.push((e) => listener.call(thisArgs, e));
      return event(listener, thisArgs, disposables);
    };
    Object.defineProperty(qp, 'onDidTriggerItemButton', { value: wrapped, configurable: true });
    picks.push(captured);
    return qp;
  };
  return { picks, restore: () => (win.createQuickPick = original) };
}

describe('ITIL Terms in VS Code (extension host, @vscode/test-electron)', function () {
  this.timeout(60_000);
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  const diagnostics = () => vscode.languages.getDiagnostics(uri);
  const find = (code: string) => diagnostics().find((d) => codeOf(d) === code);
  const positionOf = (line: string, phrase: string, offset = 0): vscode.Position => {
    const text = doc.getText();
    const at = text.indexOf(line);
    assert.ok(at >= 0, `the document has "${line}"`);
    return doc.positionAt(at + line.indexOf(phrase) + offset);
  };
  const end = () => doc.lineAt(doc.lineCount - 1).range.end;
  const type = async (text: string) => {
    const at = editor.selection.active;
    assert.ok(await editor.edit((b) => b.insert(at, text)));
    const after = doc.positionAt(doc.offsetAt(at) + text.length);
    editor.selection = new vscode.Selection(after, after);
  };
  const lastLine = () => doc.lineAt(doc.lineCount - 1).text;

  before(async function () {
    const workspace = process.env.ITIL_TEST_WORKSPACE;
    assert.ok(workspace, 'ITIL_TEST_WORKSPACE is set by test/vscode/runTest.ts');
    uri = vscode.Uri.file(path.join(workspace, POLICY_FILE));
    doc = await vscode.workspace.openTextDocument(uri);
    editor = await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'markdown');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is the extension under development`);
    await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, 30_000);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('itil', uri).update(V3_SECOND.setting.replace(/^itil\./, ''), undefined, vscode.ConfigurationTarget.Workspace);
  });

  it(`reports ITIL v3 wording as ${V3.severity} and a role misuse as ${ROLE.severity}, from source itil`, async () => {
    const v3 = await waitFor(`a ${V3.code} diagnostic`, () => find(V3.code), 30_000);
    assert.equal(v3.severity, SEVERITY[V3.severity]);
    assert.equal(v3.message, V3.message);
    assert.equal(v3.source, 'itil');
    assert.equal(doc.getText(v3.range), V3.phrase);
    const second = await waitFor(`a ${V3_SECOND.code} diagnostic`, () => find(V3_SECOND.code));
    assert.equal(doc.getText(second.range), V3_SECOND.phrase);
    const role = await waitFor(`a ${ROLE.code} diagnostic`, () => find(ROLE.code));
    assert.equal(role.severity, SEVERITY[ROLE.severity]);
    assert.equal(role.range.start.line, positionOf(ROLE.line, ROLE.phrase).line);
    const hovered = positionOf(HOVER.line, HOVER.phrase);
    assert.ok(!diagnostics().some((d) => d.range.contains(hovered)), `no diagnostic on "${HOVER.phrase}", a term used correctly`);
  });

  it(`shows the definition when hovering "${HOVER.phrase}"`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(HOVER.line, HOVER.phrase, 2));
    const text = hovers.flatMap((h) => h.contents.map(markdownOf)).join('\n');
    assert.match(text, new RegExp(`^\\*\\*${HOVER.heading}\\*\\*`, 'm'));
    assert.ok(text.includes(HOVER.definition), text.slice(0, 300));
  });

  it(`applies the quick fix "${V3.fixTitle}" and the document text changes exactly`, async () => {
    const v3 = find(V3.code);
    assert.ok(v3);
    // The light bulb asks again as the cursor moves; so does this test, for a few seconds, and says
    // how many asks it took when more than one. A first empty answer shows up in full CI runs (after the
    // code-server suite), not when this suite runs alone; its cause is still open (see issue 7's note).
    // Each ask: when it was made (ms after the first), what was offered, how many diagnostics the
    // extension host held for the range, and whether they carried their data.
    const asked: string[] = [];
    const t0 = Date.now();
    const fix = await waitFor(`the quick fix "${V3.fixTitle}" for the diagnostic at ${v3.range.start.line}:${v3.range.start.character}`, async () => {
      const held = vscode.languages.getDiagnostics(uri).filter((d) => d.range.intersection(v3.range));
      const withData = held.filter((d) => (d as { data?: unknown }).data !== undefined).length;
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, v3.range, vscode.CodeActionKind.QuickFix.value);
      asked.push(`+${Date.now() - t0} ms: [${actions.map((a) => a.title).join(' | ')}] for ${held.length} diagnostic(s) in range, ${withData} with data`);
      return actions.find((a): a is vscode.CodeAction => a.title === V3.fixTitle && 'edit' in a && a.edit !== undefined);
    }, 15_000).catch((e: Error) => {
      throw new Error(`${e.message}; asked ${asked.length} times: ${asked.join('; ')}`);
    });
    if (asked.length > 1) note(`quick fix offered on ask ${asked.length}; the asks: ${asked.join('; ')}`);
    assert.ok(fix.edit);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), policyAfterQuickFix());
    assert.notEqual(doc.getText(), originalPolicy());
    assert.ok(await doc.save());
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), policyAfterQuickFix());
    await waitFor(`the ${V3.code} diagnostic to go`, () => !find(V3.code));
  });

  it(`offers "${COMPLETION.label}" with its documentation and inserts it`, async () => {
    editor.selection = new vscode.Selection(end(), end());
    await type(`${COMPLETION.prefix}${COMPLETION.typed}`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, editor.selection.active, undefined, 20);
    const item = list.items.find((i) => labelOf(i) === COMPLETION.label);
    assert.ok(item, `"${COMPLETION.label}" among ${list.items.slice(0, 10).map(labelOf).join(', ')}`);
    const documentation = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '';
    assert.ok(documentation.includes(COMPLETION.documentation), `documentation: ${documentation.slice(0, 200)}`);
    const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
    const text = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? labelOf(item);
    assert.ok(range, 'the item replaces the typed words');
    assert.ok(await editor.edit((b) => b.replace(range, text)));
    editor.selection = new vscode.Selection(end(), end());
    assert.equal(lastLine(), `${COMPLETION.prefix}${COMPLETION.label}`);
  });

  it('ITIL: Search Glossary lists the entries, filters by typing, inserts the chosen term, and opens an entry panel', async () => {
    await type(', ');
    const capture = captureQuickPicks();
    try {
      await vscode.commands.executeCommand('itil.searchGlossary');
      const pick = await waitFor('the extension to create the glossary quick pick (vscode.window.createQuickPick wrapped by the test)', () => capture.picks[0]);
      const qp = pick.qp;
      assert.equal(qp.title, 'ITIL: Search Glossary');
      await waitFor(`at least ${GLOSSARY.minimumEntries} entries`, () => !qp.busy && qp.items.length >= GLOSSARY.minimumEntries);
      assert.ok(qp.items.some((i) => i.label === GLOSSARY.term && (i.detail ?? '').startsWith(GLOSSARY.definition)), `"${GLOSSARY.term}" is listed with its definition`);
      assert.ok(qp.items.some((i) => (i.description ?? '').includes('·')), 'descriptions show aliases and category');
      qp.value = GLOSSARY.filter;
      const active = await waitFor(`"${GLOSSARY.term}" to be the first entry after typing "${GLOSSARY.filter}"`, () => (qp.activeItems[0] && labelOf(qp.activeItems[0]) === GLOSSARY.term ? qp.activeItems[0] : undefined));
      const button = active.buttons?.[0];
      assert.ok(button, 'the entry has an "Insert at cursor" button');
      assert.equal(button.tooltip, 'Insert at cursor');
      assert.ok(pick.buttonListeners.length > 0, 'the extension listens to the item buttons');
      await Promise.all(pick.buttonListeners.map((l) => l({ button, item: active })));
      await waitFor(`the last line to read "${COMPLETION.prefix}${COMPLETION.label}, ${GLOSSARY.term}"`, () => lastLine() === `${COMPLETION.prefix}${COMPLETION.label}, ${GLOSSARY.term}`);

      await vscode.commands.executeCommand('itil.searchGlossary');
      const second = await waitFor('a second glossary quick pick', () => capture.picks[1]);
      await waitFor('the entries', () => !second.qp.busy && second.qp.items.length >= GLOSSARY.minimumEntries);
      second.qp.value = GLOSSARY.panelTerm;
      await waitFor(`"${GLOSSARY.panelTerm}" to be the first entry`, () => second.qp.activeItems[0] && labelOf(second.qp.activeItems[0]) === GLOSSARY.panelTerm);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const title = `ITIL: ${GLOSSARY.panelTerm}`;
      const tab = await waitFor(`the entry panel "${title}"`, () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === title && t.input instanceof vscode.TabInputWebview));
      await vscode.window.tabGroups.close(tab);
    } finally {
      capture.restore();
    }
    editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(end(), end());
    await type('.');
    const finalLine = `${COMPLETION.prefix}${COMPLETION.label}, ${GLOSSARY.term}.`;
    assert.ok(await doc.save());
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), policyWithLastLine(finalLine));
  });

  it(`turning ${V3_SECOND.setting} to "off" removes its diagnostics and keeps other families`, async () => {
    assert.ok(find(V3_SECOND.code), `${V3_SECOND.code} is reported before the change`);
    await vscode.workspace.getConfiguration('itil', uri).update(V3_SECOND.setting.replace(/^itil\./, ''), 'off', vscode.ConfigurationTarget.Workspace);
    await waitFor(`the ${V3_SECOND.code} diagnostic to go`, () => !find(V3_SECOND.code));
    assert.ok(find(ROLE.code), `${ROLE.code} (another family) stays`);
  });

  it('the extension host log shows no error from the extension', function () {
    const userData = process.env.ITIL_TEST_USER_DATA;
    if (!userData) this.skip(); // the "Extension Tests" launch configuration runs in your own profile
    const dir = latestLogDir(userData);
    assert.ok(dir, `a log folder under ${userData}/logs`);
    const files = filesUnder(dir);
    const exthost = files.find((f) => /exthost\.log$/i.test(f));
    assert.ok(exthost, `an extension host log among ${files.map((f) => path.relative(dir, f)).join(', ')}`);
    const ours = errorEntries(fs.readFileSync(exthost, 'utf8')).filter((e) => /itil/i.test(e));
    for (const f of files.filter((x) => /itil/i.test(path.basename(x)))) ours.push(...errorEntries(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(ours, []);
  });
});
