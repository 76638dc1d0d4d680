/**
 * The LSP shell: connection handlers around the language service. It owns documents, settings and
 * the choice between pull and push diagnostics; every handler looks up its document, answers the
 * empty value when it is missing, and never throws at the client.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Glossary } from './core/glossary/glossary';
import { LanguageService } from './core/languageService';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './core/settings';
import {
  EntryRequestMethod,
  GlossaryRequestMethod,
  TermAtRequestMethod,
  type EntryParams,
  type EntryResult,
  type GlossaryResult,
  type InitializationOptions,
  type TermAtParams,
  type TermAtResult,
} from './protocol';

/** Server name and version, reported at initialize. */
export const SERVER_INFO = { name: 'itil-language-server', version: '0.1.0' };

/** Wires a connection to a language service over the given glossary. */
export function startServer(connection: Connection, glossary: Glossary): void {
  const documents = new TextDocuments(TextDocument);
  // Built at initialize, with the client's options; a request before that (a protocol error) gets one with defaults.
  let built: LanguageService | undefined;
  const service = (): LanguageService => (built ??= new LanguageService({ glossary }));
  let pullDiagnostics = false;
  let configurationPull = false;
  const settingsCache = new Map<string, Promise<Settings>>();
  let globalSettings: Settings = DEFAULT_SETTINGS;

  /** Runs a handler; on any error logs it and answers `empty`. */
  const runSafe = async <T>(what: string, empty: T, token: CancellationToken | undefined, fn: () => T | Promise<T>): Promise<T> => {
    if (token?.isCancellationRequested) return empty;
    try {
      const result = await fn();
      return token?.isCancellationRequested ? empty : result;
    } catch (e) {
      connection.console.error(`${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return empty;
    }
  };

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!configurationPull) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'itil' })
        .then(readSettings, () => globalSettings);
      settingsCache.set(uri, s);
    }
    return s;
  };

  /**
   * The open document and its settings, for a request about `uri`; undefined when the document is not
   * open, or changed (or was reopened) while its settings were fetched: a request made for an older
   * version is answered empty, never computed against a newer text.
   */
  const documentFor = async (uri: string): Promise<{ doc: TextDocument; settings: Settings } | undefined> => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const version = doc.version;
    const settings = await settingsFor(uri);
    return documents.get(uri) === doc && doc.version === version ? { doc, settings } : undefined;
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationPull = !!caps.workspace?.configuration;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    built = new LanguageService({ glossary, commandLinks: init.commandLinks === true });
    return {
      serverInfo: SERVER_INFO,
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
    };
  });

  connection.onInitialized(() => {
    if (configurationPull) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'itil' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const itil = (change.settings as { itil?: unknown } | undefined)?.itil;
    if (!configurationPull && itil !== undefined) globalSettings = readSettings(itil);
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) schedulePush(d.uri);
  });

  // Push diagnostics for clients that cannot pull (Neovim): coalesced per document, always for the newest version.
  const pending = new Set<string>();
  const schedulePush = (uri: string) => {
    if (pullDiagnostics || pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => {
      pending.delete(uri);
      void runSafe('diagnostics', undefined, undefined, async () => {
        const at = await documentFor(uri);
        if (!at) return; // closed, or changed meanwhile: the newer version is judged instead
        await connection.sendDiagnostics({ uri, version: at.doc.version, diagnostics: service().diagnostics(at.doc, at.settings) });
      });
    });
  };
  documents.onDidChangeContent((e) => schedulePush(e.document.uri));
  documents.onDidClose((e) => {
    service().forget(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) =>
    runSafe('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as const, token, async () => {
      const at = await documentFor(params.textDocument.uri);
      if (!at || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] } as const;
      return { kind: DocumentDiagnosticReportKind.Full, items: service().diagnostics(at.doc, at.settings) } as const;
    }),
  );

  connection.onHover((params, token) =>
    runSafe('hover', null, token, async () => {
      const at = await documentFor(params.textDocument.uri);
      if (!at || token.isCancellationRequested) return null;
      return service().hover(at.doc, params.position, at.settings);
    }),
  );

  connection.onCompletion((params, token) =>
    runSafe('completion', { isIncomplete: false, items: [] }, token, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return { isIncomplete: false, items: [] };
      return service().completions(doc, params.position);
    }),
  );

  connection.onCompletionResolve((item, token) => runSafe('completion resolve', item, token, () => service().resolveCompletion(item)));

  connection.onCodeAction((params, token) =>
    runSafe('code action', [], token, async () => {
      const at = await documentFor(params.textDocument.uri);
      if (!at || token.isCancellationRequested) return [];
      return service().codeActions(at.doc, params.range, params.context.diagnostics, at.settings);
    }),
  );

  connection.onRequest(GlossaryRequestMethod, (_params: unknown, token: CancellationToken) =>
    runSafe<GlossaryResult>('glossary', [], token, () => service().glossaryItems()),
  );
  connection.onRequest(EntryRequestMethod, (params: EntryParams, token: CancellationToken) =>
    runSafe<EntryResult>('entry', null, token, () => (params && typeof params.id === 'string' ? service().entry(params.id) : null)),
  );
  connection.onRequest(TermAtRequestMethod, (params: TermAtParams, token: CancellationToken) =>
    runSafe<TermAtResult>('termAt', null, token, async () => {
      const at = await documentFor(params?.textDocument?.uri);
      if (!at || token.isCancellationRequested) return null;
      const id = service().termAt(at.doc, params.position, at.settings);
      return id ? { id } : null;
    }),
  );

  documents.listen(connection);
  connection.listen();
}
