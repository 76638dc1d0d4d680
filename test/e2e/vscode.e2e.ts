/**
 * The packaged extension in a real VS Code: code-server (the VS Code workbench and its Node extension
 * host) with the VSIX installed, driven in headless Debian Chromium through playwright-core, only by
 * what a user does (keys, clicks, hovers) and sees (rendered text, squiggles, widgets).
 *
 * The tests run in order on one window and one document, like a user's session: diagnostics, hover,
 * quick fix, completion, glossary search, a settings change, then the logs, in use and after the
 * window closes. Each step saves a screenshot under test/e2e/screenshots/vscode/ (and the three README
 * pictures under test/e2e/screenshots/readme/). ITIL_E2E_VSIX tests another VSIX than dist/'s.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startCodeServer, type CodeServer } from './lib/codeServer';
import { errorEntries, filesUnder, latestLogDir } from './lib/logs';
import { COMPLETION, FINAL_LINE, FIXTURE_WORKSPACE, GLOSSARY, HOVER, originalPolicy, policyAfterAllEdits, policyAfterQuickFix, POLICY_FILE, POLICY_TITLE, ROLE, V3, V3_SECOND } from './lib/fixture';
import { launchChromium, type Browser, type BrowserContext, type Page } from './lib/playwright';
import { StepError, waitUntil } from './lib/run';
import { ensureAll, SCREENSHOT_DIR, VSIX, WORK_DIR } from './lib/setup';
import { INPAGE_SCRIPT, UI_TIMEOUT, Workbench } from './lib/workbench';

const EXTENSION_ID = 'itil-terms.itil-terms';
const SHOTS = path.join(SCREENSHOT_DIR, 'vscode');
const README_SHOTS = path.join(SCREENSHOT_DIR, 'readme');

/** Severity names as the Problems panel and the squiggle classes spell them. */
const ICON: Record<string, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const ARIA: Record<string, string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };

describe('VS Code (code-server 4.100.3 in headless Chromium): the packaged extension', function () {
  this.timeout(120_000);
  let cs: CodeServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let wb: Workbench;
  let workspace: string;
  let policyPath: string;

  before(async function () {
    this.timeout(25 * 60_000); // a cold install: apt-get, then code-server's native modules
    const tools = await ensureAll();
    if (!fs.existsSync(VSIX)) throw new StepError('package the VSIX', `${VSIX} does not exist: run \`npm run package\` first (npm run test:e2e does)`);

    const runDir = path.join(WORK_DIR, 'code-server');
    fs.rmSync(runDir, { recursive: true, force: true });
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(README_SHOTS, { recursive: true });
    workspace = path.join(runDir, 'workspace');
    fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
    policyPath = path.join(workspace, POLICY_FILE);

    cs = await startCodeServer({
      entry: tools.codeServerEntry,
      runDir,
      vsix: VSIX,
      extensionId: EXTENSION_ID,
      userSettings: {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'git.enabled': false,
        'git.openRepositoryInParentFolders': 'never',
        'editor.minimap.enabled': false,
        'files.autoSave': 'off',
        // One rendered line per document line, so a phrase is never split by wrapping.
        '[markdown]': { 'editor.wordWrap': 'off' },
      },
    });

    browser = await launchChromium(tools.playwrightCore, tools.chromium, { ...process.env, ...cs.xdgEnv });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.addInitScript({ path: INPAGE_SCRIPT });
    wb = new Workbench(page, SHOTS);
  });

  after(async function () {
    this.timeout(60_000);
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await cs?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      const name = `FAILED-${(this.currentTest.title || 'test').replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
      await wb.shot(name).catch(() => undefined);
    }
  });

  /** Waits for a squiggle of a severity under a phrase (or for none at all when `severity` is undefined). */
  async function squiggleUnder(line: string, phrase: string, severity: string | undefined, what: string): Promise<string[]> {
    return wb.until(what, async (p) => {
      const found = await p.squigglesUnder(line, phrase);
      if (!found) return undefined;
      if (severity === undefined) return found.length === 0 ? found : undefined;
      return found.includes(ICON[severity]!) ? found : undefined;
    }, 40_000);
  }

  /** Opens the Problems panel unless it is showing. */
  async function showProblems(): Promise<void> {
    if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
    await wb.waitFor('the Problems panel', page.locator('.markers-panel'));
  }

  /** Closes the panel area (Problems) so the editor has the height of the window. */
  async function hideProblems(): Promise<void> {
    if (await page.locator('.markers-panel').isVisible()) await page.keyboard.press('Control+J');
    await wb.waitFor('the Problems panel to close', page.locator('.markers-panel'), 'hidden');
  }

  /** The Problems row for a diagnostic code (its aria-label carries severity and message). */
  const problemRow = (code: string) => page.locator('.markers-panel .monaco-list-row', { hasText: code });

  /** Saves the document (Ctrl+S) and waits until the file on disk has `expected`; returns what it has. */
  async function saveAndRead(expected: string): Promise<string> {
    await page.keyboard.press('Control+S');
    try {
      return await waitUntil(`${POLICY_FILE} to be saved with the expected text`, UI_TIMEOUT, () => {
        const text = fs.readFileSync(policyPath, 'utf8');
        return text === expected ? text : undefined;
      });
    } catch (e) {
      assert.equal(fs.readFileSync(policyPath, 'utf8'), expected, (e as Error).message);
      throw e;
    }
  }

  it('opens the fixture workspace and the policy in the workbench, and the extension activates', async () => {
    await page.goto(`${cs!.url}?folder=${workspace}`, { timeout: 60_000 });
    await wb.waitFor('the workbench (.monaco-workbench)', page.locator('.monaco-workbench'), 'visible', 60_000);
    await wb.openFile(POLICY_FILE, POLICY_TITLE);
    await waitUntil(`the extension host log to record the activation of ${EXTENSION_ID}`, 30_000, () => {
      const dir = latestLogDir(cs!.userDataDir);
      const log = dir && filesUnder(dir).find((f) => /exthost\.log$/i.test(f));
      return !!log && fs.readFileSync(log, 'utf8').includes(`_doActivateExtension ${EXTENSION_ID}`);
    });
    await wb.shot('workspace-open');
  });

  it(`underlines ITIL v3 wording with the ${V3.severity} severity and lists it in the Problems panel`, async () => {
    await squiggleUnder(V3.line, V3.phrase, V3.severity, `an ${V3.severity} squiggle under "${V3.phrase}"`);
    await squiggleUnder(V3_SECOND.line, V3_SECOND.phrase, V3.severity, `an ${V3.severity} squiggle under "${V3_SECOND.phrase}"`);
    assert.deepEqual(await wb.inpage().squigglesUnder(HOVER.line, HOVER.phrase), [], `no squiggle under "${HOVER.phrase}", a term used correctly`);
    await showProblems();
    const row = await wb.waitFor(`the Problems panel row of ${V3.code}`, problemRow(V3.code).first());
    const label = (await row.getAttribute('aria-label')) ?? '';
    assert.ok(label.startsWith(`${ARIA[V3.severity]}: ${V3.message}`), `Problems row reads "${label}"`);
    assert.match(label, /generated by itil/);
    assert.equal(await row.locator(`.marker-icon.${ICON[V3.severity]}`).count(), 1, `the row shows the ${V3.severity} icon`);
    await wb.shot('diagnostics-problems-panel');
  });

  it(`underlines a role misuse ("${ROLE.phrase}" logs in) with the ${ROLE.severity} severity and lists it in the Problems panel`, async () => {
    await squiggleUnder(ROLE.line, ROLE.phrase, ROLE.severity, `a ${ROLE.severity} squiggle under "${ROLE.phrase}" in "${ROLE.line}"`);
    await showProblems();
    const row = await wb.waitFor(`the Problems panel row of ${ROLE.code}`, problemRow(ROLE.code).first());
    const label = (await row.getAttribute('aria-label')) ?? '';
    assert.ok(label.startsWith(`${ARIA[ROLE.severity]}: `), `Problems row reads "${label}"`);
    assert.equal(await row.locator(`.marker-icon.${ICON[ROLE.severity]}`).count(), 1, `the row shows the ${ROLE.severity} icon`);
    await wb.shot('role-misuse-warning');
    await hideProblems();
  });

  it(`shows the definition when hovering "${HOVER.phrase}"`, async () => {
    await page.keyboard.press('Escape');
    const rect = await wb.until(`"${HOVER.phrase}" to render`, (p) => p.textRect(HOVER.line, HOVER.phrase).then((r) => r ?? undefined));
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: HOVER.definition }).first();
    await wb.waitFor(`a hover with "${HOVER.definition}"`, hover);
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, new RegExp(`^${HOVER.heading}\\b`, 'i'), `the hover starts with the term: "${text.slice(0, 120)}"`);
    await wb.shot('hover');
    const editorBox = await wb.unionRect([page.locator('.part.editor'), page.locator('.monaco-hover:not(.hidden)').first()], 0);
    await wb.page.screenshot({ path: path.join(README_SHOTS, 'hover.png'), clip: { ...editorBox, height: Math.min(editorBox.height, 560) } });
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
  });

  it(`applies the quick fix "${V3.fixTitle}" and the document text changes exactly`, async () => {
    await wb.clickText(V3.line, V3.phrase);
    await page.keyboard.press('Control+.');
    const fix = page.locator(`.action-widget .monaco-list-row.action[aria-label="${V3.fixTitle}"]`);
    await wb.waitFor(`the quick fix "${V3.fixTitle}" in the Quick Fix menu`, fix);
    const titles = await page.locator('.action-widget .monaco-list-row.action .title').allInnerTexts();
    assert.ok(titles.includes(V3.fixTitle), `quick fixes offered: ${titles.join(' | ')}`);
    await wb.shot('quick-fix-menu');
    const crop = await wb.unionRect([page.locator('.part.editor'), page.locator('.action-widget')], 0);
    await page.screenshot({ path: path.join(README_SHOTS, 'quick-fix.png'), clip: { ...crop, height: Math.min(crop.height, 420) } });
    // The menu opens with the preferred fix focused; Enter applies it, as a user would.
    await wb.waitFor(`"${V3.fixTitle}" to be the focused (preferred) fix`, page.locator(`.action-widget .monaco-list-row.action.focused[aria-label="${V3.fixTitle}"]`));
    await page.keyboard.press('Enter');
    await wb.waitFor('the Quick Fix menu to close', page.locator('.action-widget'), 'hidden');
    const fixedLine = V3.line.replace(V3.phrase, V3.replacement);
    await wb.until(`the editor to show "${fixedLine}"`, async (p) => (await p.editorText()).some((l) => l.includes(fixedLine)));
    await squiggleUnder(fixedLine, V3.replacement, undefined, `the squiggle under "${V3.replacement}" to go`);
    const saved = await saveAndRead(policyAfterQuickFix());
    assert.equal(saved, policyAfterQuickFix());
    assert.notEqual(saved, originalPolicy());
    await wb.shot('quick-fix-applied');
  });

  it(`offers "${COMPLETION.label}" with its documentation on Ctrl+Space and inserts it`, async () => {
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`${COMPLETION.prefix}${COMPLETION.typed}`);
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget.visible .monaco-list-row', { hasText: COMPLETION.label }).first();
    await wb.waitFor(`"${COMPLETION.label}" in the suggestion list`, row);
    const focused = page.locator('.suggest-widget.visible .monaco-list-row.focused').first();
    await wb.waitFor('a focused suggestion', focused);
    assert.match((await focused.getAttribute('aria-label')) ?? '', new RegExp(`^${COMPLETION.label}\\b`), 'the glossary term is the first suggestion');
    const details = page.locator('.suggest-details-container .suggest-details', { hasText: COMPLETION.documentation });
    // Details start collapsed in a fresh profile; Ctrl+Space on an open list shows them ("Read More").
    if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
    await wb.waitFor(`the documentation "${COMPLETION.documentation}" beside the suggestion`, details);
    await wb.shot('completion');
    await page.keyboard.press('Enter');
    const expected = `${COMPLETION.prefix}${COMPLETION.label}`;
    await wb.until(`the editor to show "${expected}"`, async (p) => (await p.editorText()).some((l) => l === expected));
    await wb.waitFor('the suggestion list to close', page.locator('.suggest-widget.visible'), 'hidden');
  });

  it('ITIL: Search Glossary lists the entries, filters by typing, and inserts the chosen term at the cursor', async () => {
    await page.keyboard.type(', ');
    await wb.runCommand('ITIL: Search Glossary');
    const widget = page.locator('.quick-input-widget');
    await wb.waitFor('the quick pick titled "ITIL: Search Glossary"', widget.locator('.quick-input-title', { hasText: 'ITIL: Search Glossary' }));
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    const total = await waitUntil(`at least ${GLOSSARY.minimumEntries} glossary entries in the quick pick`, UI_TIMEOUT, async () => {
      const n = Number((await rows.first().getAttribute('aria-setsize', { timeout: 1000 })) ?? 0);
      return n >= GLOSSARY.minimumEntries ? n : undefined;
    });
    const firstRows = await rows.allInnerTexts();
    assert.ok(firstRows.length >= 5, `rows shown: ${firstRows.length}`);
    assert.ok(firstRows.some((t) => t.includes('·')), 'entries show aliases/category as their description');
    await wb.shot('glossary-all');
    await page.keyboard.type(GLOSSARY.filter);
    const first = rows.first();
    await waitUntil(`"${GLOSSARY.term}" to be the first entry after typing "${GLOSSARY.filter}"`, UI_TIMEOUT, async () => {
      const n = Number((await first.getAttribute('aria-setsize', { timeout: 1000 })) ?? 0);
      const label = (await first.locator('.label-name').first().textContent({ timeout: 1000 })) ?? '';
      return n > 0 && n < total && label.trim() === GLOSSARY.term;
    });
    assert.match(await first.innerText(), new RegExp(GLOSSARY.definition.slice(0, 30)), 'the entry shows its definition');
    await wb.shot('glossary-filtered');
    const crop = await wb.unionRect([widget], 8);
    await page.screenshot({ path: path.join(README_SHOTS, 'glossary.png'), clip: crop });
    await first.hover();
    const insert = first.locator('.action-label.codicon-insert');
    await wb.waitFor('the "Insert at cursor" button of the entry', insert);
    assert.equal(await insert.getAttribute('aria-label'), 'Insert at cursor');
    await insert.click();
    await wb.waitFor('the quick pick to close', widget, 'hidden');
    const expected = `${COMPLETION.prefix}${COMPLETION.label}, ${GLOSSARY.term}`;
    await wb.until(`the editor to show "${expected}"`, async (p) => (await p.editorText()).some((l) => l === expected));
    await wb.shot('glossary-inserted');
  });

  it('ITIL: Search Glossary opens the chosen entry in a panel whose button inserts the term', async () => {
    await page.keyboard.type(', ');
    await wb.runCommand('ITIL: Search Glossary');
    const widget = page.locator('.quick-input-widget');
    await wb.waitFor('the quick pick titled "ITIL: Search Glossary"', widget.locator('.quick-input-title', { hasText: 'ITIL: Search Glossary' }));
    await page.keyboard.type(GLOSSARY.panelTerm);
    const first = widget.locator('.quick-input-list .monaco-list-row').first();
    await waitUntil(`"${GLOSSARY.panelTerm}" to be the first entry`, UI_TIMEOUT, async () => ((await first.locator('.label-name').first().textContent({ timeout: 1000 })) ?? '').trim() === GLOSSARY.panelTerm);
    await page.keyboard.press('Enter');
    const title = `ITIL: ${GLOSSARY.panelTerm}`;
    await wb.waitFor(`the entry panel tab "${title}"`, page.locator('.tabs-container .tab', { hasText: title }).first());
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await wb.waitFor(`the definition in the entry panel`, frame.locator('article', { hasText: GLOSSARY.panelDefinition }).first(), 'visible', 30_000);
    const button = frame.locator('#insert');
    assert.equal(((await button.textContent()) ?? '').trim(), `Insert “${GLOSSARY.panelTerm}” at cursor`);
    await wb.shot('entry-panel');
    await button.click();
    const expected = `${COMPLETION.prefix}${COMPLETION.label}, ${GLOSSARY.term}, ${GLOSSARY.panelTerm}`;
    await wb.until(`the editor to show "${expected}"`, async (p) => (await p.editorText()).some((l) => l === expected));
    await page.keyboard.type('.');
    await wb.until(`the editor to show "${FINAL_LINE}"`, async (p) => (await p.editorText()).some((l) => l === FINAL_LINE));
    const saved = await saveAndRead(policyAfterAllEdits());
    assert.equal(saved, policyAfterAllEdits());
    await wb.shot('entry-panel-inserted');
    // Close the panel so the text editor has the whole width again.
    await page.locator('.tabs-container .tab', { hasText: title }).first().locator('.codicon-close').click();
    await wb.waitFor('the entry panel to close', page.locator('.tabs-container .tab', { hasText: title }), 'detached');
  });

  it(`turning ${V3_SECOND.setting} to "off" in the Settings editor removes its underline`, async () => {
    await squiggleUnder(V3_SECOND.line, V3_SECOND.phrase, V3.severity, `the ${V3.severity} squiggle under "${V3_SECOND.phrase}" before the change`);
    await page.keyboard.press('Control+,');
    const search = page.locator('.settings-editor .settings-header .suggest-input-container .monaco-editor').first();
    await wb.waitFor('the Settings editor search box', search);
    await search.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(V3_SECOND.setting);
    const item = page.locator(`.settings-editor .setting-item-contents[data-key="${V3_SECOND.setting}"]`).first();
    await wb.waitFor(`the setting ${V3_SECOND.setting}`, item);
    await item.locator('select').click();
    const off = page.locator('.monaco-select-box-dropdown-container .monaco-list-row', { hasText: /^off$/ }).first();
    await wb.waitFor('the "off" option of the dropdown', off);
    await off.click();
    const settingsFile = path.join(cs!.userDataDir, 'User', 'settings.json');
    await waitUntil(`${settingsFile} to record "${V3_SECOND.setting}": "off"`, UI_TIMEOUT, () => new RegExp(`"${V3_SECOND.setting.replace(/\./g, '\\.')}"\\s*:\\s*"off"`).test(fs.readFileSync(settingsFile, 'utf8')));
    await wb.shot('settings-severity-off');
    await page.locator('.tabs-container .tab', { hasText: POLICY_FILE }).first().click();
    await squiggleUnder(V3_SECOND.line, V3_SECOND.phrase, undefined, `the squiggle under "${V3_SECOND.phrase}" to go`);
    await showProblems();
    await wb.waitFor(`the Problems row of ${V3_SECOND.code} to go`, problemRow(V3_SECOND.code), 'detached');
    await squiggleUnder(ROLE.line, ROLE.phrase, ROLE.severity, `the ${ROLE.severity} squiggle under "${ROLE.phrase}" (another family) to stay`);
    await wb.shot('severity-off-applied');
    await hideProblems();
  });

  /** The extension host log of this window, and the log files of the extension's output channels. */
  function logs(): { exthost: string; text: string; channels: string[] } {
    const dir = latestLogDir(cs!.userDataDir);
    assert.ok(dir, `a log folder under ${cs!.userDataDir}/logs`);
    const files = filesUnder(dir);
    const exthost = files.find((f) => /exthost\.log$/i.test(f));
    assert.ok(exthost, `an extension host log among ${files.map((f) => path.relative(dir, f)).join(', ')}`);
    // The language client's output channel ("ITIL Terms") is where the server's console.error lands.
    return { exthost, text: fs.readFileSync(exthost, 'utf8'), channels: files.filter((x) => /itil/i.test(path.basename(x))) };
  }
  const TERMINATING = /^.*Extension host terminating.*$/m;

  it('the extension host log and the browser console show no error from the extension while in use', async () => {
    const { text, channels } = logs();
    assert.match(text, new RegExp(`_doActivateExtension ${EXTENSION_ID.replace('.', '\\.')}`), 'the log records the activation, so it is the right log');
    const inUse = text.split(TERMINATING)[0]!;
    const ours = errorEntries(inUse).filter((e) => /itil/i.test(e));
    for (const f of channels) ours.push(...errorEntries(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(ours, [], 'error entries from the extension in the extension host log');
    assert.deepEqual(wb.consoleErrors.filter((m) => /itil/i.test(m)), [], 'browser console errors mentioning the extension');
  });

  it('closing the window deactivates the extension (the client stops its server) without an error in the log', async () => {
    await page.close();
    const text = await waitUntil('the extension host to log its exit after the window closed', 30_000, () => {
      const t = logs().text;
      return /Extension host with pid \d+ exiting/.test(t) ? t : undefined;
    });
    const parts = text.split(TERMINATING);
    assert.equal(parts.length, 2, 'the log records the termination once');
    const atShutdown = errorEntries(parts[1]!).filter((e) => /itil/i.test(e));
    assert.deepEqual(atShutdown, [], 'error entries from the extension after "Extension host terminating"');
  });
});
