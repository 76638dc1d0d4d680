/**
 * Glossary search (a quick pick of every entry, from the server's typed `itil/glossary` request) and
 * the read-only entry view (a webview showing the entry as rendered Markdown, with actions to insert
 * the term at the cursor and to open related entries).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EntryRequestMethod,
  GlossaryRequestMethod,
  TermAtRequestMethod,
  type EntryParams,
  type EntryResult,
  type GlossaryResult,
  type TermAtParams,
  type TermAtResult,
} from '../../server/src/protocol';

interface EntryPick extends vscode.QuickPickItem {
  id: string;
  term: string;
}

const INSERT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert at cursor' };

/** Owns the quick pick and the entry panel. */
export class GlossaryView {
  private panel: vscode.WebviewPanel | undefined;
  private current: { id: string; term: string } | undefined;
  /** The editor to insert into: the last text editor that had focus (the panel takes focus away). */
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {
    context.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e) this.lastEditor = e;
      }),
    );
  }

  /** ITIL: Search Glossary. */
  async search(): Promise<void> {
    const c = this.client();
    if (!c) return;
    const qp = vscode.window.createQuickPick<EntryPick>();
    qp.title = 'ITIL: Search Glossary';
    qp.placeholder = 'Type a term, an alias or words of a definition';
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.busy = true;
    qp.show();
    const items = await c.sendRequest<GlossaryResult>(GlossaryRequestMethod, {});
    qp.items = items.map((e) => ({
      id: e.id,
      term: e.term,
      label: e.term,
      description: [e.aliases.join(', '), e.category.replace(/-/g, ' '), e.status === 'deprecated' ? 'deprecated' : e.vocabulary === 'non-itil' ? 'not ITIL' : ''].filter(Boolean).join(' · '),
      detail: e.definition,
      buttons: [INSERT_BUTTON],
    }));
    qp.busy = false;
    qp.onDidTriggerItemButton(async (ev) => {
      qp.hide();
      await this.insert(ev.item.term);
    });
    qp.onDidAccept(async () => {
      const pick = qp.selectedItems[0];
      qp.hide();
      if (pick) await this.show(pick.id);
    });
    qp.onDidHide(() => qp.dispose());
  }

  /** ITIL: Look Up Term at Cursor. */
  async lookUpAtCursor(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const c = this.client();
    if (!editor || !c) return;
    const params: TermAtParams = { textDocument: { uri: editor.document.uri.toString() }, position: editor.selection.active };
    const hit = await c.sendRequest<TermAtResult>(TermAtRequestMethod, params);
    if (hit) await this.show(hit.id);
    else void vscode.window.showInformationMessage('No ITIL term at the cursor.');
  }

  /** Shows one entry in the read-only panel. */
  async show(id: string): Promise<void> {
    const c = this.client();
    if (!c) return;
    const entry = await c.sendRequest<EntryResult>(EntryRequestMethod, { id } satisfies EntryParams);
    if (!entry) return;
    // Command links cannot run inside a webview: turn them into in-page links the panel's script handles.
    const markdown = entry.markdown.replace(/\(command:itil\.showEntry\?([^ )]*)(?: "[^"]*")?\)/g, (_m, args: string) => {
      const id = (JSON.parse(decodeURIComponent(args)) as string[])[0] ?? '';
      return `(#entry-${id})`;
    });
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('itil.entry', 'ITIL Glossary', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { enableScripts: true, enableCommandUris: false });
      this.panel.onDidDispose(() => (this.panel = undefined), null, this.context.subscriptions);
      this.panel.webview.onDidReceiveMessage(async (m: { type: string; id?: string }) => {
        if (m.type === 'insert' && this.current) await this.insert(this.current.term);
        if (m.type === 'open' && m.id) await this.show(m.id);
      });
    }
    this.current = { id: entry.id, term: entry.term };
    this.panel.title = `ITIL: ${entry.term}`;
    this.panel.webview.html = page(entry, html ?? '', this.panel.webview.cspSource);
    this.panel.reveal(vscode.ViewColumn.Beside, false);
  }

  /** Inserts a term at the cursor of the last text editor. */
  private async insert(term: string): Promise<void> {
    const editor = this.lastEditor ?? vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage('Open a document to insert the term into.');
      return;
    }
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await editor.edit((b) => {
      for (const sel of editor.selections) b.replace(sel, term);
    });
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(entry: NonNullable<EntryResult>, body: string, csp: string): string {
  const nonce = Math.random().toString(36).slice(2);
  const related = entry.related.map((r) => `<button class="related" data-id="${escapeHtml(r.id)}">${escapeHtml(r.term)}</button>`).join(' ');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${csp} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:0 1em;line-height:1.5}
button{margin:.2em;color:var(--vscode-button-foreground);background:var(--vscode-button-background);border:none;padding:.3em .8em;cursor:pointer}
button.related{background:var(--vscode-button-secondaryBackground);color:var(--vscode-button-secondaryForeground)}</style></head>
<body><div class="actions"><button id="insert">Insert “${escapeHtml(entry.term)}” at cursor</button></div>
<article>${body}</article>
${related ? `<h4>Open a related entry</h4><div>${related}</div>` : ''}
<script nonce="${nonce}">const vscode = acquireVsCodeApi();
document.getElementById('insert').addEventListener('click', () => vscode.postMessage({ type: 'insert' }));
for (const b of document.querySelectorAll('button.related')) b.addEventListener('click', () => vscode.postMessage({ type: 'open', id: b.dataset.id }));
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[href^="#entry-"]');
  if (a) { e.preventDefault(); vscode.postMessage({ type: 'open', id: a.getAttribute('href').slice(7) }); }
});</script>
</body></html>`;
}
