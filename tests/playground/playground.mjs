// The playground (target/playground/, built by scripts/playground.sh) in real Chromium
// (Debian's), through playwright-core; run by scripts/playground-e2e.sh, which installs the
// packages pinned by tests/notice/package-lock.json and writes the CLI's report of the example.
//
// Opened with the example in the fragment (#src=): the list shows exactly the command line's
// findings (rule, severity, line); a typo typed in the editor adds a finding; picking nn makes
// the preview Nynorsk; a keyword and a string are coloured differently (the grammar's highlight
// query); the record downloads as an XLSX workbook (a zip with a worksheet); no
// request leaves the page after it has loaded; axe-core finds no WCAG 2.1 A/AA violation.
// Then a link carrying two files, compressed (#files=, deflate-raw), shows the findings of both.
// Screenshots at 375 and 1280 px go to $OUT_DIR. Environment: TOOLS, CHROMIUM, SITE (the built
// page), EXAMPLE (the .privacy file), EXPECTED (its `privlint check --format json`), SECOND (a
// second .privacy file), EXPECTED_TWO (the check of both), OUT_DIR.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const require = createRequire(join(env('TOOLS'), 'node_modules', '/'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const site = env('SITE');
const outDir = env('OUT_DIR');
mkdirSync(outDir, { recursive: true });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(site, path.endsWith('/') ? path + 'index.html' : path);
  if (!file.startsWith(site) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const failures = [];
const fail = (what) => { failures.push(what); console.log(`FAIL: ${what}`); };
const text = readFileSync(env('EXAMPLE'), 'utf8');
const src = Buffer.from(text, 'utf8').toString('base64url');
const expected = JSON.parse(readFileSync(env('EXPECTED'), 'utf8')).diagnostics
  .map((d) => `${d.rule} ${d.severity} ${d.line}`);
const twoFiles = Object.fromEntries([env('EXAMPLE'), env('SECOND')].map((f) => [f, readFileSync(f, 'utf8')]));
const expectedTwo = JSON.parse(readFileSync(env('EXPECTED_TWO'), 'utf8')).diagnostics
  .map((d) => `${d.file} ${d.rule} ${d.severity} ${d.line}`);

const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let loaded = false;
  const late = [];
  page.on('request', (r) => {
    if (loaded && !/^(blob|data):/.test(r.url())) late.push(r.url());
    else if (!r.url().startsWith(base) && !/^(blob|data):/.test(r.url())) fail(`a request away from the page: ${r.url()}`);
  });
  const start = Date.now();
  await page.goto(`${base}#src=${src}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const firstFindings = Date.now() - start;
  // The page's own clock, from navigation start: without the test driver's round trips.
  const inPage = Math.round(await page.evaluate(() => performance.getEntriesByName('privlint-first-findings')[0].startTime));
  loaded = true;
  console.log(`first findings ${inPage} ms after navigation start by the page's clock (${firstFindings} ms as the test driver saw it)`);

  const shown = async () => page.$$eval('#findings li[data-rule]', (items) =>
    items.map((li) => `${li.dataset.rule} ${li.dataset.severity} ${li.dataset.line}`));
  const before = await shown();
  if (JSON.stringify(before) !== JSON.stringify(expected)) {
    fail(`the list is not the command line's findings:\n  page: ${JSON.stringify(before)}\n  cli:  ${JSON.stringify(expected)}`);
  } else {
    console.log(`the list shows the command line's ${expected.length} findings`);
  }

  // A typo: a misspelt block keyword at the end of the file.
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\npurpos typo "Typo"\n');
  await page.waitForFunction((n) => document.querySelectorAll('#findings li[data-rule]').length > n,
    before.length, { timeout: 10000 }).catch(() => {});
  const after = await shown();
  const added = after.filter((f) => !before.includes(f));
  if (added.length === 0) fail('typing a typo added no finding');
  else console.log(`the typo added: ${added.join(', ')}`);
  const squiggles = await page.locator('.cm-lintRange').count();
  if (squiggles === 0) fail('no squiggle in the editor');

  // The grammar's highlight query: a field name (keyword) and a text (string) in the editor are
  // marked with different classes, in different colours.
  const classes = await page.evaluate(() => {
    const first = (capture) => {
      const span = document.querySelector(`#editor .cm-line .tok-${capture}`);
      return span && { text: span.textContent, className: span.className, color: getComputedStyle(span).color };
    };
    return { keyword: first('keyword'), string: first('string') };
  });
  const { keyword, string } = classes;
  if (!keyword || !string || keyword.className === string.className || keyword.color === string.color
      || !/^[a-z_]+$/.test(keyword.text) || !string.text.startsWith('"')) {
    fail(`a keyword and a string are not highlighted apart: ${JSON.stringify(classes)}`);
  } else {
    console.log(`highlighted: ${keyword.text} as ${keyword.className}, ${string.text} as ${string.className}`);
  }

  await page.selectOption('#lang', 'nn');
  const nn = await page.$eval('#preview', (f) => f.srcdoc);
  if (!/<html[^>]*lang="nn"/.test(nn)) fail(`the preview is not in Nynorsk: ${nn.slice(0, 200)}`);
  else console.log('the preview is in Nynorsk');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-xlsx')]);
  const xlsxPath = join(outDir, 'record.nn.xlsx');
  await download.saveAs(xlsxPath);
  const xlsx = readFileSync(xlsxPath);
  if (xlsx.subarray(0, 4).toString('binary') !== 'PK\x03\x04' || !xlsx.includes('xl/worksheets/sheet1.xml')) {
    fail('the downloaded record is not an XLSX workbook');
  } else {
    console.log(`the record downloads as an XLSX workbook (${xlsx.length} bytes)`);
  }

  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  for (const v of result.violations) fail(`axe: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  console.log(`axe: ${result.violations.length} violation(s)`);

  await page.screenshot({ path: join(outDir, 'playground-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: join(outDir, 'playground-375.png'), fullPage: true });

  // addScriptTag inlines axe (the context bypasses the page's CSP for it): no request.
  if (late.length > 0) fail(`requests after load: ${late.join(', ')}`);
  else console.log('no request after load');
  if (errors.length > 0) fail(`errors on the page: ${errors.join('; ')}`);

  // Two files in one link, compressed.
  const files = deflateRawSync(Buffer.from(JSON.stringify(twoFiles), 'utf8')).toString('base64url');
  const two = await context.newPage();
  two.on('pageerror', (e) => fail(`error on the two-file page: ${e}`));
  await two.goto(`${base}#files=${files}`, { waitUntil: 'load' });
  await two.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const bothShown = await two.$$eval('#findings li[data-rule]', (items) =>
    items.map((li) => `${li.dataset.file} ${li.dataset.rule} ${li.dataset.severity} ${li.dataset.line}`));
  const filesShown = new Set(bothShown.map((f) => f.split(' ')[0]));
  if (JSON.stringify(bothShown) !== JSON.stringify(expectedTwo) || filesShown.size !== 2) {
    fail(`the two-file link does not show the command line's findings of both files:\n  page: ${JSON.stringify(bothShown)}\n  cli:  ${JSON.stringify(expectedTwo)}`);
  } else {
    console.log(`the two-file link (${files.length} characters) shows the ${expectedTwo.length} findings of both files`);
  }
  await two.close();
  writeFileSync(join(outDir, 'timing.json'), JSON.stringify({ firstFindingsMs: inPage, firstFindingsDriverMs: firstFindings }));
} finally {
  await browser.close();
  server.close();
}
if (failures.length > 0) {
  console.log(`playground: ${failures.length} failure(s)`);
  process.exit(1);
}
