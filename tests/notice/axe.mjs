// The rendered privacy notices in real Chromium (Debian's), checked with axe-core against
// WCAG 2.1 A and AA. Run by scripts/notice-e2e.sh, which installs the pinned packages
// (package-lock.json here) and renders the notices into $NOTICE_DIR.
//
// For each HTML file: no <script> element and no request other than the file itself (the
// notice is self-contained); axe with the tags wcag2a, wcag2aa, wcag21a, wcag21aa finds no
// violation; at 375 px nothing is wider than the screen (readable on a phone); in print
// everything folded is open. Screenshots (full page) at 375 and
// 1280 px, and of the first 1280 × 900 screen, go to $OUT_DIR. The length of each notice on a
// phone (375 × 667 CSS px, Chromium's default fonts) is measured in screens: the first part
// below the title, the whole notice with everything folded closed (purposes, rights), and with
// everything open; written to $OUT_DIR/phone-screens.json.
// Environment: TOOLS (where node_modules is), CHROMIUM, NOTICE_DIR, OUT_DIR.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const require = createRequire(join(env('TOOLS'), 'node_modules', '/'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;

const noticeDir = env('NOTICE_DIR');
const outDir = env('OUT_DIR');
mkdirSync(outDir, { recursive: true });
const files = readdirSync(noticeDir).filter((f) => f.endsWith('.html')).sort();
if (files.length === 0) throw new Error(`no .html in ${noticeDir}`);

const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// A full page, or its first 12,000 px: Chromium cannot capture a much taller surface.
const MAX_HEIGHT = 12000;
async function shoot(page, path) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize().width;
  if (height <= MAX_HEIGHT) return page.screenshot({ path, fullPage: true });
  return page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height: MAX_HEIGHT } });
}
const failures = [];
const screens = {};
let checked = 0;
try {
  for (const file of files) {
    const url = pathToFileURL(join(noticeDir, file)).href;
    const name = basename(file, '.html');
    const fail = (what) => failures.push(`${file}: ${what}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });

    const scripts = await page.locator('script').count();
    if (scripts > 0) fail(`${scripts} <script> element(s): the notice must have none`);
    if (requests.length > 0) fail(`requests other than the file: ${requests.join(', ')}`);
    if (await page.evaluate(() => window.__pwned === true)) fail('a script from the declaration ran');
    if (errors.length > 0) fail(`page errors: ${errors.join('; ')}`);

    // Headings: one h1, no level skipped.
    const levels = await page.$$eval('h1,h2,h3,h4,h5,h6', (hs) => hs.map((h) => Number(h.tagName[1])));
    if (levels[0] !== 1 || levels.filter((l) => l === 1).length !== 1) fail(`headings start ${levels.slice(0, 3)}`);
    levels.forEach((l, i) => { if (i > 0 && l > levels[i - 1] + 1) fail(`heading h${levels[i - 1]} → h${l}`); });

    await shoot(page, join(outDir, `${name}-1280.png`));
    // The first screen as a reader at a desktop sees it (the README's picture).
    await page.screenshot({ path: join(outDir, `${name}-1280-first-screen.png`) });

    // axe, on the page as a reader gets it (the script is injected by the test only).
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }));
    for (const v of result.violations) {
      fail(`axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }

    // A phone: nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) fail(`${overflow} px wider than a 375 px screen`);
    await shoot(page, join(outDir, `${name}-375.png`));

    // A phone screen: 375 × 667. The first part is measured from the top of the "in brief"
    // heading to the end of its section; the notice closed as it loads, then with everything
    // folded open.
    await page.setViewportSize({ width: 375, height: 667 });
    const PHONE = 667;
    const measure = () => page.evaluate(() => document.documentElement.scrollHeight);
    const summary = await page.evaluate(() => {
      const s = document.getElementById('summary');
      return s ? s.getBoundingClientRect().height : 0;
    });
    const closed = await measure();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const open = await measure();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = false; }));
    const round = (px) => Math.round((px / PHONE) * 10) / 10;
    screens[name] = { summary: round(summary), closed: round(closed), open: round(open) };

    // Print: everything folded (purposes, rights, further contact details) is printed.
    await page.emulateMedia({ media: 'print' });
    const folded = page.locator('details > :not(summary)');
    const foldedCount = await folded.count();
    for (let i = 0; i < foldedCount; i += 1) {
      if (!(await folded.nth(i).isVisible())) {
        fail('something folded is not printed');
        break;
      }
    }
    await context.close();
    checked += 1;
    const s = screens[name];
    console.log(`${file}: ${result.violations.length} axe violation(s), ${levels.length} headings; phone screens: first part ${s.summary}, closed ${s.closed}, open ${s.open}`);
  }
} finally {
  await browser.close();
}
writeFileSync(join(outDir, 'phone-screens.json'), `${JSON.stringify(screens, null, 2)}\n`);
console.log(`${checked} notice(s) checked with axe-core ${axeVersion} (WCAG 2.1 A/AA); screenshots in ${outDir}`);
if (failures.length > 0) {
  for (const f of failures) console.log(`FAIL ${f}`);
  process.exit(1);
}
