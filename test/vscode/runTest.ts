/**
 * `npm run test:vscode`: the VS Code assertions of the code-server suite, as extension-host tests in
 * a desktop VS Code that @vscode/test-electron downloads. For machines where VS Code can be
 * downloaded (or where VSCODE_EXECUTABLE_PATH names an installed one); elsewhere it stops at once
 * with a message saying why and pointing at `npm run test:e2e`.
 *
 * Steps: check that VS Code is available, bundle the tests (with mocha) into out/vscode-test, copy the
 * fixture workspace, and run VS Code with the extension under development on that copy.
 *
 * Environment: VSCODE_TEST_VERSION (default 1.100.3, the VS Code inside code-server 4.100.3),
 * VSCODE_EXECUTABLE_PATH (skip the download). On Linux without a display, run it under `xvfb-run -a`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleTests, FIXTURE, prepareWorkspace, ROOT, RUN_DIR } from './bundle';

const VERSION = process.env.VSCODE_TEST_VERSION ?? '1.100.3';
const CACHE = path.join(ROOT, '.vscode-test');
const UPDATE_SERVER = 'https://update.code.visualstudio.com';

function fail(message: string): never {
  process.stderr.write(`\nnpm run test:vscode: ${message}\n\n`);
  process.exit(1);
}

/** A VS Code already downloaded into .vscode-test for this version, if any. */
function cachedInstall(): string | undefined {
  if (!fs.existsSync(CACHE)) return undefined;
  return fs.readdirSync(CACHE).find((d) => d.startsWith('vscode-') && d.endsWith(`-${VERSION}`));
}

/** Fails fast, with the reason, when VS Code can be neither found nor downloaded. */
async function checkVsCodeAvailable(): Promise<void> {
  const exe = process.env.VSCODE_EXECUTABLE_PATH;
  if (exe) {
    if (!fs.existsSync(exe)) fail(`VSCODE_EXECUTABLE_PATH is ${exe}, which does not exist.`);
    return;
  }
  if (cachedInstall()) return;
  const url = `${UPDATE_SERVER}/api/releases/stable`;
  let reason: string | undefined;
  try {
    const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(10_000) });
    if (!res.ok) reason = `${url} answered HTTP ${res.status}`;
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    reason = `${url} is unreachable (${err.cause?.code ?? err.cause?.message ?? err.message})`;
  }
  if (reason) {
    fail(
      `cannot download VS Code ${VERSION}: ${reason}.\n` +
        'This suite runs the extension in a desktop VS Code that @vscode/test-electron downloads, so it needs a\n' +
        'machine that can reach the VS Code update server, or VSCODE_EXECUTABLE_PATH set to an installed VS Code.\n' +
        'Here, run `npm run test:e2e`: the same assertions in a real VS Code workbench (code-server) in headless Chromium.',
    );
  }
}

async function main(): Promise<void> {
  await checkVsCodeAvailable();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) fail('dist/extension.js is missing: run `npm run build` first (npm run test:vscode does).');
  const extensionTestsPath = await bundleTests();
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  const workspace = prepareWorkspace();
  const userDataDir = path.join(RUN_DIR, 'user-data');
  const extensionsDir = path.join(RUN_DIR, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'git.enabled': false, 'files.autoSave': 'off', 'security.workspace.trust.enabled': false }, null, 2),
  );
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    process.stderr.write('npm run test:vscode: no DISPLAY; if VS Code cannot open a window, run it under `xvfb-run -a`.\n');
  }
  const code = await runTests({
    version: VERSION,
    cachePath: CACHE,
    timeout: 30_000,
    ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : {}),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    extensionTestsEnv: { ITIL_TEST_WORKSPACE: workspace, ITIL_FIXTURE_WORKSPACE: FIXTURE, ITIL_TEST_USER_DATA: userDataDir },
    launchArgs: [workspace, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
  });
  process.exit(code);
}

main().catch((e: unknown) => {
  const msg = e instanceof Error ? e.message : String(e);
  fail(/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo|socket hang up|timed? ?out/i.test(msg) ? `downloading VS Code ${VERSION} failed: ${msg}. Run \`npm run test:e2e\` on machines without access to the VS Code update server.` : `the test run failed: ${msg}`);
});
