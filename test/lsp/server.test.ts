import { strict as assert } from 'node:assert';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentDiagnosticReport, Hover } from 'vscode-languageserver-protocol';
import { open, PUSH_ONLY, startClient, type TestClient } from './client';

const POLICY = [
  '# Change policy',
  '',
  'Normal changes are reviewed by the Change Advisory Board before deployment.',
  '',
  '```',
  'Change Advisory Board in a code block',
  '```',
  '',
  'Every SLA names its service level targets.',
].join('\n');

async function pull(c: TestClient, uri: string): Promise<Diagnostic[]> {
  const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  assert.equal(r.kind, 'full');
  return r.kind === 'full' ? r.items : [];
}

describe('LSP over stdio (VS Code-like client)', function () {
  let c: TestClient;
  before(async () => {
    c = await startClient();
  });
  after(async () => c.stop());

  it('initializes with the features it serves', () => {
    const caps = c.init.capabilities;
    assert.equal(c.init.serverInfo?.name, 'itil-language-server');
    assert.ok(caps.hoverProvider);
    assert.equal(caps.completionProvider?.resolveProvider, true);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.diagnosticProvider, 'pull diagnostics offered to a client that can pull');
  });

  it('diagnoses v3 wording in prose only, with code, link and fix data', async () => {
    await open(c, 'file:///policy.md', POLICY);
    const d = await pull(c, 'file:///policy.md');
    assert.equal(d.length, 1, JSON.stringify(d));
    const [cab] = d;
    assert.equal(cab!.source, 'itil');
    assert.equal(cab!.code, 'itil.v3.change-advisory-board');
    assert.deepEqual(cab!.range, { start: { line: 2, character: 35 }, end: { line: 2, character: 56 } });
    assert.match(cab!.codeDescription!.href, /README\.md#itilv3change-advisory-board$/);
    assert.equal((cab!.data as { fixes: { newText: string }[] }).fixes[0]!.newText, 'Change Authority');
  });

  it('offers the quick fix, fix-all and ignore as code actions', async () => {
    const d = await pull(c, 'file:///policy.md');
    const actions = (await c.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///policy.md' },
      range: d[0]!.range,
      context: { diagnostics: d },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Replace with 'Change Authority'"), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith("Ignore 'itil.v3.change-advisory-board'")));
    const fix = actions.find((a) => a.title === "Replace with 'Change Authority'")!;
    assert.deepEqual(fix.edit!.changes!['file:///policy.md'], [{ range: d[0]!.range, newText: 'Change Authority' }]);
  });

  it('hovers a term with its definition, and nothing inside code', async () => {
    const h = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///policy.md' }, position: { line: 8, character: 7 } })) as Hover;
    assert.match((h.contents as { value: string }).value, /\*\*service level agreement\*\*/);
    const none = await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///policy.md' }, position: { line: 5, character: 3 } });
    assert.equal(none, null);
  });

  it('completes a glossary term and resolves its documentation', async () => {
    await open(c, 'file:///complete.md', 'Raise a service req');
    const list = (await c.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///complete.md' }, position: { line: 0, character: 19 } })) as CompletionList;
    const item = list.items.find((i) => i.label === 'service request');
    assert.ok(item, list.items.map((i) => i.label).join(', '));
    const resolved = (await c.connection.sendRequest('completionItem/resolve', item)) as CompletionItem;
    assert.match((resolved.documentation as { value: string }).value, /service request/);
  });

  it('follows incremental edits', async () => {
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///policy.md', version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 35 }, end: { line: 2, character: 56 } }, text: 'change authority' }],
    });
    assert.deepEqual(await pull(c, 'file:///policy.md'), []);
  });

  it('applies settings pulled from the client and refreshes on change', async () => {
    await open(c, 'file:///settings.md', 'The CAB meets weekly.');
    assert.equal((await pull(c, 'file:///settings.md')).length, 1);
    c.settings = { severity: { version: 'off' } };
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await pull(c, 'file:///settings.md'), []);
    c.settings = { version: '3' };
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await pull(c, 'file:///settings.md'), []);
    c.settings = {};
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal((await pull(c, 'file:///settings.md')).length, 1);
  });

  it('answers empty for a document that is not open, and for positions past the end', async () => {
    assert.equal(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///never-opened.md' }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await pull(c, 'file:///never-opened.md'), []);
    const list = (await c.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///never-opened.md' }, position: { line: 0, character: 0 } })) as CompletionList;
    assert.deepEqual(list.items, []);
    assert.equal(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///policy.md' }, position: { line: 99, character: 0 } }), null);
  });

  it('counts positions in UTF-16 code units and handles CRLF', async () => {
    await open(c, 'file:///crlf.md', 'Intro 🚀 line\r\nThe 🚀 CAB met.\r\n');
    const d = await pull(c, 'file:///crlf.md');
    assert.deepEqual(d[0]!.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } });
  });

  it('works for plain text and untitled documents', async () => {
    await open(c, 'untitled:Untitled-1', 'The Change Advisory Board met.', 'plaintext');
    assert.equal((await pull(c, 'untitled:Untitled-1')).length, 1);
  });

  it('serves the glossary through typed custom requests', async () => {
    const items = (await c.connection.sendRequest('itil/glossary', {})) as { id: string; term: string; definition: string }[];
    assert.ok(items.length > 300);
    const sla = items.find((i) => i.id === 'service-level-agreement')!;
    assert.ok(sla.definition.length > 20);
    const entry = (await c.connection.sendRequest('itil/entry', { id: 'change-advisory-board' })) as { markdown: string; related: { id: string }[] };
    assert.match(entry.markdown, /change authority/);
    assert.ok(entry.related.some((r) => r.id === 'change-authority'));
    assert.equal(await c.connection.sendRequest('itil/entry', { id: 'no-such-term' }), null);
    const at = await c.connection.sendRequest('itil/termAt', { textDocument: { uri: 'file:///policy.md' }, position: { line: 8, character: 7 } });
    assert.deepEqual(at, { id: 'service-level-agreement' });
  });

  it('survives binary and invalid input without an error', async () => {
    await open(c, 'file:///binary.md', 'PK\u0003\u0004\u0000\u0000garbage\u0000'.repeat(100));
    const d = await pull(c, 'file:///binary.md');
    assert.deepEqual(d.map((x) => x.code), ['itil.input.binary']);
    await open(c, 'file:///bad-utf8.md', 'The CAB \ufffd\ufffd met.');
    assert.equal((await pull(c, 'file:///bad-utf8.md')).length, 1);
  });
});

describe('LSP over stdio (push-only client, like Neovim 0.7)', () => {
  let c: TestClient;
  before(async () => {
    c = await startClient(PUSH_ONLY);
  });
  after(async () => c.stop());

  it('does not offer pull diagnostics and pushes them instead', async () => {
    assert.equal(c.init.capabilities.diagnosticProvider, undefined);
    await open(c, 'file:///push.md', POLICY);
    const p = await c.waitForPush('file:///push.md', (x) => x.diagnostics.length === 1, 'one pushed diagnostic');
    assert.equal(p.diagnostics[0]!.code, 'itil.v3.change-advisory-board');
  });

  it('pushes again after an edit, for the newest version', async () => {
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///push.md', version: 2 },
      contentChanges: [{ text: 'Nothing to flag here.' }],
    });
    const p = await c.waitForPush('file:///push.md', (x) => x.diagnostics.length === 0, 'diagnostics cleared after the edit');
    assert.equal(p.version, 2);
  });
});
