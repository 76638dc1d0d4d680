/**
 * A second real client: Debian's Neovim (0.7) started headless with its built-in LSP client on the
 * fixture's Markdown file, running `itil-language-server --stdio` (dist/server.js). Neovim 0.7 does not
 * pull diagnostics, so this proves the server pushes them; it also asks for a hover and sends settings
 * in workspace/didChangeConfiguration (Neovim 0.7 does not answer workspace/configuration).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOVER, FIXTURE_WORKSPACE, POLICY_FILE, ROLE, V3, V3_SECOND } from './lib/fixture';
import { runStep, StepError } from './lib/run';
import { ensureNeovim, SCREENSHOT_DIR, SERVER_JS, WORK_DIR } from './lib/setup';

const NVIM_DIR = path.join(__dirname, 'neovim');
/** vim.diagnostic.severity */
const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
  message: string;
  source?: string;
  code?: string;
}

interface NvimResult {
  nvim: string;
  filetype: string;
  clients: { name: string }[];
  diagnostics: NvimDiagnostic[];
  hover?: { kind?: string; value?: string } | string;
  hover_position?: { line: number; character: number };
  errors: string[];
}

describe('Neovim 0.7 (built-in LSP client) with itil-language-server --stdio', function () {
  this.timeout(60_000);
  let nvim: string;
  let runDir: string;
  let policy: string;
  let lines: string[];

  before(async function () {
    this.timeout(15 * 60_000); // may apt-get install neovim
    nvim = await ensureNeovim();
    if (!fs.existsSync(SERVER_JS)) throw new StepError('build the server', `${SERVER_JS} does not exist: run \`npm run build\` first`);
    runDir = path.join(WORK_DIR, 'neovim');
    fs.rmSync(runDir, { recursive: true, force: true });
    fs.cpSync(FIXTURE_WORKSPACE, path.join(runDir, 'workspace'), { recursive: true });
    policy = path.join(runDir, 'workspace', POLICY_FILE);
    lines = fs.readFileSync(policy, 'utf8').split('\n');
  });

  /** Runs headless Neovim with init.lua on the policy and check.lua; returns what check.lua wrote. */
  async function runNeovim(name: string, settings: Record<string, unknown> = {}): Promise<NvimResult> {
    const out = path.join(runDir, `${name}.json`);
    const xdg = path.join(runDir, 'xdg', name);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ITIL_SERVER: SERVER_JS,
      ITIL_SETTINGS: JSON.stringify(settings),
      ITIL_RESULT: out,
      ITIL_HOVER_LINE: HOVER.line,
      ITIL_HOVER_WORD: HOVER.phrase,
      XDG_CONFIG_HOME: path.join(xdg, 'config'),
      XDG_DATA_HOME: path.join(xdg, 'data'),
      XDG_STATE_HOME: path.join(xdg, 'state'),
      XDG_CACHE_HOME: path.join(xdg, 'cache'),
    };
    const args = ['--headless', '-n', '-i', 'NONE', '-u', path.join(NVIM_DIR, 'init.lua'), '-R', policy, '-c', `luafile ${path.join(NVIM_DIR, 'check.lua')}`];
    const output = await runStep(`run headless Neovim (${name})`, nvim, args, { cwd: path.join(runDir, 'workspace'), env, timeoutMs: 45_000 });
    if (!fs.existsSync(out)) throw new StepError(`run headless Neovim (${name})`, `check.lua wrote no result to ${out}; Neovim printed:\n${output || '(nothing)'}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    fs.mkdirSync(path.join(SCREENSHOT_DIR, 'neovim'), { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'neovim', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  }

  let defaults: Promise<NvimResult> | undefined;
  const withDefaults = () => (defaults ??= runNeovim('defaults'));

  /** Where a phrase of a fixture line is, 0-based. */
  function locate(line: string, phrase: string): { lnum: number; col: number } {
    const lnum = lines.findIndex((l) => l.includes(line));
    assert.ok(lnum >= 0, `the fixture has the line "${line}"`);
    return { lnum, col: lines[lnum]!.indexOf(line) + line.indexOf(phrase) };
  }

  it('attaches to the Markdown buffer and receives the pushed diagnostics with their severities', async () => {
    const r = await withDefaults();
    assert.match(r.nvim, /^0\.\d+\.\d+$/);
    assert.equal(r.filetype, 'markdown');
    assert.deepEqual(r.clients.map((c) => c.name), ['itil'], 'the itil client is attached to the buffer');
    assert.deepEqual(r.errors, [], 'check.lua errors');
    const v3 = r.diagnostics.find((d) => d.code === V3.code);
    assert.ok(v3, `a ${V3.code} diagnostic among ${JSON.stringify(r.diagnostics.map((d) => d.code))}`);
    const at = locate(V3.line, V3.phrase);
    assert.deepEqual(
      { lnum: v3.lnum, col: v3.col, end_col: v3.end_col, severity: v3.severity, message: v3.message, source: v3.source },
      { lnum: at.lnum, col: at.col, end_col: at.col + V3.phrase.length, severity: SEVERITY[V3.severity], message: V3.message, source: 'itil' },
    );
    const second = r.diagnostics.find((d) => d.code === V3_SECOND.code);
    assert.ok(second, `a ${V3_SECOND.code} diagnostic`);
    assert.equal(second.severity, SEVERITY[V3.severity]);
    const role = r.diagnostics.find((d) => d.code === ROLE.code);
    assert.ok(role, `a ${ROLE.code} diagnostic among ${JSON.stringify(r.diagnostics.map((d) => d.code))}`);
    assert.equal(role.severity, SEVERITY[ROLE.severity]);
    assert.equal(role.lnum, locate(ROLE.line, ROLE.phrase).lnum);
  });

  it(`hover on "${HOVER.phrase}" returns its glossary definition as Markdown`, async () => {
    const r = await withDefaults();
    assert.deepEqual(r.errors, [], 'check.lua errors');
    assert.ok(r.hover, 'a hover result');
    const value = typeof r.hover === 'string' ? r.hover : r.hover.value ?? '';
    if (typeof r.hover !== 'string') assert.equal(r.hover.kind, 'markdown');
    assert.match(value, new RegExp(`^\\*\\*${HOVER.heading}\\*\\*`), `hover starts with the bold term: ${value.slice(0, 80)}`);
    assert.ok(value.includes(HOVER.definition), `hover contains "${HOVER.definition}": ${value.slice(0, 200)}`);
  });

  it(`settings sent by the client (workspace/didChangeConfiguration) turn the ${V3_SECOND.family} family off`, async () => {
    const r = await runNeovim('version-off', { itil: { severity: { [V3_SECOND.family]: 'off' } } });
    assert.deepEqual(r.errors, [], 'check.lua errors');
    const codes = r.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes(V3.code) && !codes.includes(V3_SECOND.code), `no ${V3_SECOND.family} diagnostics: ${JSON.stringify(codes)}`);
    assert.ok(codes.includes(ROLE.code), `other families still report: ${JSON.stringify(codes)}`);
  });
});
