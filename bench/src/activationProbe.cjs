/**
 * Approximates the extension's activation outside VS Code. Run as `node activationProbe.cjs EXT_DIR`
 * in a fresh process; prints one JSON line: the time to require EXT_DIR/dist/extension.js, and the time
 * from calling activate() until it resolves. activate() ends with `await client.start()`, which forks the
 * server over IPC and resolves once the server has answered `initialize` and the client has registered
 * its features. The `vscode` module is a stub: every API returns inert objects, so VS Code's own
 * extension-host work (loading, the real API's event plumbing) is not part of the figure.
 */
'use strict';
/* global require, process, performance, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node without a loader */
const Module = require('node:module');
const path = require('node:path');

const extDir = path.resolve(process.argv[2]);

/** An object on which every property is a no-op function returning another such object. */
function inert(name) {
  const fn = function () {
    return inert(name + '()');
  };
  return new Proxy(fn, {
    get(target, prop) {
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'length') return 0;
      if (prop === 'dispose') return () => undefined;
      if (prop === 'event' || prop.toString().startsWith('onDid') || prop.toString().startsWith('onWill')) return () => ({ dispose() {} });
      if (!(prop in target)) target[prop] = inert(`${name}.${String(prop)}`);
      return target[prop];
    },
    apply() {
      return inert(name + '()');
    },
    construct() {
      return inert('new ' + name);
    },
  });
}

class Disposable {
  constructor(fn) {
    this.fn = fn;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
  }
  dispose() {
    if (this.fn) this.fn();
  }
}
class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (l) => {
      this.listeners.add(l);
      return new Disposable(() => this.listeners.delete(l));
    };
  }
  fire(e) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}
class CancellationTokenSource {
  constructor() {
    this.token = { isCancellationRequested: false, onCancellationRequested: () => new Disposable() };
  }
  cancel() {
    this.token.isCancellationRequested = true;
  }
  dispose() {}
}
const Uri = {
  file: (p) => ({ scheme: 'file', fsPath: p, path: p, toString: () => 'file://' + p }),
  parse: (s) => ({ scheme: s.split(':')[0], fsPath: s, path: s, toString: () => s }),
};
const overrides = {
  version: '1.100.0',
  Disposable,
  EventEmitter,
  CancellationTokenSource,
  Uri,
  workspace: new Proxy(
    { workspaceFolders: undefined, textDocuments: [], notebookDocuments: [], getConfiguration: () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined }) },
    { get: (t, p) => (p in t ? t[p] : (t[p] = inert(`workspace.${String(p)}`))) },
  ),
  window: new Proxy(
    {
      visibleTextEditors: [],
      activeTextEditor: undefined,
      createOutputChannel: () => ({ append() {}, appendLine() {}, replace() {}, clear() {}, show() {}, hide() {}, dispose() {}, name: 'stub' }),
    },
    { get: (t, p) => (p in t ? t[p] : (t[p] = inert(`window.${String(p)}`))) },
  ),
};
// Every top-level name of the real API, so that bundlers' namespace copies see them.
const apiNames = require('node:fs')
  .readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8')
  .matchAll(/^\texport (?:class|namespace|enum|const|function|let) (\w+)/gm);
for (const [, name] of apiNames) if (!(name in overrides)) overrides[name] = inert(`vscode.${name}`);
const stub = new Proxy(overrides, { get: (t, p) => (p in t ? t[p] : (t[p] = inert(`vscode.${String(p)}`))) });

const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return stub;
  return originalLoad.call(this, request, parent, isMain);
};

// Watch the server process the client forks: when it starts and when its initialize result arrives.
const childProcess = require('node:child_process');
const seen = { forkAt: NaN, initializeResultAt: NaN };
const originalFork = childProcess.fork;
childProcess.fork = function (...args) {
  seen.forkAt = performance.now();
  const child = originalFork.apply(this, args);
  child.on('message', (m) => {
    if (m && m.id !== undefined && m.result && m.result.capabilities && Number.isNaN(seen.initializeResultAt)) seen.initializeResultAt = performance.now();
  });
  return child;
};

async function main() {
  const t0 = performance.now();
  const ext = require(path.join(extDir, 'dist', 'extension.js'));
  const t1 = performance.now();
  const context = {
    subscriptions: [],
    extensionPath: extDir,
    extensionUri: Uri.file(extDir),
    asAbsolutePath: (p) => path.join(extDir, p),
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    environmentVariableCollection: inert('environmentVariableCollection'),
    extensionMode: 1,
    logUri: Uri.file(path.join(extDir, 'log')),
    storageUri: undefined,
    globalStorageUri: Uri.file(path.join(extDir, 'storage')),
  };
  await ext.activate(context);
  const t2 = performance.now();
  if (Number.isNaN(seen.initializeResultAt)) throw new Error('activate() returned without an initialize result from the server');
  process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, forkMs: seen.forkAt - t1, initializeMs: seen.initializeResultAt - t1 }) + '\n');
  await Promise.race([ext.deactivate(), new Promise((r) => setTimeout(r, 3000))]);
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
