/**
 * `itil-lint`, the built command line (dist/cli.js), run as a process: its output format, JSON, exit codes
 * and errors.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function lint(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('itil-lint', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itil-lint-'));
    fs.writeFileSync(path.join(dir, 'bad.md'), '# Policy\n\nThe customer logs in to the portal every morning.\n\nThe Change Advisory Board meets weekly.\n');
    fs.writeFileSync(path.join(dir, 'info.md'), 'The Change Advisory Board meets weekly.\n');
    fs.writeFileSync(path.join(dir, 'good.txt'), 'The customer agrees the service level targets.\n');
    fs.writeFileSync(path.join(dir, 'skip.json'), '{"customer": "logs in"}');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints path:line:col severity code message and exits 1 on a warning', () => {
    const r = lint(path.join(dir, 'bad.md'));
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 2, r.out);
    assert.match(lines[0]!, /bad\.md:3:5 warning itil\.role\.customer-user 'logs in' describes day-to-day use/);
    assert.match(lines[1]!, /bad\.md:5:5 information itil\.v3\.change-advisory-board /);
  });

  it('exits 0 when only information is found, and with --exit-zero', () => {
    assert.equal(lint(path.join(dir, 'info.md')).code, 0);
    assert.equal(lint('--exit-zero', path.join(dir, 'bad.md')).code, 0);
  });

  it('walks directories for Markdown and text files only', () => {
    const r = lint('--format', 'json', dir);
    const findings = JSON.parse(r.out) as { path: string; line: number; column: number; severity: string; code: string; fixes: string[] }[];
    assert.deepEqual([...new Set(findings.map((f) => path.basename(f.path)))], ['bad.md', 'info.md']);
    const role = findings.find((f) => f.code === 'itil.role.customer-user')!;
    assert.deepEqual([role.line, role.column, role.severity, role.fixes[0]], [3, 5, 'warning', 'user']);
  });

  it('applies settings from flags', () => {
    assert.equal(lint('--severity', 'roles=off', '--format', 'json', path.join(dir, 'bad.md')).out.includes('customer-user'), false);
    assert.equal(lint('--itil-version', '3', path.join(dir, 'info.md')).out, '');
  });

  it('reports usage and missing files with exit 2', () => {
    assert.equal(lint().code, 2);
    assert.equal(lint('--format', 'xml', 'a.md').code, 2);
    const r = lint(path.join(dir, 'nope.md'));
    assert.equal(r.code, 2);
    assert.match(r.err, /nope\.md: no such file or directory/);
  });
});
