/**
 * A small LSP client for the benchmark: spawns `node dist/server.js --stdio`, speaks JSON-RPC with
 * vscode-jsonrpc, announces a capability set like VS Code's (pull diagnostics, configuration, markdown
 * hovers, completion with resolve) or, for the push path, one like Neovim's (no pull), and keeps the
 * version of every open document so that edits are sent as incremental changes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/** Settings the client answers `workspace/configuration` with (the extension's defaults). */
export const SETTINGS = {
  version: '4',
  documentScope: 'auto',
  severity: { roles: 'warning', version: 'information', workItems: 'warning', outputOutcome: 'information', utilityWarranty: 'warning', agreements: 'warning' },
};

export interface Position {
  line: number;
  character: number;
}

/** What VS Code 1.9x announces, reduced to what this server reads or could read. */
function capabilities(pull: boolean): object {
  return {
    general: { positionEncodings: ['utf-16'] },
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceFolders: true,
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
      hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
      completion: {
        dynamicRegistration: true,
        contextSupport: true,
        completionItem: {
          snippetSupport: true,
          commitCharactersSupport: true,
          documentationFormat: ['markdown', 'plaintext'],
          deprecatedSupport: true,
          preselectSupport: true,
          insertReplaceSupport: true,
          labelDetailsSupport: true,
          tagSupport: { valueSet: [1] },
          resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
          insertTextModeSupport: { valueSet: [1, 2] },
        },
        insertTextMode: 2,
        completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
      },
      codeAction: {
        dynamicRegistration: true,
        isPreferredSupport: true,
        disabledSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
      },
      publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    },
    window: { workDoneProgress: true, showMessage: {}, showDocument: { support: true } },
  };
}

/** One running server and a connection to it. */
export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  /** Time (performance.now) the process was spawned. */
  readonly spawnedAt: number;
  private readonly versions = new Map<string, number>();
  private readonly pushed = new Map<string, ((d: { version?: number; diagnostics: unknown[] }) => void)[]>();
  /** Server log lines (window/logMessage), for the report when something fails. */
  readonly log: string[] = [];

  constructor(serverJs: string, readonly pull = true, execArgv: string[] = []) {
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [...execArgv, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d: Buffer) => this.log.push(d.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => SETTINGS));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onNotification('window/logMessage', (p: { message: string }) => this.log.push(p.message));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const waiting = this.pushed.get(p.uri);
      if (waiting?.length) waiting.shift()!(p);
    });
    this.conn.listen();
  }

  /** Sends initialize and initialized; resolves with the time initialize took from spawn. */
  async initialize(): Promise<number> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'itil-bench', version: '1' },
      rootUri: null,
      workspaceFolders: null,
      capabilities: capabilities(this.pull),
      initializationOptions: { commandLinks: true },
    });
    const t = performance.now() - this.spawnedAt;
    await this.conn.sendNotification('initialized', {});
    return t;
  }

  open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  close(uri: string): Promise<void> {
    this.versions.delete(uri);
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** One incremental change: replaces [start, end) with text. */
  change(uri: string, start: Position, end: Position, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text }] });
  }

  /** Pull diagnostics (what VS Code asks right after every change). */
  async diagnostics(uri: string): Promise<unknown[]> {
    const r = await this.conn.sendRequest<{ kind: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return r.items;
  }

  /** Resolves with the next published diagnostics for a uri (push path). */
  nextPush(uri: string): Promise<{ version?: number; diagnostics: unknown[] }> {
    return new Promise((resolve) => {
      const list = this.pushed.get(uri) ?? [];
      list.push(resolve);
      this.pushed.set(uri, list);
    });
  }

  hover(uri: string, position: Position): Promise<unknown> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<{ items: unknown[] } | null> {
    return this.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
  }

  /** Resident set size of the server process, in bytes (VmRSS), and its peak (VmHWM). */
  memory(): { rss: number; peak: number } {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.proc.exitCode !== null ? resolve() : this.proc.once('exit', () => resolve())));
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), sleep(2000)]);
      await this.conn.sendNotification('exit');
    } catch {
      // The process may already be gone.
    }
    await Promise.race([exited, sleep(2000)]);
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    this.conn.dispose();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
