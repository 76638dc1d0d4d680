/**
 * A minimal LSP client for tests: starts the built server (`dist/server.js --stdio`) as a child
 * process and speaks JSON-RPC to it over its stdin/stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

/** A running server and the connection to it. */
export interface TestClient {
  connection: ProtocolConnection;
  process: ChildProcess;
  init: InitializeResult;
  /** Diagnostics the server pushed, by URI (latest). */
  pushed: Map<string, PublishDiagnosticsParams>;
  /** Waits until `predicate` holds for pushed diagnostics, or fails after `ms` with `what`. */
  waitForPush(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean, what: string, ms?: number): Promise<PublishDiagnosticsParams>;
  /** Settings the server gets when it asks `workspace/configuration` for section `itil`. */
  settings: Record<string, unknown>;
  /** Lines the server logged through window/logMessage. */
  logs: string[];
  stop(): Promise<void>;
}

/** VS Code-like capabilities: pull diagnostics and pull configuration. */
export const VSCODE_LIKE: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'], tagSupport: { valueSet: [1] } } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    publishDiagnostics: { relatedInformation: false, versionSupport: true },
    synchronization: { didSave: true },
  },
};

/** Neovim 0.7-like capabilities: push diagnostics only, no configuration pull. */
export const PUSH_ONLY: ClientCapabilities = {
  textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { relatedInformation: true } },
};

/** Starts the server and initializes it. */
export async function startClient(capabilities: ClientCapabilities = VSCODE_LIKE, initializationOptions: unknown = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const pushed = new Map<string, PublishDiagnosticsParams>();
  const waiters: (() => void)[] = [];
  const logs: string[] = [];
  const client: Partial<TestClient> = { connection, process: child, pushed, settings: {}, logs };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    pushed.set(p.uri, p);
    for (const w of waiters.splice(0)) w();
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => client.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const init = (await Promise.race([
    connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions }),
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)))),
  ])) as InitializeResult;
  await connection.sendNotification('initialized', {});
  client.init = init;
  client.waitForPush = (uri, predicate, what, ms = 10_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      const check = () => {
        const p = pushed.get(uri);
        if (p && predicate(p)) {
          clearTimeout(timer);
          resolve(p);
        } else waiters.push(check);
      };
      check();
    });
  client.stop = async () => {
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    connection.dispose();
    if (child.exitCode === null) child.kill();
  };
  return client as TestClient;
}

/** Opens a document. */
export async function open(c: TestClient, uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
  await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}
