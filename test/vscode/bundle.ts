/**
 * Bundles the extension-host tests (test/vscode/suite) into one CommonJS file, mocha included: mocha 12
 * is ESM, which the Node inside VS Code's extension host may not `require`. `vscode` stays external;
 * the extension host provides it. The bundle must live inside the extension's folder (out/vscode-test)
 * so that the extension host gives it the extension's own `vscode` API object.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const TESTS_BUNDLE = path.join(ROOT, 'out', 'vscode-test', 'index.js');

/** Writes out/vscode-test/index.js; returns its path. */
export async function bundleTests(): Promise<string> {
  fs.rmSync(path.dirname(TESTS_BUNDLE), { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['test/vscode/suite/index.ts'],
    outfile: TESTS_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return TESTS_BUNDLE;
}

/** Where runTest.ts (and the "Extension Tests" launch configuration) run the suite. */
export const RUN_DIR = path.join(ROOT, '.vscode-test', 'test-electron-run');
export const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'workspace');

/** A fresh copy of the fixture workspace for one run (the tests edit and save the policy); returns its path. */
export function prepareWorkspace(): string {
  const workspace = path.join(RUN_DIR, 'workspace');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  return workspace;
}

if (require.main === module) {
  bundleTests().then(
    (file) => process.stdout.write(`bundled ${path.relative(ROOT, file)}; workspace ${path.relative(ROOT, prepareWorkspace())}\n`),
    (e: unknown) => {
      process.stderr.write(`bundling the extension tests failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
