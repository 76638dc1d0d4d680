/**
 * Remarks a passing test wants seen (for example, that an answer needed a second ask). The suite's
 * entry writes them into the result file beside the outcomes; test/e2e prints them.
 */
export const notes: string[] = [];

export function note(text: string): void {
  notes.push(text);
  console.log(`note: ${text}`);
}
