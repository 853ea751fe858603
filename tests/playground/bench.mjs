// Times privlint's check of one declaration inside the playground in Chromium: the page is
// loaded, then window.privlint.check runs on the file 5 times; the median is printed in ms.
// Run by hand (BENCHMARKS.md): TOOLS=$PWD/.tools/notice-e2e CHROMIUM=/usr/bin/chromium
// SITE=$PWD/target/playground FILE=d5000.privacy node tests/playground/bench.mjs
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';

const require = createRequire(join(process.env.TOOLS, 'node_modules', '/'));
const { chromium } = require('playwright-core');
const site = process.env.SITE;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const path = normalize(new URL(req.url, 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(site, path.endsWith('/') ? path + 'index.html' : path);
  if (!file.startsWith(site) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const text = readFileSync(process.env.FILE, 'utf8');
  const times = await page.evaluate((text) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      window.privlint.check({ 'd.privacy': text });
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b);
  }, text);
  console.log(`check in Chromium: median ${times[2].toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
} finally {
  await browser.close();
  server.close();
}
