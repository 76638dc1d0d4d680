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
 * Each pattern is compiled once, straight to machine code, on its first run. V8's default runs a pattern's
 * first match in its bytecode interpreter and compiles it to machine code when it runs again, so a pattern
 * used more than once is compiled twice. The server kept the default at first, to spare compiling the
 * patterns a document runs only once; measured with today's rules (about 820 patterns, long ones cut into
 * 1,300 pieces: core/rules/split.ts) over the LSP on this machine, four interleaved fresh servers each, the
 * first lint of the 1 MB benchmark document took 418 ms with the default and 310 ms without it, the next
 * lints and resident memory the same within noise (109 and 108 MB).
 *
 * How: tier-up stays on, after zero interpreted runs (`--regexp-tier-up-ticks=0`). Turning tier-up off at
 * run time (`--no-regexp-tier-up`, which the command-line checker used to do) is unsafe: a pattern that ran
 * in the interpreter before the change (one of Node's, or a loader's such as tsx's) is afterwards executed
 * as machine code it never got, and the process dies with a segmentation fault (seen under tsx, in
 * `NativeRegExpMacroAssembler::Execute`). With zero ticks, such a pattern simply tiers up on its next run.
 */
v8.setFlagsFromString('--regexp-tier-up-ticks=0');
