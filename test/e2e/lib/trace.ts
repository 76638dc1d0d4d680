/**
 * Reads the language client's verbose trace, which VS Code writes to the log of the "ITIL Terms" output
 * channel, and summarises the code-action requests in it (used when the extension-host quick-fix test
 * needed more than one ask, to show what the client sent and the server answered).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Files under `dir` whose name ends with `suffix`, at any depth. */
function filesEndingWith(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix)).map((f) => path.join(dir, f));
}

/**
 * One line per textDocument/codeAction request in the client's trace ("ITIL Terms" output channel
 * log): id, range, trigger kind, how many diagnostics it carried and how many had data; and one per
 * answer (how many actions, how long) or cancellation.
 */
export function codeActionTrace(userDataDir: string): string[] {
  const out: string[] = [];
  for (const file of filesEndingWith(path.join(userDataDir, 'logs'), 'ITIL Terms.log')) {
    const entries = fs.readFileSync(file, 'utf8').split(/\n(?=\[Trace - )/);
    const codeActionIds = new Set<string>();
    for (const e of entries) {
      // The client middleware's own line for each ask (client/src/extension.ts), whatever the client sent.
      for (const line of e.split('\n')) if (line.startsWith('[middleware ') && line.includes('] codeAction ')) out.push(line.replace(/^\[middleware ([^\]]+)\] /, '$1 ask: '));
      const head = /^\[Trace - ([^\]]+)\] (Sending request|Received response|Sending notification) '([^']+)'( in \d+ms)?/.exec(e);
      if (!head) continue;
      const [, time, what, method, took] = head;
      const body = e.slice(e.indexOf('\n') + 1).replace(/^(Params|Result): /, '');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const id = /- \((\d+)\)$/.exec(method!)?.[1];
      if (what === 'Sending request' && method!.startsWith('textDocument/codeAction') && id) {
        codeActionIds.add(id);
        const p = json as { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; context?: { diagnostics?: { data?: unknown }[]; triggerKind?: number; only?: string[] } } | undefined;
        const r = p?.range;
        const ds = p?.context?.diagnostics ?? [];
        out.push(`${time} request ${id}: ${r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : '?'}, trigger ${p?.context?.triggerKind ?? '?'}, only ${JSON.stringify(p?.context?.only ?? [])}, ${ds.length} diagnostic(s), ${ds.filter((d) => d.data !== undefined).length} with data`);
      } else if (what === 'Received response' && id && codeActionIds.has(id)) {
        out.push(`${time} answer ${id}: ${Array.isArray(json) ? `${json.length} action(s)` : String(json)}${took ?? ''}`);
      } else if (what === 'Sending notification' && method === '$/cancelRequest') {
        const cancelled = String((json as { id?: unknown } | undefined)?.id);
        if (codeActionIds.has(cancelled)) out.push(`${time} cancel ${cancelled}`);
      }
    }
  }
  return out.length ? out : [`no textDocument/codeAction request in an "ITIL Terms" log under ${userDataDir}/logs`];
}
