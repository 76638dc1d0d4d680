/**
 * playwright-core is a test tool installed into `.vscode-test/e2e-tools`, not a dependency of the
 * extension, so it is loaded from there at run time. These are the few parts of its API the suite
 * uses, typed here so `tsc -p .` checks the suite without the package.
 */
import * as path from 'node:path';
import { StepError } from './run';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Locator {
  first(): Locator;
  nth(i: number): Locator;
  locator(selector: string, opts?: { hasText?: string | RegExp }): Locator;
  filter(opts: { hasText?: string | RegExp }): Locator;
  waitFor(opts?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  click(opts?: { timeout?: number; position?: { x: number; y: number } }): Promise<void>;
  hover(opts?: { timeout?: number }): Promise<void>;
  count(): Promise<number>;
  textContent(opts?: { timeout?: number }): Promise<string | null>;
  innerText(opts?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string, opts?: { timeout?: number }): Promise<string | null>;
  isVisible(): Promise<boolean>;
  boundingBox(opts?: { timeout?: number }): Promise<Rect | null>;
  focus(opts?: { timeout?: number }): Promise<void>;
}

export interface FrameLocator {
  frameLocator(selector: string): FrameLocator;
  locator(selector: string, opts?: { hasText?: string | RegExp }): Locator;
}

export interface Keyboard {
  press(key: string, opts?: { delay?: number }): Promise<void>;
  type(text: string, opts?: { delay?: number }): Promise<void>;
  insertText(text: string): Promise<void>;
}

export interface Mouse {
  move(x: number, y: number, opts?: { steps?: number }): Promise<void>;
  click(x: number, y: number, opts?: { clickCount?: number }): Promise<void>;
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
}

export interface Page {
  goto(url: string, opts?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' | 'commit' }): Promise<unknown>;
  locator(selector: string, opts?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
  keyboard: Keyboard;
  mouse: Mouse;
  screenshot(opts: { path?: string; clip?: Rect; fullPage?: boolean; timeout?: number }): Promise<Buffer>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  addInitScript(script: { path?: string; content?: string }): Promise<void>;
  on(event: 'console', cb: (m: ConsoleMessage) => void): void;
  on(event: 'pageerror', cb: (e: Error) => void): void;
  setDefaultTimeout(ms: number): void;
  close(): Promise<void>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface Browser {
  newContext(opts?: { viewport?: { width: number; height: number }; deviceScaleFactor?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
  version(): string;
}

export interface Chromium {
  launch(opts: { executablePath: string; headless?: boolean; args?: string[]; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<Browser>;
}

/** Loads playwright-core from the tools folder. */
export function loadChromium(playwrightCoreDir: string): Chromium {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.resolve(playwrightCoreDir)) as { chromium: Chromium };
  return mod.chromium;
}

/** Whether an error is Playwright's timeout. */
export function isTimeout(e: unknown): boolean {
  return e instanceof Error && e.name === 'TimeoutError';
}

/** Flags for Chromium on a closed network as root: no sandbox, no GPU, no background connections. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--no-default-browser-check'];

/** Launches headless Chromium; a failure is a StepError naming the browser and Playwright's reason. */
export async function launchChromium(playwrightCoreDir: string, executablePath: string, env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Browser> {
  try {
    return await loadChromium(playwrightCoreDir).launch({ executablePath, headless: true, timeout: timeoutMs, env, args: CHROMIUM_ARGS });
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n').slice(0, 12).join('\n') : String(e);
    throw new StepError('launch Chromium', `${executablePath} did not start: ${reason}`);
  }
}
