/**
 * Installs what the end-to-end suites need, idempotently and outside the extension's dependencies:
 * Debian packages through apt-get (as root), and code-server plus playwright-core into the ignored
 * folder `.vscode-test/e2e-tools`, guarded by a version marker so a warm run costs milliseconds.
 *
 * Every step that can fail throws a StepError naming the step and the reason (exit status and the
 * tail of the output, or the time limit it hit); nothing waits without a bound.
 *
 * Run directly (`npm run test:e2e:setup`) to install ahead of a test run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand, runStep, StepError } from './run';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const TOOLS_DIR = path.join(ROOT, '.vscode-test', 'e2e-tools');
export const WORK_DIR = path.join(ROOT, 'test', 'e2e', '.work');
export const SCREENSHOT_DIR = path.join(ROOT, 'test', 'e2e', 'screenshots');
/** The VSIX under test: the one `npm run package` writes, or ITIL_E2E_VSIX. */
export const VSIX = process.env.ITIL_E2E_VSIX ?? path.join(ROOT, 'dist', 'itil-terms.vsix');
export const SERVER_JS = path.join(ROOT, 'dist', 'server.js');

/** Pinned tool versions. code-server 4.100.3 (VS Code 1.100) is the last release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';
/** The ripgrep build that @vscode/ripgrep 1.15.11 (inside code-server 4.100.3) downloads; served from a local cache instead. */
const RIPGREP_PACKAGE = '1.15.11';
const RIPGREP_BUILD = 'v13.0.0-10';

/** Debian's Chromium, or the browser that ITIL_E2E_CHROMIUM names. */
export function chromiumPath(): string {
  return process.env.ITIL_E2E_CHROMIUM ?? '/usr/bin/chromium';
}

/** Debian packages: the browser, the second editor, and what code-server's native modules need to build. */
export const DEBIAN_PACKAGES = {
  chromium: 'chromium',
  neovim: 'neovim',
  ripgrep: 'ripgrep',
  kerberosHeaders: 'libkrb5-dev',
} as const;

const log = (s: string) => process.stderr.write(`  [e2e setup] ${s}\n`);

/** Packages of `names` that dpkg does not report as installed. */
async function missingDebianPackages(names: readonly string[]): Promise<string[]> {
  const r = await runCommand('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...names], { timeoutMs: 30_000 }).catch(() => undefined);
  if (!r) return [...names]; // no dpkg-query: let apt-get report why
  const installed = new Set(
    r.output
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((p) => p[1] === 'installed')
      .map((p) => p[0]),
  );
  return names.filter((n) => !installed.has(n));
}

let aptUpdated = false;

/**
 * Makes sure the Debian packages are installed: nothing to do when dpkg already has them; otherwise
 * `apt-get update` (once per process) and `apt-get install`, which needs root.
 */
export async function ensureDebianPackages(names: readonly string[]): Promise<void> {
  const missing = await missingDebianPackages(names);
  if (!missing.length) return;
  const step = `apt-get install ${missing.join(' ')}`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new StepError(step, `the packages ${missing.join(', ')} are missing and installing them needs root (this process runs as uid ${process.getuid()}); install them with sudo apt-get install -y ${missing.join(' ')}, or run the suite as root`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' };
  const lock = ['-o', 'DPkg::Lock::Timeout=120'];
  if (!aptUpdated) {
    log('apt-get update');
    await runStep('apt-get update', 'apt-get', ['update', '-q', ...lock], { env, timeoutMs: 5 * 60_000 });
    aptUpdated = true;
  }
  log(`${step} (as root)`);
  await runStep(step, 'apt-get', ['install', '-y', '-q', '--no-install-recommends', ...lock, ...missing], { env, timeoutMs: 15 * 60_000 });
  const still = await missingDebianPackages(missing);
  if (still.length) throw new StepError(step, `apt-get finished but dpkg does not list ${still.join(', ')} as installed`);
}

/** Checks a file the suite needs after installation; the message names the package that should provide it. */
export function requireFile(step: string, file: string, why: string): void {
  if (!fs.existsSync(file)) throw new StepError(step, `${file} does not exist: ${why}`);
}

/** Chromium from Debian, installed if needed. */
export async function ensureChromium(): Promise<string> {
  if (!process.env.ITIL_E2E_CHROMIUM) await ensureDebianPackages([DEBIAN_PACKAGES.chromium]);
  const chromium = chromiumPath();
  requireFile('install Chromium', chromium, process.env.ITIL_E2E_CHROMIUM ? 'ITIL_E2E_CHROMIUM points at a missing file' : 'the Debian package chromium should provide it');
  return chromium;
}

/** Neovim from Debian, installed if needed; returns the path of nvim. */
export async function ensureNeovim(): Promise<string> {
  await ensureDebianPackages([DEBIAN_PACKAGES.neovim]);
  requireFile('install Neovim', '/usr/bin/nvim', 'the Debian package neovim should provide it');
  return '/usr/bin/nvim';
}

export interface Tools {
  /** code-server's entry script, run with this Node. */
  codeServerEntry: string;
  /** The playwright-core module folder (no browser download: Debian's Chromium is used). */
  playwrightCore: string;
}

function toolPaths(dir: string): Tools {
  const nm = path.join(dir, 'node_modules');
  return { codeServerEntry: path.join(nm, 'code-server', 'out', 'node', 'entry.js'), playwrightCore: path.join(nm, 'playwright-core') };
}

/** What must exist after a complete install; a missing one names what did not build. */
function installedFiles(dir: string): [string, string][] {
  const nm = path.join(dir, 'node_modules');
  const vs = path.join(nm, 'code-server', 'lib', 'vscode', 'node_modules');
  return [
    [toolPaths(dir).codeServerEntry, 'code-server was not unpacked'],
    [path.join(nm, 'playwright-core', 'package.json'), 'playwright-core was not installed'],
    [path.join(vs, 'node-pty', 'build', 'Release', 'pty.node'), 'node-pty did not build (needs python3, make, g++ and npm_config_yes=true for its npx node-gyp)'],
    [path.join(vs, 'kerberos', 'build', 'Release', 'kerberos.node'), 'kerberos did not build (needs libkrb5-dev for gssapi/gssapi.h)'],
    [path.join(vs, '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'), '@vscode/spdlog did not build'],
    [path.join(vs, '@vscode', 'ripgrep', 'bin', 'rg'), '@vscode/ripgrep found no rg (it downloads from GitHub unless the cached archive is in place)'],
  ];
}

function markerContent(): string {
  return JSON.stringify({ codeServer: CODE_SERVER_VERSION, playwrightCore: PLAYWRIGHT_CORE_VERSION, node: process.versions.node.split('.')[0], platform: process.platform, arch: process.arch });
}

const markerFile = (dir: string) => path.join(dir, '.installed.json');

/** Whether the tools are installed at the pinned versions (the version marker and the key files). */
export function toolsInstalled(dir = TOOLS_DIR): boolean {
  try {
    return fs.readFileSync(markerFile(dir), 'utf8') === markerContent() && installedFiles(dir).every(([f]) => fs.existsSync(f));
  } catch {
    return false;
  }
}

/**
 * @vscode/ripgrep's postinstall downloads `rg` from GitHub, which is unreachable here; it first looks
 * for the archive in `<tmpdir>/vscode-ripgrep-cache-<version>/`, so put Debian's rg there.
 */
async function seedRipgrepCache(): Promise<void> {
  const step = 'seed the @vscode/ripgrep cache with Debian rg';
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : process.arch === 'x64' ? 'x86_64-unknown-linux-musl' : undefined;
  if (!target) throw new StepError(step, `no ripgrep build name known for ${process.arch}`);
  const rg = '/usr/bin/rg';
  requireFile(step, rg, 'the Debian package ripgrep should provide it');
  const cache = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE}`);
  const archive = path.join(cache, `ripgrep-${RIPGREP_BUILD}-${target}.tar.gz`);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'itil-e2e-rg-'));
  try {
    fs.mkdirSync(cache, { recursive: true });
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    await runStep(step, 'tar', ['czf', archive, '-C', staging, 'rg'], { timeoutMs: 60_000 });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The native modules of code-server's VS Code whose install scripts must run (npm 11 blocks unlisted ones). */
const VSCODE_NATIVE_MODULES = ['@parcel/watcher', '@vscode/deviceid', '@vscode/ripgrep', '@vscode/spdlog', '@vscode/windows-process-tree', '@vscode/windows-registry', 'kerberos', 'native-watchdog', 'node-pty'];

/**
 * Installs code-server and playwright-core into `.vscode-test/e2e-tools` unless the version marker
 * says they are there. Two phases, because npm 11 runs a dependency's install scripts only when the
 * project's `allowScripts` lists it, and code-server's postinstall runs a nested `npm install` in its
 * own `lib/vscode`: unpack without scripts, list the native modules in that nested package.json, then
 * rebuild code-server (its postinstall) and argon2.
 */
export async function ensureTools(opts: { dir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Tools> {
  const dir = opts.dir ?? TOOLS_DIR;
  if (toolsInstalled(dir)) return toolPaths(dir);
  const t0 = Date.now();
  await ensureDebianPackages([DEBIAN_PACKAGES.ripgrep, DEBIAN_PACKAGES.kerberosHeaders]);
  if (Number(process.versions.node.split('.')[0]) !== 20) {
    throw new StepError(`install code-server@${CODE_SERVER_VERSION}`, `code-server ${CODE_SERVER_VERSION} requires Node 20; this is Node ${process.versions.node}`);
  }
  await seedRipgrepCache();
  fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
  fs.rmSync(markerFile(dir), { force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'itil-terms-e2e-tools',
        private: true,
        description: 'Test tools for test/e2e, installed by test/e2e/lib/setup.ts. Not part of the extension.',
        dependencies: { 'code-server': CODE_SERVER_VERSION, 'playwright-core': PLAYWRIGHT_CORE_VERSION },
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    )}\n`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_yes: 'true', // node-pty's install runs `npx node-gyp`: never wait for a yes
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
    ...opts.env,
  };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  log(`installing code-server@${CODE_SERVER_VERSION} and playwright-core@${PLAYWRIGHT_CORE_VERSION} into ${dir.startsWith(ROOT) ? path.relative(ROOT, dir) : dir} (about 1.5 minutes on 2 cores)`);
  await runStep(`npm install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_CORE_VERSION} (unpack)`, npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env, timeoutMs: 10 * 60_000 });
  const vscodePkgFile = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json');
  requireFile(`npm install code-server@${CODE_SERVER_VERSION}`, vscodePkgFile, 'the code-server package has no lib/vscode');
  const vscodePkg = JSON.parse(fs.readFileSync(vscodePkgFile, 'utf8')) as Record<string, unknown>;
  vscodePkg.allowScripts = Object.fromEntries(VSCODE_NATIVE_MODULES.map((m) => [m, true]));
  fs.writeFileSync(vscodePkgFile, `${JSON.stringify(vscodePkg, null, 2)}\n`);
  const buildStep = `build code-server@${CODE_SERVER_VERSION} native modules (its postinstall)`;
  const output = await runStep(buildStep, npm, ['rebuild', '--foreground-scripts', 'code-server', 'argon2'], { cwd: dir, env, timeoutMs: 15 * 60_000 });
  for (const [file, why] of installedFiles(dir)) {
    if (!fs.existsSync(file)) throw new StepError(buildStep, `${path.relative(ROOT, file)} is missing: ${why}\n--- last output ---\n${output.trimEnd().split('\n').slice(-25).join('\n')}`);
  }
  fs.writeFileSync(markerFile(dir), markerContent());
  log(`tools installed in ${Math.round((Date.now() - t0) / 1000)} s`);
  return toolPaths(dir);
}

/** Everything the code-server suite needs. */
export async function ensureAll(): Promise<Tools & { chromium: string; nvim: string }> {
  await ensureDebianPackages(Object.values(DEBIAN_PACKAGES));
  const chromium = await ensureChromium();
  const nvim = await ensureNeovim();
  const tools = await ensureTools();
  return { ...tools, chromium, nvim };
}

if (require.main === module) {
  ensureAll().then(
    (t) => process.stdout.write(`e2e tools ready:\n  code-server ${t.codeServerEntry}\n  playwright-core ${t.playwrightCore}\n  chromium ${t.chromium}\n  nvim ${t.nvim}\n`),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
