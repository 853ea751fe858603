// Drives code-server (real VS Code in the browser) with playwright-core and Debian's Chromium:
// opens declaration.privacy, checks the language and the findings in the Problems panel, shows
// the documentation of the finding under the cursor, types the fix and checks that the finding
// goes away, then changes privlint.rules and checks that the server follows; then opens
// notice.privacy, runs "privlint: Preview Notice", checks the purpose label in the preview, types
// into the label and checks that the preview follows, and picks English in the preview.
// Run by scripts/vscode-e2e.sh, which passes: TOOLS (node_modules with playwright-core),
// CHROMIUM, URL, WORKSPACE, RUN_DIR, OUT_DIR, E2E_TIMEOUT (seconds).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const { chromium } = createRequire(join(env('TOOLS'), 'node_modules', '/'))('playwright-core');
const url = env('URL');
const workspace = env('WORKSPACE');
const runDir = env('RUN_DIR');
const outDir = env('OUT_DIR');
const FILE = 'declaration.privacy';
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);

// The whole browser part is bounded; a hang ends in FAIL, not in a stuck CI job.
const limit = Number(process.env.E2E_TIMEOUT ?? 240) * 1000;
const watchdog = setTimeout(() => {
  console.log(`FAIL: the browser test did not finish within ${limit / 1000} s`);
  process.exit(1);
}, limit);

/** Polls `probe` until it returns a truthy value, or throws naming `what`. */
async function until(what, probe, timeout = 30_000, interval = 250) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

const text = readFileSync(join(workspace, FILE), 'utf8');
const NOTICE_FILE = 'notice.privacy';
const NOTICE_LABEL = 'Behandling av bestillinger';
const NOTICE_LABEL_EN = 'Processing your orders';
const noticeText = readFileSync(join(workspace, NOTICE_FILE), 'utf8');
const noticeLines = noticeText.split('\n');
const labelLine = noticeLines.findIndex((l) => l.startsWith(`purpose order_handling "${NOTICE_LABEL}"`)) + 1;
if (labelLine === 0) throw new Error(`no purpose "${NOTICE_LABEL}" in ${NOTICE_FILE}`);
// 1-based column of the closing quote of the label: typing there extends the label.
const labelEnd = noticeLines[labelLine - 1].indexOf(`"${NOTICE_LABEL}"`) + NOTICE_LABEL.length + 2;
const purposeLine = text.split('\n').findIndex((l) => l.startsWith('purpose orders')) + 1;
if (purposeLine === 0) throw new Error(`no "purpose orders" in ${FILE}`);

const browser = await chromium.launchPersistentContext(join(runDir, 'chromium-profile'), {
  executablePath: env('CHROMIUM'),
  headless: !process.env.E2E_HEADED,
  viewport: { width: 1400, height: 900 },
  env: { ...process.env, HOME: join(runDir, 'home'), XDG_CONFIG_HOME: join(runDir, 'home', '.config'), XDG_CACHE_HOME: join(runDir, 'home', '.cache') },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let failed = false;
const page = browser.pages()[0] ?? (await browser.newPage());
const problemsPanel = '.markers-panel';

async function problemRows() {
  return page.$$eval(`${problemsPanel} .monaco-list-row`, (rows) =>
    rows.map((r) => `${r.getAttribute('aria-label') ?? ''} || ${r.innerText.replace(/\s+/g, ' ').trim()}`),
  );
}

async function showProblems() {
  if (!(await page.locator(problemsPanel).isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
  }
  await page.locator(problemsPanel).waitFor({ state: 'visible', timeout: 15_000 });
}

async function focusEditor() {
  // The editor's own box (the size of the view), not .view-lines (the size of the content).
  await page.locator('.editor-instance .monaco-editor').first().click({ position: { x: 300, y: 30 } });
}

async function gotoLine(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}${column ? `:${column}` : ''}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

async function runCommand(title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

const shot = async (name) => {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, name);
  await page.screenshot({ path });
  log(`screenshot ${path}`);
};

async function openDeclaration() {
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  log('workbench loaded');

  // Open the file from the explorer (Quick Open as the fallback).
  const item = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${FILE}"], .explorer-folders-view .monaco-list-row:has-text("${FILE}")`).first();
  try {
    await item.waitFor({ timeout: 30_000 });
    await item.click();
  } catch {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(FILE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  }
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
  log(`editor open: ${FILE}`);
}

async function main() {
  await openDeclaration();

  // The language is `privacy` (its first alias is shown in the status bar) and is highlighted by the grammar.
  const mode = await until('the language mode in the status bar', async () => {
    const t = (await page.locator('[id="status.editor.mode"]').innerText()).trim();
    return t === 'Privacy declaration' ? t : undefined;
  });
  log(`language mode: ${mode}`);
  const colours = await until('TextMate colours', async () => {
    const c = await page.$$eval('.monaco-editor .view-line span span', (spans) => new Set(spans.map((s) => s.className)).size);
    return c >= 5 ? c : undefined;
  });
  log(`syntax highlighting: ${colours} distinct token classes`);

  // The language server's findings: squiggles, then the Problems panel.
  await until('a red squiggle', async () => (await page.locator('.squiggly-error').count()) > 0);
  log(`squiggles: ${await page.locator('.squiggly-error').count()} error(s), ${await page.locator('.squiggly-warning').count()} warning(s)`);
  await showProblems();
  const before = await until('missing-legal-basis and portability-not-applicable in Problems', async () => {
    const rows = await problemRows();
    const all = rows.join('\n');
    return all.includes('missing-legal-basis') && all.includes('portability-not-applicable') ? rows : undefined;
  });
  log('Problems panel:');
  for (const row of before) console.log(`    ${row}`);
  const errorRow = before.find((r) => r.includes('missing-legal-basis'));
  if (!/^Error: the purpose `orders` has no legal basis/.test(errorRow) || !errorRow.includes('privlint')) {
    throw new Error(`unexpected row for missing-legal-basis: ${errorRow}`);
  }
  if (before.some((r) => r.includes('missing-processor-agreement'))) {
    throw new Error('missing-processor-agreement is shown although privlint.rules turns it off (initializationOptions not applied)');
  }
  log('ok: missing-legal-basis (Error, privlint) and portability-not-applicable shown; missing-processor-agreement off by the setting');
  await shot('problems.png');

  // "privlint: Show Rule Documentation" with the cursor on the finding.
  await focusEditor();
  await gotoLine(purposeLine, 11);
  await runCommand('privlint: Show Rule Documentation');
  const tab = page.locator('.tabs-container .tab[aria-label*="missing-legal-basis"]').first();
  await tab.waitFor({ timeout: 20_000 });
  log(`rule documentation opened: tab "${await tab.getAttribute('aria-label')}"`);
  // The preview is a webview: an iframe (served by code-server) holding the rendered document.
  let seen = [];
  const docText = await until('the rendered documentation', async () => {
    seen = [];
    for (const frame of page.frames()) {
      const body = await frame.evaluate(() => document.body?.textContent ?? '').catch((e) => `<${e.message.split('\n')[0]}>`);
      seen.push(`${frame.url().slice(0, 80)}: ${body.length} chars`);
      if (process.env.E2E_DEBUG) writeFileSync(join(runDir, `frame-${seen.length}.txt`), `${frame.url()}\n${body}`);
      if (body.includes('missing-legal-basis') && body.includes('What it checks')) return body;
    }
    return undefined;
  }, 20_000).catch((error) => {
    throw new Error(`${error.message}; frames: ${seen.join(' | ')}`);
  });
  log(`rule documentation rendered: "${docText.split('\n').filter((l) => l.trim())[0]}"`);
  await shot('rule-documentation.png');
  // Back to the declaration (closing the preview returns focus to it).
  await page.keyboard.press('Control+W');
  await page.locator('.tabs-container .tab[aria-label*="missing-legal-basis"]').waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator(`.tabs-container .tab[aria-label^="${FILE}"]`).first().click();

  // Type the fix: `basis contract` as the first line of the purpose.
  await focusEditor();
  await gotoLine(purposeLine);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('basis contract', { delay: 20 });
  await page.keyboard.press('Escape');
  log(`typed "basis contract" after line ${purposeLine}`);
  // The final state, not an intermediate one (`basis cont` is an invalid-value error of its own).
  const after = await until('no problems left', async () => {
    const rows = await problemRows();
    const findings = rows.filter((r) => /^(Error|Warning|Info)/.test(r));
    const squiggles = await page.locator('.squiggly-error, .squiggly-warning').count();
    return findings.length === 0 && squiggles === 0 ? rows : undefined;
  });
  log(`after the fix: ${after.length} problem row(s)${after.length ? '' : ' (no problems)'}`);
  for (const row of after) console.log(`    ${row}`);
  log('ok: missing-legal-basis and portability-not-applicable are gone');
  await shot('problems-after-fix.png');

  // Change the setting in the editor, while the server runs: the client sends
  // workspace/didChangeConfiguration {settings: {privlint: {rules, ...}}}.
  const settingsPath = join(runDir, 'data', 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
  settings['privlint.rules'] = { 'missing-processor-agreement': 'error' };
  await saveUserSettings(
    settings,
    () => JSON.parse(readFileSync(settingsPath, 'utf8'))['privlint.rules']['missing-processor-agreement'] === 'error',
  );
  log('privlint.rules changed in settings.json to {"missing-processor-agreement": "error"}');
  const changed = await until('missing-processor-agreement as an error', async () => {
    const rows = await problemRows();
    return rows.find((r) => r.includes('missing-processor-agreement') && r.startsWith('Error:'));
  });
  log(`Problems panel: ${changed}`);
  log('ok: the server follows privlint.rules changes');
  await shot('problems-after-setting.png');

  await previewNotice();

  // privlint.language: the extension restarts the server with initializationOptions.language,
  // and the findings come back in Nynorsk ("databehandlaren", not Bokmål's "databehandleren").
  settings['privlint.language'] = 'nn';
  await saveUserSettings(settings, () => JSON.parse(readFileSync(settingsPath, 'utf8'))['privlint.language'] === 'nn');
  log('privlint.language changed in settings.json to "nn"');
  const nynorsk = await until('the finding in Nynorsk', async () => {
    const rows = await problemRows();
    return rows.find((r) => r.includes('missing-processor-agreement') && r.includes('databehandlaren'));
  });
  log(`Problems panel: ${nynorsk}`);
  log('ok: the findings follow privlint.language');
  await shot('problems-in-nynorsk.png');

  // Back to no setting: English again, for the steps after this one.
  delete settings['privlint.language'];
  await saveUserSettings(settings, () => !('privlint.language' in JSON.parse(readFileSync(settingsPath, 'utf8'))));
  await until('the finding in English again', async () => {
    const rows = await problemRows();
    return rows.find((r) => r.includes('missing-processor-agreement') && r.includes('has no contract'));
  });
  log('ok: privlint.language removed, the findings are in English again');
}

/** Replaces the user's settings.json through the editor, as a user would, and waits for it. */
async function saveUserSettings(settings, saved) {
  await runCommand('Preferences: Open User Settings (JSON)');
  await page.locator('.tabs-container .tab[aria-label^="settings.json"]').first().waitFor({ timeout: 15_000 });
  await focusEditor();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // One line: inserted text with newlines would be auto-indented by the editor.
  await page.keyboard.insertText(JSON.stringify(settings));
  await page.keyboard.press('Control+S');
  await until('settings.json to be saved', () => {
    try {
      return saved();
    } catch {
      return false;
    }
  }, 15_000);
}

/** The text of every frame of the page (webviews are iframes, the notice an iframe in one). */
async function frameTexts() {
  const texts = [];
  for (const frame of page.frames()) {
    const body = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    texts.push({ frame, body });
  }
  return texts;
}

/** The frame of the notice preview whose text includes `needle`. */
async function noticeFrameWith(what, needle, timeout = 20_000) {
  let seen = [];
  return until(what, async () => {
    const texts = await frameTexts();
    seen = texts.map((t) => `${t.frame.url().slice(0, 60)}: ${t.body.length} chars`);
    return texts.find((t) => t.frame.url() === 'about:srcdoc' && t.body.includes(needle))?.frame;
  }, timeout).catch((error) => {
    throw new Error(`${error.message}; frames: ${seen.join(' | ')}`);
  });
}

/** Scrolls the notice to the heading that names `label`, for the screenshot. */
async function showInNotice(frame, label) {
  // Scrolls the notice's own window only (scrollIntoView would scroll the page around it too).
  await frame.evaluate((l) => {
    const heading = [...document.querySelectorAll('h2, h3, h4')].find((h) => h.textContent.includes(l));
    if (heading) window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 8);
  }, label);
}

// "privlint: Preview Notice": the notice beside the declaration, following the edits, in the
// language picked.
async function previewNotice() {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(NOTICE_FILE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: NOTICE_FILE }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${NOTICE_FILE}"]`).first().waitFor({ timeout: 15_000 });
  await until('the language mode of notice.privacy', async () => (await page.locator('[id="status.editor.mode"]').innerText()).trim() === 'Privacy declaration');
  log(`editor open: ${NOTICE_FILE}`);
  // The button in the editor title is there for a .privacy file.
  const button = page.locator('.editor-actions .action-label[aria-label*="Preview Notice"]').first();
  await button.waitFor({ timeout: 10_000 });
  log(`editor title button: "${await button.getAttribute('aria-label')}"`);

  await runCommand('privlint: Preview Notice');
  const tab = page.locator(`.tabs-container .tab[aria-label*="Notice: ${NOTICE_FILE}"]`).first();
  await tab.waitFor({ timeout: 20_000 });
  log(`preview opened: tab "${await tab.getAttribute('aria-label')}"`);
  const groups = await page.locator('.editor-group-container').count();
  if (groups < 2) throw new Error(`the preview is not beside the declaration (${groups} editor group)`);
  const frame = await noticeFrameWith(`the purpose label "${NOTICE_LABEL}" in the preview`, NOTICE_LABEL);
  const lang = await frame.evaluate(() => document.documentElement.lang);
  log(`preview shows "${NOTICE_LABEL}" (notice lang="${lang}")`);
  if (lang !== 'nb') throw new Error(`the preview is in "${lang}", not in the notice's first language nb`);
  // The page: a policy that runs no script but its own; the notice in a sandboxed iframe.
  const shellFrame = frame.parentFrame();
  const policy = await shellFrame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
  const sandbox = await shellFrame.evaluate(() => document.getElementById('notice')?.getAttribute('sandbox'));
  log(`preview page: CSP "${policy}"; notice iframe sandbox="${sandbox}"`);
  if (!/script-src 'nonce-[A-Za-z0-9]+'(;|$)/.test(policy) || sandbox === null || sandbox.includes('allow-scripts')) {
    throw new Error('the preview page lets scripts other than its own run');
  }
  const scriptsRan = await frame.evaluate(() => document.scripts.length);
  if (scriptsRan !== 0) throw new Error(`the notice has ${scriptsRan} script element(s)`);
  await shot('notice-preview.png');

  // Type into the label in the editor: the preview follows (300 ms after the typing stops).
  await focusEditor();
  await gotoLine(labelLine, labelEnd);
  await page.keyboard.type(' og retur', { delay: 20 });
  await page.keyboard.press('Escape');
  log(`typed " og retur" at the end of the label (line ${labelLine})`);
  const edited = `${NOTICE_LABEL} og retur`;
  await noticeFrameWith(`"${edited}" in the preview`, edited);
  log(`ok: the preview follows the edit: "${edited}"`);
  await showInNotice(await noticeFrameWith('the edited label', edited), edited);
  await shot('notice-preview-edited.png');

  // The language picker: English.
  const picker = await until('the language picker', async () => {
    for (const f of page.frames()) {
      if ((await f.locator('select#language').count().catch(() => 0)) > 0) return f;
    }
    return undefined;
  });
  const options = await picker.locator('select#language option').allInnerTexts();
  log(`language picker: ${options.join(', ')}`);
  await picker.locator('select#language').selectOption('en');
  const english = await noticeFrameWith(`the English label "${NOTICE_LABEL_EN}" in the preview`, NOTICE_LABEL_EN);
  const langEn = await english.evaluate(() => document.documentElement.lang);
  if (langEn !== 'en') throw new Error(`after picking English the notice is in "${langEn}"`);
  log(`ok: English picked: the preview shows "${NOTICE_LABEL_EN}" (lang="${langEn}")`);
  await showInNotice(english, NOTICE_LABEL_EN);
  await shot('notice-preview-en.png');

  // A declaration with an error (declaration.privacy: missing-processor-agreement is an error by
  // now) is previewed all the same, as a draft whose banner counts the error.
  await page.locator(`.tabs-container .tab[aria-label^="${FILE}"]`).first().click();
  await focusEditor();
  await runCommand('privlint: Preview Notice');
  await page.locator(`.tabs-container .tab[aria-label*="Notice: ${FILE}"]`).first().waitFor({ timeout: 20_000 });
  const draft = await noticeFrameWith('the draft banner in the preview of declaration.privacy', 'Utkast');
  const banner = await draft.evaluate(() => document.querySelector('.draft')?.textContent ?? '');
  if (!banner.includes('1 feil') || !(await draft.evaluate(() => document.body.innerText)).includes('Behandling av bestillinger')) {
    throw new Error(`the draft preview of ${FILE} has the banner "${banner}"`);
  }
  const draftStatus = await draft.parentFrame().evaluate(() => document.getElementById('status')?.textContent ?? '');
  log(`ok: ${FILE} (1 error) previewed as a draft: "${banner}"; status "${draftStatus}"`);
  await shot('notice-preview-draft.png');
}

// No binary anywhere: an error notification that says what was searched and offers the setting.
async function missingBinary() {
  await openDeclaration();
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'privlint' }).first();
  await toast.waitFor({ timeout: 30_000 });
  const message = (await toast.locator('.notification-list-item-message').innerText()).trim();
  log(`notification: ${message}`);
  for (const part of ['privlint binary was not found', 'privlint.path', 'PATH', 'cargo install']) {
    if (!message.includes(part)) throw new Error(`the notification does not mention "${part}"`);
  }
  await shot('no-binary.png');
  await toast.locator('.monaco-button', { hasText: 'Open Setting' }).click();
  const setting = page.locator('.settings-editor .setting-item-contents', { hasText: 'Path to the' }).first();
  await setting.waitFor({ timeout: 15_000 });
  const tab = (await page.locator('.settings-tabs-widget .checked').first().innerText({ timeout: 2_000 }).catch(() => '?')).trim();
  log(`"Open Setting" opened the settings editor (${tab} tab) at: ${(await setting.locator('.setting-item-title').innerText()).replace(/\s+/g, ' ')}`);
  await shot('no-binary-setting.png');
}

try {
  if (process.env.SCENARIO === 'missing-binary') {
    await missingBinary();
  } else {
    await main();
  }
  console.log('problems.mjs: PASS');
} catch (error) {
  failed = true;
  console.log(`problems.mjs: FAIL: ${error instanceof Error ? error.message : error}`);
  await shot('failure.png').catch(() => {});
  try {
    const rows = await problemRows();
    if (rows.length) console.log(`  Problems rows at failure:\n    ${rows.join('\n    ')}`);
  } catch {
    /* the page is gone */
  }
} finally {
  clearTimeout(watchdog);
  await browser.close().catch(() => {});
}
process.exit(failed ? 1 : 0);
