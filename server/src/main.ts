#!/usr/bin/env node
/**
 * The process boundary of `itil-language-server`: creates the connection (`--stdio`, `--node-ipc` or
 * `--socket=N`, as vscode-languageserver reads them from the command line), routes logging to it,
 * catches what escapes, loads the glossary and starts the server.
 */
import './node/regexpTuning';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadGlossary } from './node/glossaryFile';
import { freezeYoungGeneration } from './node/heapTuning';
import { SERVER_INFO, startServer } from './server';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_INFO.name} ${SERVER_INFO.version}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h') || !args.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  process.stdout.write(
    `${SERVER_INFO.name} ${SERVER_INFO.version}: ITIL terminology language server\n\n` +
      'Usage: itil-language-server --stdio | --node-ipc | --socket=PORT\n\n' +
      'Speaks the Language Server Protocol: hover definitions, misuse diagnostics with quick fixes and\n' +
      'completion of ITIL terms in Markdown and plain text.\n',
  );
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${String(e)}`));

let glossary;
try {
  glossary = loadGlossary();
} catch (e) {
  process.stderr.write(`${SERVER_INFO.name}: ${(e as Error).message}\n`);
  process.exit(1);
}
freezeYoungGeneration();
startServer(connection, glossary);
