/**
 * V8's regular-expression compiler, tuned for the rules' patterns. Imported first by the server and the
 * CLI, before any pattern runs.
 *
 * The misuse rules are a few hundred case-insensitive vocabulary patterns, some thousands of characters
 * long. V8 compiles each on its first run, and by default spends most of that compile on optimisations
 * (look-ahead tables for the alternatives) that pay off on long subjects; ours are sentences of a few
 * hundred characters. Measured in the same process on the corpus (bench/ and ARCHITECTURE.md): without
 * them, compiling every rule pattern takes about a quarter of the time, the first diagnostics of a 10 KB
 * document arrive in half the time, and a warm full lint of the 1 MB document is unchanged. The flag is
 * read each time a pattern is compiled, so setting it at start-up, before any of our patterns has run,
 * applies to all of them (Node warns that some flags misbehave when changed after start; this one only
 * selects how later compilations are done).
 */
import * as v8 from 'node:v8';

v8.setFlagsFromString('--no-regexp-optimization');

/**
 * For a process that lints once and exits (the CLI): V8 normally runs a pattern's first match in its
 * bytecode interpreter and compiles it to machine code only when it runs again, so a pattern used a few
 * times is compiled twice. A short run gains by compiling each pattern once, to machine code, on first
 * use: measured on this machine, `itil-lint` over the corpus and over the 1 MB document took 7-12 % less
 * time, in pairs of runs. The server keeps the default, where the interpreter spares compiling the many
 * patterns a document runs only once.
 */
export function tuneForOneShot(): void {
  v8.setFlagsFromString('--no-regexp-tier-up');
}

