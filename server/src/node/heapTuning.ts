/**
 * V8's young generation, kept at the size the server reaches on start-up. `main.ts` calls
 * `freezeYoungGeneration` once the glossary is loaded, before the first document arrives.
 *
 * V8 doubles the young generation (its two semi-spaces) whenever more bytes survive a scavenge than it
 * holds, up to 16 MB a semi-space on 64-bit machines. Linting a large document keeps much of what it
 * allocates (blocks, terms, findings), so the first large document grows the young generation to that
 * maximum: 32 MB that stay committed while the server idles. Loading the glossary has grown it to 4 MB
 * semi-spaces by then, and a growth factor of 1 keeps it there. Measured over the LSP on this kind of
 * machine (five interleaved runs of a fresh server opening the 1 MB document, `bench/`): resident memory
 * about 122 -> 103 MB, with the full lints of that document as fast as before within noise; freezing it
 * earlier, at its 1 MB starting size, saved 4 MB more but made a warm lint of that document about 10 %
 * slower (four times as many scavenges). The flag is read each time V8 considers growing the young
 * generation, so setting it at run time works, unlike `--max-semi-space-size`, which is fixed when the heap
 * is created. The command-line checker (`itil-lint`) runs once and exits, and keeps V8's default.
 */
import * as v8 from 'node:v8';

/** Stops V8 from growing the young generation beyond its present size. */
export function freezeYoungGeneration(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
