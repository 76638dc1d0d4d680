/**
 * Starts code-server for one test run: its own user data, extensions folder and XDG folders under
 * the run's work folder, the VSIX installed through code-server's own CLI, a free port on 127.0.0.1,
 * and readiness judged by its health endpoint. Stopping kills only the process group it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { exited, freePort, runStep, StepError, stopGroup, tail, waitUntil } from './run';

export interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  /** Folders and environment that keep code-server and Chromium out of the user's home. */
  xdgEnv: NodeJS.ProcessEnv;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  entry: string;
  /** A fresh folder for this run. */
  runDir: string;
  /** The VSIX to install, or none (the extension-host test run loads the extension from its folder). */
  vsix?: string;
  /** Extension id expected after installation, e.g. `itil-terms.itil-terms`. */
  extensionId: string;
  /** Extra environment for code-server and its extension host. */
  env?: NodeJS.ProcessEnv;
  /** User settings written before start. */
  userSettings: Record<string, unknown>;
}

/** GET a URL on loopback; resolves with the status code. */
function httpStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 2 s')));
    req.on('error', reject);
  });
}

/** Installs the VSIX and starts code-server; rejects with a StepError naming the step that failed. */
export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  const userDataDir = path.join(o.runDir, 'user-data');
  const extensionsDir = path.join(o.runDir, 'extensions');
  const xdg = path.join(o.runDir, 'xdg');
  for (const d of [userDataDir, extensionsDir, path.join(userDataDir, 'User'), path.join(xdg, 'config'), path.join(xdg, 'data'), path.join(xdg, 'cache')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(o.userSettings, null, 2)}\n`);
  const xdgDirs: NodeJS.ProcessEnv = { XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data'), XDG_CACHE_HOME: path.join(xdg, 'cache') };
  const installEnv: NodeJS.ProcessEnv = { ...process.env, ...xdgDirs, ...o.env };
  delete installEnv.VSCODE_IPC_HOOK_CLI; // never talk to an editor this process may run inside
  const configFile = path.join(o.runDir, 'code-server.yaml');
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  if (o.vsix) {
    const out = await runStep('install the VSIX into code-server', process.execPath, [o.entry, ...common, '--install-extension', o.vsix], { env: installEnv, timeoutMs: 120_000 });
    if (!/successfully installed/i.test(out)) throw new StepError('install the VSIX into code-server', `code-server did not report the installation:\n${tail(out)}`);
    const installed = fs.readdirSync(extensionsDir).filter((d) => d.toLowerCase().startsWith(`${o.extensionId.toLowerCase()}-`));
    if (!installed.length) throw new StepError('install the VSIX into code-server', `no ${o.extensionId}-* folder in ${extensionsDir}`);
  }

  // The extension host's IPC sockets and language servers' temp files: a short path of our own (a Unix
  // socket path has at most 107 bytes), removed when code-server stops.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'itil-e2e-'));
  const xdgEnv: NodeJS.ProcessEnv = { ...xdgDirs, XDG_RUNTIME_DIR: tmp, TMPDIR: tmp };
  const env: NodeJS.ProcessEnv = { ...installEnv, ...xdgEnv };
  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const logFile = path.join(o.runDir, `code-server-${port}.log`);
    const logFd = fs.openSync(logFile, 'w');
    const args = [o.entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', logFd, logFd], detached: true });
    fs.closeSync(logFd);
    let spawnError: Error | undefined;
    child.on('error', (e) => (spawnError = e));
    const stop = () => stopGroup(child);
    const killOnExit = () => {
      if (child.pid !== undefined && !exited(child)) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    };
    process.once('exit', killOnExit);
    try {
      await waitUntil(`code-server to answer http://127.0.0.1:${port}/healthz (log: ${logFile})`, 60_000, async () => {
        if (spawnError) throw new StepError('start code-server', spawnError.message);
        if (exited(child)) throw new StepError('start code-server', `it exited with ${child.exitCode ?? child.signalCode}:\n${tail(fs.readFileSync(logFile, 'utf8'))}`);
        return (await httpStatus(`http://127.0.0.1:${port}/healthz`).catch(() => 0)) === 200;
      });
    } catch (e) {
      await stop();
      process.removeListener('exit', killOnExit);
      lastError = e instanceof Error ? e.message : String(e);
      if (/EADDRINUSE/.test(lastError)) continue; // another process took the port between the probe and the bind
      fs.rmSync(tmp, { recursive: true, force: true });
      throw e instanceof StepError ? e : new StepError('start code-server', `${lastError}\n${tail(fs.readFileSync(logFile, 'utf8'))}`);
    }
    return {
      url: `http://127.0.0.1:${port}/`,
      port,
      userDataDir,
      extensionsDir,
      logFile,
      xdgEnv,
      child,
      stop: async () => {
        await stop();
        process.removeListener('exit', killOnExit);
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  throw new StepError('start code-server', `no free port after 3 attempts: ${lastError}`);
}
