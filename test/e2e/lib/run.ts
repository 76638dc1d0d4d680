/**
 * Small process and waiting helpers shared by the end-to-end suites: named setup steps that fail
 * with the step and the reason, bounded condition waits, free loopback ports, and killing only the
 * process groups this run started.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as net from 'node:net';

/** A setup or run step failed: the message names the step and says why. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    reason: string,
  ) {
    super(`e2e step "${step}" failed: ${reason}`);
    this.name = 'StepError';
  }
}

/** The last `lines` lines of a text, for error messages. */
export function tail(text: string, lines = 25): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command (its whole process group) after this many milliseconds. */
  timeoutMs: number;
  /** Echo output lines to stderr prefixed with the step, so a long install shows progress. */
  echo?: boolean;
  /** Text written to the command's stdin, which is then closed (stdin is never a terminal). */
  input?: string;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * Runs a command as a named step. Resolves with its output when it exits 0; otherwise rejects with a
 * StepError naming the step, the exit status (or the timeout) and the tail of its output.
 */
export async function runStep(step: string, command: string, args: readonly string[], opts: RunOptions): Promise<string> {
  let result: RunResult;
  try {
    result = await runCommand(command, args, opts);
  } catch (e) {
    throw new StepError(step, `could not start \`${command}\`: ${(e as Error).message}`);
  }
  if (result.code === 0) return result.output;
  const how = result.signal === 'SIGKILL' && result.code === null ? `did not finish within ${Math.round(opts.timeoutMs / 1000)} s and was killed` : `\`${[command, ...args].join(' ')}\` exited with ${result.code ?? result.signal}`;
  throw new StepError(step, `${how}\n--- last output ---\n${tail(result.output) || '(no output)'}`);
}

/** Runs a command in its own process group with a hard time limit; never rejects for a non-zero exit. */
export function runCommand(command: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const spawnOpts: SpawnOptions = { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true };
    const child = spawn(command, [...args], spawnOpts);
    let output = '';
    let timedOut = false;
    const onData = (b: Buffer) => {
      const s = b.toString();
      output += s;
      if (output.length > 2_000_000) output = output.slice(-1_000_000);
      if (opts.echo) for (const line of s.split('\n')) if (line.trim()) process.stderr.write(`    | ${line}\n`);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(opts.input ?? '');
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? null : code, signal: timedOut ? 'SIGKILL' : signal, output });
    });
  });
}

/** Sends a signal to the process group of a child this run started (spawned with `detached: true`). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      process.kill(child.pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Whether a child has exited. */
export function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Stops a child started with `detached: true`: SIGTERM to its group, then SIGKILL to the group if it
 * has not exited within `graceMs`. Only this group is touched.
 */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.pid === undefined) return;
  if (!exited(child)) {
    const done = new Promise<void>((r) => child.once('exit', () => r()));
    killGroup(child, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
  }
  // The group may hold helpers (file watchers, the language server) that outlive the leader.
  killGroup(child, 'SIGKILL');
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/**
 * Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs` with
 * "timed out after N ms waiting for <what>" (plus the last probe error, if any). A StepError thrown by
 * the probe (the awaited thing can no longer happen, e.g. the process exited) fails at once.
 */
export async function waitUntil<T>(what: string, timeoutMs: number, probe: () => T | undefined | false | Promise<T | undefined | false>, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
      lastError = undefined;
    } catch (e) {
      if (e instanceof StepError) throw e;
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
