/**
 * The VS Code client: starts the language server over IPC for Markdown and plain text (saved and
 * untitled), and registers the glossary commands. Everything about ITIL lives in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { GlossaryView } from './glossaryView';

let client: LanguageClient | undefined;

/** Activates the extension: starts the client and registers commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // No V8 flags: the server bounds its own young generation (server/src/node/heapTuning.ts), so every
    // launcher, this one or another editor's, gets the same memory.
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    initializationOptions: { commandLinks: true },
    markdown: { isTrusted: { enabledCommands: ['itil.showEntry'] }, supportHtml: false },
    diagnosticPullOptions: { onChange: true, onSave: true },
    // While the client stops (window closing, restart), requests still arriving are answered empty
    // instead of surfacing "Starting server failed" errors in the extension host.
    middleware: {
      provideCodeActions: async (document, range, context, token, next) => {
        const started = Date.now();
        const actions = await whileRunning([], () => next(document, range, context, token));
        // With the verbose trace on, each ask is logged as the client saw it, beside the requests the trace
        // shows: an ask answered without a request reaching the server shows up here and nowhere else.
        if (vscode.workspace.getConfiguration('itil').get('trace.server') === 'verbose') {
          const r = `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
          const answer = Array.isArray(actions) ? `${actions.length} action(s)` : String(actions);
          client?.outputChannel.appendLine(
            `[middleware ${new Date().toISOString()}] codeAction ${r} v${document.version} only ${context.only?.value ?? '-'} trigger ${context.triggerKind} ` +
              `${context.diagnostics.length} diagnostic(s): ${answer} in ${Date.now() - started} ms${token.isCancellationRequested ? ', token cancelled' : ''}${client?.isRunning() ? '' : ', client not running'}`,
          );
        }
        return actions;
      },
      provideHover: (document, position, token, next) => whileRunning(undefined, () => next(document, position, token)),
      provideCompletionItem: (document, position, context, token, next) => whileRunning(undefined, () => next(document, position, context, token)),
    },
  };
  client = new LanguageClient('itil', 'ITIL Terms', serverOptions, clientOptions);
  const view = new GlossaryView(context, () => client);
  context.subscriptions.push(
    vscode.commands.registerCommand('itil.searchGlossary', () => view.search()),
    vscode.commands.registerCommand('itil.lookUpTerm', () => view.lookUpAtCursor()),
    vscode.commands.registerCommand('itil.showEntry', (id: unknown) => (typeof id === 'string' ? view.show(id) : undefined)),
    vscode.commands.registerCommand('itil.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

/** Runs a request only while the client is running; answers `empty` if it stops meanwhile. */
async function whileRunning<T, E>(empty: E, request: () => vscode.ProviderResult<T>): Promise<T | E | null | undefined> {
  if (!client?.isRunning()) return empty;
  try {
    return await request();
  } catch (e) {
    if (!client?.isRunning()) return empty;
    throw e;
  }
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
