/**
 * The extension-host tests of `npm run test:vscode` (test/vscode/suite), run here inside code-server's
 * Node extension host, since desktop VS Code cannot be downloaded on these machines. The workbench
 * opens as an "Extension Development Host" through its `payload` URL parameter (extensionDevelopmentPath
 * = this repository, extensionTestsPath = the bundled tests), exactly as VS Code's own test runner
 * would launch it; the suite writes each outcome to a JSON file that this test reads.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleTests, ROOT } from '../vscode/bundle';
import { startCodeServer, type CodeServer } from './lib/codeServer';
import { FIXTURE_WORKSPACE } from './lib/fixture';
import { launchChromium, type Browser } from './lib/playwright';
import { StepError, waitUntil } from './lib/run';
import { codeActionTrace } from './lib/trace';
import { ensureAll, SCREENSHOT_DIR, WORK_DIR } from './lib/setup';

interface SuiteResult {
  failures: number;
  outcomes: { title: string; state: 'passed' | 'failed'; error?: string }[];
  notes?: string[];
}

describe('Extension-host tests (test/vscode, as for @vscode/test-electron) in code-server\'s extension host', function () {
  this.timeout(180_000);
  let cs: CodeServer | undefined;
  let browser: Browser | undefined;

  after(async function () {
    this.timeout(60_000);
    await browser?.close().catch(() => undefined);
    await cs?.stop();
  });

  it('runs test/vscode/suite against the extension under development, and every test passes', async function () {
    this.timeout(25 * 60_000); // includes a cold install when this suite runs alone
    const tools = await ensureAll();
    if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new StepError('build the extension', 'dist/extension.js is missing: run `npm run build` first');
    const bundle = await bundleTests();
    const runDir = path.join(WORK_DIR, 'extension-host');
    fs.rmSync(runDir, { recursive: true, force: true });
    const workspace = path.join(runDir, 'workspace');
    fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
    const resultFile = path.join(runDir, 'result.json');
    const userDataDir = path.join(runDir, 'user-data');
    // The client's verbose trace, summarised below when the quick-fix test needed more than one ask.
    cs = await startCodeServer({
      entry: tools.codeServerEntry,
      runDir,
      extensionId: 'itil-terms.itil-terms',
      env: { ITIL_TEST_WORKSPACE: workspace, ITIL_FIXTURE_WORKSPACE: FIXTURE_WORKSPACE, ITIL_TEST_USER_DATA: userDataDir, ITIL_TEST_RESULT: resultFile },
      userSettings: { 'itil.trace.server': 'verbose', 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'git.enabled': false, 'files.autoSave': 'off', 'update.mode': 'none' },
    });
    browser = await launchChromium(tools.playwrightCore, tools.chromium, { ...process.env, ...cs.xdgEnv });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const remote = `vscode-remote://127.0.0.1:${cs.port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `${remote}${ROOT}`],
      ['extensionTestsPath', `${remote}${bundle}`],
    ]);
    await page.goto(`${cs.url}?folder=${workspace}&payload=${encodeURIComponent(payload)}`, { timeout: 60_000 });
    const result = await waitUntil(`the extension-host suite to write ${resultFile}`, 150_000, () => (fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult) : undefined), 250);
    fs.mkdirSync(path.join(SCREENSHOT_DIR, 'extension-host'), { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'extension-host', 'after-suite.png') });
    for (const o of result.outcomes) process.stdout.write(`      | ${o.state === 'passed' ? 'passed' : 'FAILED'}: ${o.title}\n`);
    for (const n of result.notes ?? []) process.stdout.write(`      | note: ${n}\n`);
    const failed = result.outcomes.filter((o) => o.state === 'failed');
    // A retried or failed quick fix: what the client sent and the server answered (the workspace
    // settings turn the client's verbose trace on, which VS Code writes to the output channel's log).
    if (failed.length || (result.notes ?? []).some((n) => /\bask\b/.test(n))) {
      for (const line of codeActionTrace(userDataDir)) process.stdout.write(`      | trace: ${line}\n`);
    }
    assert.deepEqual(failed.map((o) => `${o.title}\n${o.error ?? ''}`), [], 'extension-host tests that failed');
    assert.equal(result.failures, 0);
    assert.ok(result.outcomes.length >= 7, `all extension-host tests ran (${result.outcomes.length})`);
  });
});
