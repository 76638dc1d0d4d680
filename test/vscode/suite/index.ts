/**
 * The entry @vscode/test-electron loads in the extension host (`--extensionTestsPath`): runs the
 * extension-host tests with mocha and rejects when any fails, which makes VS Code exit non-zero.
 * With ITIL_TEST_RESULT set (the code-server run of test/e2e), it also writes each test's outcome
 * there as JSON, since that extension host's console is only visible in the browser.
 */
import * as fs from 'node:fs';
import Mocha from 'mocha';
import { notes } from './notes';

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000, reporter: 'spec' });
  // The tests are bundled with this file, so they register through mocha's globals directly.
  mocha.suite.emit('pre-require', globalThis, 'test/vscode/suite/extension.vscode.ts', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./extension.vscode');
  const outcomes: Outcome[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.ITIL_TEST_RESULT;
      if (file) fs.writeFileSync(file, JSON.stringify({ failures, outcomes, notes }, null, 2));
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('fail', (t, err: Error) => outcomes.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) }));
  });
}
