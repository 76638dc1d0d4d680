/**
 * Bad input does not take the server down or away from other documents: after a document beyond the
 * analysis bound, one very long line and one term repeated throughout, a small document still gets its
 * diagnostics and hover. No timing here (the benchmark measures how long each takes).
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic, DocumentDiagnosticReport, Hover } from 'vscode-languageserver-protocol';
import { open, startClient, type TestClient } from './client';

async function pull(c: TestClient, uri: string): Promise<Diagnostic[]> {
  const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return r.kind === 'full' ? r.items : [];
}

const PARAGRAPH = 'The service desk logs every incident and the Change Advisory Board reviews each normal change.\n\n';

describe('LSP: bad input, then another document', function () {
  let c: TestClient;
  before(async () => {
    c = await startClient();
  });
  after(async () => c.stop());

  const small = 'file:///bad/small.md';

  async function smallStillServed(): Promise<void> {
    const d = await pull(c, small);
    assert.deepEqual(d.map((x) => x.code), ['itil.v3.change-advisory-board']);
    const h = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 6 } })) as Hover | null;
    assert.match(JSON.stringify(h?.contents), /service desk/i);
  }

  it('a document beyond the analysis bound is checked up to the bound, and says so', async () => {
    await open(c, small, 'A service desk answers; the Change Advisory Board meets.\n');
    const uri = 'file:///bad/huge.md';
    await open(c, uri, PARAGRAPH.repeat(Math.ceil(4_500_000 / PARAGRAPH.length)));
    const d = await pull(c, uri);
    assert.equal(d[0]?.code, 'itil.input.too-large');
    assert.ok(d.length > 1, 'the analysed part is still checked');
    await smallStillServed();
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('one very long line', async () => {
    const uri = 'file:///bad/line.md';
    await open(c, uri, PARAGRAPH.replace(/\n/g, ' ').repeat(3000));
    const d = await pull(c, uri);
    assert.ok(d.length >= 3000, `${d.length} findings`);
    await smallStillServed();
  });

  it('one term repeated throughout', async () => {
    const uri = 'file:///bad/repeated.md';
    await open(c, uri, 'Change Advisory Board '.repeat(2000));
    const d = await pull(c, uri);
    assert.equal(d.length, 2000);
    await smallStillServed();
  });
});
