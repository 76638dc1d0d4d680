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
  let service = new LanguageService({ glossary });
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

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationPull = !!caps.workspace?.configuration;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    service = new LanguageService({ glossary, commandLinks: init.commandLinks === true });
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
      const doc = documents.get(uri);
      if (!doc) return;
      void runSafe('diagnostics', undefined, undefined, async () => {
        const settings = await settingsFor(uri);
        const current = documents.get(uri);
        if (!current || current.version !== doc.version) return; // a newer version will be judged instead
        await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.diagnostics(doc, settings) });
      });
    });
  };
  documents.onDidChangeContent((e) => schedulePush(e.document.uri));
  documents.onDidClose((e) => {
    service.forget(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) =>
    runSafe('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as const, token, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] } as const;
      const version = doc.version;
      const settings = await settingsFor(doc.uri);
      const current = documents.get(doc.uri);
      if (!current || current.version !== version) return { kind: DocumentDiagnosticReportKind.Full, items: [] } as const;
      return { kind: DocumentDiagnosticReportKind.Full, items: service.diagnostics(current, settings) } as const;
    }),
  );

  connection.onHover((params, token) =>
    runSafe('hover', null, token, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      return service.hover(doc, params.position, await settingsFor(doc.uri));
    }),
  );

  connection.onCompletion((params, token) =>
    runSafe('completion', { isIncomplete: false, items: [] }, token, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return { isIncomplete: false, items: [] };
      return service.completions(doc, params.position);
    }),
  );

  connection.onCompletionResolve((item, token) => runSafe('completion resolve', item, token, () => service.resolveCompletion(item)));

  connection.onCodeAction((params, token) =>
    runSafe('code action', [], token, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return service.codeActions(doc, params.range, params.context.diagnostics, await settingsFor(doc.uri));
    }),
  );

  connection.onRequest(GlossaryRequestMethod, (_params: unknown, token: CancellationToken) =>
    runSafe<GlossaryResult>('glossary', [], token, () => service.glossaryItems()),
  );
  connection.onRequest(EntryRequestMethod, (params: EntryParams, token: CancellationToken) =>
    runSafe<EntryResult>('entry', null, token, () => (params && typeof params.id === 'string' ? service.entry(params.id) : null)),
  );
  connection.onRequest(TermAtRequestMethod, (params: TermAtParams, token: CancellationToken) =>
    runSafe<TermAtResult>('termAt', null, token, async () => {
      const doc = documents.get(params?.textDocument?.uri);
      if (!doc) return null;
      const id = service.termAt(doc, params.position, await settingsFor(doc.uri));
      return id ? { id } : null;
    }),
  );

  documents.listen(connection);
  connection.listen();
}
