/**
 * Reading VS Code's logs after a run: the newest session folder, its files, and the entries logged at
 * error level (a timestamped line with its continuation lines, e.g. a stack trace).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The newest log session folder of code-server's user data (`logs/<timestamp>`), if any. */
export function latestLogDir(userDataDir: string): string | undefined {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return undefined;
  const dirs = fs.readdirSync(logs).filter((d) => fs.statSync(path.join(logs, d)).isDirectory()).sort();
  return dirs.length ? path.join(logs, dirs[dirs.length - 1]!) : undefined;
}

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Log entries (a timestamped line and its continuation lines) at level error. */
export function errorEntries(logText: string): string[] {
  const entries: string[] = [];
  let current: string[] | undefined;
  for (const line of logText.split('\n')) {
    if (/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d/.test(line) || /^\[(Error|Warn|Info|Trace|Debug)\s+-/.test(line)) {
      if (current) entries.push(current.join('\n'));
      current = /\[error\]|^\[Error\s+-/i.test(line) ? [line] : undefined;
    } else if (current) current.push(line);
  }
  if (current) entries.push(current.join('\n'));
  return entries;
}
