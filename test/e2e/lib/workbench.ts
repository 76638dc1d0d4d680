/**
 * Drives the VS Code workbench that code-server serves, through the user interface only: keyboard,
 * mouse and what the page renders. Every wait is a condition with a bound and a message naming what
 * it waited for; every step can keep a screenshot.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTimeout, type Locator, type Page, type Rect } from './playwright';
import { waitUntil } from './run';

/** The functions `inpage.js` defines on `window.__itilE2E`. */
interface InPage {
  textRect(lineContains: string, phrase: string): Rect | null;
  squigglesOver(rect: Rect): string[];
  squigglesUnder(lineContains: string, phrase: string): string[] | null;
  editorText(): string[];
}
type PageGlobal = { __itilE2E: InPage };
/** The same functions called from the test: each returns a promise. */
export type InPageAsync = { [K in keyof InPage]: InPage[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<R> : never };

export const INPAGE_SCRIPT = path.join(__dirname, 'inpage.js');

/** How long a UI condition may take before the step fails (the machine has 2 cores). */
export const UI_TIMEOUT = 20_000;

export class Workbench {
  private step = 0;
  readonly consoleErrors: string[] = [];

  constructor(
    readonly page: Page,
    readonly shotsDir: string,
  ) {
    fs.mkdirSync(shotsDir, { recursive: true });
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.consoleErrors.push(`page error: ${e.message}`));
  }

  /** Saves a numbered screenshot of the page (optionally clipped); returns its path. */
  async shot(name: string, clip?: Rect): Promise<string> {
    this.step += 1;
    const file = path.join(this.shotsDir, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, ...(clip ? { clip } : {}), timeout: UI_TIMEOUT });
    return file;
  }

  /** Waits for a locator to reach a state; on timeout fails with "timed out … waiting for <what>". */
  async waitFor(what: string, locator: Locator, state: 'visible' | 'hidden' | 'attached' | 'detached' = 'visible', timeout = UI_TIMEOUT): Promise<Locator> {
    try {
      await locator.waitFor({ state, timeout });
      return locator;
    } catch (e) {
      if (isTimeout(e)) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      throw e;
    }
  }

  /** Polls an in-page condition. */
  async until<T>(what: string, probe: (inpage: InPageAsync) => T | undefined | false | Promise<T | undefined | false>, timeout = UI_TIMEOUT): Promise<T> {
    return waitUntil(what, timeout, () => probe(this.inpage()));
  }

  /** A proxy that runs InPage functions in the page. */
  inpage(): InPageAsync {
    const page = this.page;
    const call =
      <K extends keyof InPage>(name: K) =>
      (...args: Parameters<InPage[K]>) =>
        page.evaluate(([n, a]) => {
          const api = (globalThis as unknown as PageGlobal).__itilE2E;
          return (api[n] as (...x: unknown[]) => unknown)(...a);
        }, [name, args] as [K, unknown[]]) as Promise<ReturnType<InPage[K]>>;
    return {
      textRect: call('textRect'),
      squigglesOver: call('squigglesOver'),
      squigglesUnder: call('squigglesUnder'),
      editorText: call('editorText'),
    } as InPageAsync;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its text to render. */
  async openFile(name: string, firstLine: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = await this.waitFor('the Quick Open input', this.page.locator('.quick-input-widget .quick-input-box input'));
    await input.focus();
    await this.page.keyboard.type(name);
    await this.waitFor(`"${name}" in the Quick Open list`, this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first());
    await this.page.keyboard.press('Enter');
    await this.waitFor(`the editor tab of ${name}`, this.page.locator('.tabs-container .tab', { hasText: name }).first());
    await this.until(`the first line of ${name} ("${firstLine}") to render`, async (p) => (await p.editorText()).some((l) => l.includes(firstLine)));
  }

  /** Runs a command from the Command Palette (F1) by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = await this.waitFor('the Command Palette input', this.page.locator('.quick-input-widget .quick-input-box input'));
    await input.focus();
    await this.page.keyboard.type(title);
    await this.waitFor(`"${title}" in the Command Palette`, this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first());
    await this.page.keyboard.press('Enter');
  }

  /** Clicks at the middle of a phrase in the editor, placing the cursor there. */
  async clickText(lineContains: string, phrase: string, where: 'middle' | 'end' = 'middle'): Promise<Rect> {
    const rect = await this.until(`"${phrase}" to render in the editor`, (p) => p.textRect(lineContains, phrase).then((r) => r ?? undefined));
    const x = where === 'end' ? rect.x + rect.width - 1 : rect.x + rect.width / 2;
    await this.page.mouse.click(x, rect.y + rect.height / 2);
    return rect;
  }

  /** The rendered editor lines, in visual order. */
  editorText(): Promise<string[]> {
    return this.inpage().editorText();
  }

  /** The bounding rectangle of several elements (for README crops), padded and kept on the page. */
  async unionRect(locators: Locator[], pad = 12): Promise<Rect> {
    const boxes: Rect[] = [];
    for (const l of locators) {
      const b = await l.boundingBox({ timeout: UI_TIMEOUT });
      if (b) boxes.push(b);
    }
    if (!boxes.length) throw new Error('nothing to frame in the screenshot');
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
    const right = Math.max(...boxes.map((b) => b.x + b.width)) + pad;
    const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + pad;
    return { x, y, width: right - x, height: bottom - y };
  }
}
