/**
 * Stale work is never done: a request made for an older version of a document is answered empty (or
 * as cancelled), never computed against a newer text. Deterministic without timing: the server asks
 * the client for a document's settings the first time it needs them, and the test holds that answer
 * back until it has sent the edit (or the cancellation); the server reads its messages in order, so it
 * has applied the edit when it resumes the request.
 */
import { strict as assert } from 'node:assert';
import { CancellationTokenSource, type Diagnostic, type DocumentDiagnosticReport, type Hover } from 'vscode-languageserver-protocol';
import { open, startClient, type TestClient } from './client';

const V1 = 'The Change Advisory Board meets weekly.\n';
const V2_LINE = 'The Change Advisory Board approved it.\n';

interface Held {
  /** Resolves when the server has asked for the settings of the document. */
  asked: Promise<void>;
  /** Sends the held settings. */
  release(): void;
}

/** Holds back the next `workspace/configuration` answer until `release()`. */
function holdConfiguration(c: TestClient): Held {
  let asked!: () => void;
  let release!: () => void;
  const askedP = new Promise<void>((r) => (asked = r));
  const released = new Promise<void>((r) => (release = r));
  c.connection.onRequest('workspace/configuration', async (p: { items: unknown[] }) => {
    asked();
    await released;
    return p.items.map(() => c.settings);
  });
  return { asked: askedP, release };
}

/** Appends a line at the end of a one-line document (version 2). */
async function appendLine(c: TestClient, uri: string): Promise<void> {
  await c.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: V2_LINE }],
  });
}

async function pull(c: TestClient, uri: string): Promise<Diagnostic[]> {
  const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return r.kind === 'full' ? r.items : [];
}

describe('LSP: stale requests are answered empty, never computed against a newer version', function () {
  let c: TestClient;
  beforeEach(async () => {
    c = await startClient();
  });
  afterEach(async () => c.stop());

  it('diagnostics asked for version 1 and resumed after version 2 arrived: empty; asked again: version 2', async () => {
    const uri = 'file:///stale/diagnostics.md';
    await open(c, uri, V1);
    const held = holdConfiguration(c);
    const stale = c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<DocumentDiagnosticReport>;
    await held.asked;
    await appendLine(c, uri);
    held.release();
    const r = await stale;
    assert.equal(r.kind, 'full');
    assert.deepEqual(r.kind === 'full' ? r.items : undefined, []);
    // The fresh request is judged on version 2: both lines' v3 wording.
    const fresh = await pull(c, uri);
    assert.deepEqual(
      fresh.map((d) => [d.code, d.range.start.line]),
      [
        ['itil.v3.change-advisory-board', 0],
        ['itil.v3.change-advisory-board', 1],
      ],
    );
  });

  it('hover asked for version 1 and resumed after version 2 arrived: null, though the term is still there', async () => {
    const uri = 'file:///stale/hover.md';
    await open(c, uri, V1);
    const held = holdConfiguration(c);
    const position = { line: 0, character: 10 };
    const stale = c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>;
    await held.asked;
    await appendLine(c, uri);
    held.release();
    assert.equal(await stale, null);
    const fresh = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
    assert.match(JSON.stringify(fresh?.contents), /Change Advisory Board/i);
  });

  it('a request the client cancelled while it waited is answered empty', async () => {
    const uri = 'file:///stale/cancelled.md';
    await open(c, uri, V1);
    const held = holdConfiguration(c);
    const source = new CancellationTokenSource();
    const cancelled = c.connection
      .sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token)
      .then((r) => ({ r: r as DocumentDiagnosticReport }), (e: { code?: number }) => ({ code: e.code }));
    await held.asked;
    // The cancellation is queued on the stream before the held settings answer.
    source.cancel();
    held.release();
    const out = await cancelled;
    if ('code' in out) assert.equal(out.code, -32800, 'RequestCancelled');
    else assert.deepEqual(out.r.kind === 'full' ? out.r.items : undefined, []);
    assert.equal((await pull(c, uri)).length, 1);
  });
});
