/**
 * Bad input for the suite's own setup: when code-server or Chromium cannot be installed or started,
 * the run fails at once with a message naming the step and the reason, never by a silent timeout.
 * These use the real steps with a registry that refuses connections, a browser that is not one, and a
 * command that hangs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startCodeServer } from './lib/codeServer';
import { launchChromium } from './lib/playwright';
import { runStep, StepError, waitUntil } from './lib/run';
import { CODE_SERVER_VERSION, ensureChromium, ensureDebianPackages, ensureTools, TOOLS_DIR, toolsInstalled } from './lib/setup';

describe('e2e setup: failures name the step and the reason', function () {
  this.timeout(90_000);
  const temp: string[] = [];
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'itil-e2e-bad-'));
    temp.push(d);
    return d;
  };
  after(() => {
    for (const d of temp) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A loopback port where nothing listens (bound, then closed). */
  async function deadPort(): Promise<number> {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    return port;
  }

  it('code-server that cannot be downloaded: the npm step is named, with npm\'s reason', async function () {
    this.timeout(5 * 60_000);
    await ensureDebianPackages(['ripgrep', 'libkrb5-dev']); // reached before the download; installed by the real run anyway
    const dir = tempDir();
    const registry = `http://127.0.0.1:${await deadPort()}/`;
    const started = Date.now();
    await assert.rejects(
      ensureTools({ dir, env: { npm_config_registry: registry, npm_config_fetch_retries: '0', npm_config_cache: path.join(dir, 'npm-cache'), npm_config_prefer_online: 'true' } }),
      (e: unknown) => {
        assert.ok(e instanceof StepError, `a StepError, got ${String(e)}`);
        assert.match(e.message, new RegExp(`^e2e step "npm install code-server@${CODE_SERVER_VERSION.replace(/\./g, '\\.')}[^"]*" failed: `));
        assert.match(e.message, /exited with \d+/);
        assert.match(e.message, /ECONNREFUSED|127\.0\.0\.1/, 'npm says why (the refused registry)');
        return true;
      },
    );
    assert.ok(Date.now() - started < 4 * 60_000, 'it failed fast, not at a time limit');
    assert.equal(toolsInstalled(dir), false, 'no version marker after a failed install');
    assert.ok(!fs.existsSync(path.join(dir, '.installed.json')));
    assert.notEqual(dir, TOOLS_DIR);
  });

  it('a browser that does not start: "launch Chromium" is named, with the reason', async function () {
    this.timeout(25 * 60_000); // installs the tools when this is the first test of a cold run
    const tools = (await ensureTools()).playwrightCore;
    const notABrowser = path.join(tempDir(), 'chromium');
    fs.writeFileSync(notABrowser, '#!/bin/sh\necho "chromium: cannot open display" >&2\nexit 1\n', { mode: 0o755 });
    await assert.rejects(launchChromium(tools, notABrowser, process.env, 20_000), (e: unknown) => {
      assert.ok(e instanceof StepError);
      assert.match(e.message, /^e2e step "launch Chromium" failed: /);
      assert.ok(e.message.includes(notABrowser), e.message);
      return true;
    });
  });

  it('a browser path that does not exist: "install Chromium" is named', async () => {
    const saved = process.env.ITIL_E2E_CHROMIUM;
    process.env.ITIL_E2E_CHROMIUM = path.join(tempDir(), 'no-such-chromium');
    try {
      await assert.rejects(ensureChromium(), (e: unknown) => {
        assert.ok(e instanceof StepError);
        assert.match(e.message, /^e2e step "install Chromium" failed: .*no-such-chromium does not exist/);
        return true;
      });
    } finally {
      if (saved === undefined) delete process.env.ITIL_E2E_CHROMIUM;
      else process.env.ITIL_E2E_CHROMIUM = saved;
    }
  });

  it('code-server that exits at start: "start code-server" is named at once, with its output', async () => {
    const dir = tempDir();
    const entry = path.join(dir, 'entry.js');
    fs.writeFileSync(entry, "console.error('error: listen EACCES: permission denied 127.0.0.1'); process.exit(3);\n");
    const started = Date.now();
    await assert.rejects(startCodeServer({ entry, runDir: path.join(dir, 'run'), extensionId: 'itil-terms.itil-terms', userSettings: {} }), (e: unknown) => {
      assert.ok(e instanceof StepError, String(e));
      assert.match(e.message, /^e2e step "start code-server" failed: it exited with 3/);
      assert.match(e.message, /EACCES/, 'with what code-server printed');
      return true;
    });
    assert.ok(Date.now() - started < 15_000, `failed at once, not at the 60 s readiness limit (${Date.now() - started} ms)`);
  });

  it('a step that hangs is killed at its limit and reported as such', async () => {
    await assert.rejects(runStep('a hanging install', process.execPath, ['-e', 'console.log("working"); setInterval(() => {}, 1000)'], { timeoutMs: 1500 }), (e: unknown) => {
      assert.ok(e instanceof StepError);
      assert.match(e.message, /^e2e step "a hanging install" failed: did not finish within 2 s and was killed/);
      assert.match(e.message, /working/, 'with the last output');
      return true;
    });
  });

  it('a condition that never holds fails with what it waited for', async () => {
    await assert.rejects(waitUntil('the moon to turn blue', 300, () => false), /^Error: timed out after 300 ms waiting for the moon to turn blue$/);
  });
});
