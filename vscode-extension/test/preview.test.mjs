// The notice preview's page (src/previewShell.ts, no dependency on vscode, bundled with esbuild
// and run in plain Node): its content security policy runs no script but its own, the notice
// is never written into the page, the picker is built without HTML strings; the debouncer
// coalesces typing and a save renders at once; answers out of order are dropped.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const scratch = mkdtempSync(join(tmpdir(), 'privlint-preview-test-'));
try {
  const bundle = join(scratch, 'preview.cjs');
  await esbuild.build({ entryPoints: [join(here, 'src', 'previewShell.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
  const shell = createRequire(import.meta.url)(bundle);

  // The nonce: fresh each time, and safe inside an attribute and a CSP source.
  const nonce = shell.makeNonce((n) => randomBytes(n));
  assert.match(nonce, /^[A-Za-z0-9]{32}$/);
  assert.notEqual(nonce, shell.makeNonce((n) => randomBytes(n)));

  // The policy: no source but the nonce may run script; nothing is fetched.
  const csp = shell.contentSecurityPolicy(nonce);
  const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'], [`'nonce-${nonce}'`]);
  assert.ok(!csp.includes('unsafe-eval'));
  assert.ok(!/script-src[^;]*unsafe-inline/.test(csp));
  assert.ok(!/https?:|\*/.test(csp), `the policy allows no remote source: ${csp}`);

  // The page: the policy in a meta tag before anything else, one script with the nonce, the
  // notice in a sandboxed iframe without allow-scripts.
  const title = 'Notice: <a&b>.privacy';
  const page = shell.shellHtml(nonce, title);
  const head = page.slice(0, page.indexOf('<title>'));
  assert.ok(head.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
  const scripts = [...page.matchAll(/<script\b([^>]*)>/g)];
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0][1].trim(), `nonce="${nonce}"`);
  const iframe = page.match(/<iframe\b[^>]*>/)[0];
  assert.match(iframe, /sandbox="allow-same-origin"/);
  assert.ok(!iframe.includes('allow-scripts'));
  assert.ok(page.includes('<title>Notice: &#60;a&#38;b&#62;.privacy</title>'));
  assert.ok(!page.includes('<a&b>'));
  // The page's script writes no HTML: the notice goes whole into srcdoc, the picker is built
  // with DOM calls.
  for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'Function(']) {
    assert.ok(!shell.PAGE_SCRIPT.includes(sink), `the page script uses ${sink}`);
  }
  assert.ok(shell.PAGE_SCRIPT.includes('frame.srcdoc = '));
  assert.ok(shell.PAGE_SCRIPT.includes('option.textContent = '));
  // Links: only web, mail and phone links are opened outside.
  assert.ok(shell.isOpenableLink('https://fjellsko.example/personvern'));
  assert.ok(shell.isOpenableLink('mailto:personvern@fjellsko.example'));
  assert.ok(!shell.isOpenableLink('javascript:alert(1)'));
  assert.ok(!shell.isOpenableLink('command:workbench.action.openSettings'));
  assert.ok(!shell.isOpenableLink('file:///etc/passwd'));

  // The server's answer, checked; the message names the languages.
  assert.equal(shell.asNotice(null), undefined);
  assert.equal(shell.asNotice({ html: 1, languages: [], language: 'nb', errors: 0 }), undefined);
  assert.equal(shell.asNotice({ html: '', languages: [1], language: 'nb', errors: 0 }), undefined);
  const notice = shell.asNotice({ html: '<p>x</p>', languages: ['nb', 'nn', 'en', 'de'], language: 'en', errors: 2, extra: true });
  assert.deepEqual(notice, { html: '<p>x</p>', languages: ['nb', 'nn', 'en', 'de'], language: 'en', errors: 2 });
  assert.deepEqual(shell.noticeMessage(notice).names, { nb: 'Norsk bokmål', nn: 'Norsk nynorsk', en: 'English', de: 'de' });
  assert.equal(shell.noticeMessage(notice).type, 'notice');

  // Debouncing, on a fake clock: a burst of changes renders once, after the pause; a save at
  // once, dropping the render it replaces.
  let now = 0;
  let timers = [];
  const clock = {
    setTimeout: (callback, ms) => {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (timer) => {
      timers = timers.filter((t) => t !== timer);
    },
  };
  const advance = (ms) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((t) => t !== timer);
      timer.callback();
    }
  };
  let runs = 0;
  const debouncer = new shell.Debouncer(300, () => runs++, clock);
  for (let i = 0; i < 5; i++) {
    debouncer.schedule();
    advance(100);
  }
  assert.equal(runs, 0, 'no render while typing goes on');
  assert.ok(debouncer.pending);
  advance(199);
  assert.equal(runs, 0);
  advance(1);
  assert.equal(runs, 1, 'one render 300 ms after the last change');
  assert.ok(!debouncer.pending);
  debouncer.schedule();
  debouncer.flush();
  assert.equal(runs, 2);
  advance(1000);
  assert.equal(runs, 2, 'a flush drops the render it replaces');
  debouncer.schedule();
  debouncer.cancel();
  advance(1000);
  assert.equal(runs, 2);
  assert.equal(timers.length, 0);
  // The real clock too.
  let real = 0;
  await new Promise((resolve) => {
    new shell.Debouncer(5, () => {
      real++;
      resolve();
    }).schedule();
  });
  assert.equal(real, 1);

  // Answers out of order: only the newest request's is shown.
  const sequence = new shell.Sequence();
  const first = sequence.begin();
  const second = sequence.begin();
  assert.ok(!sequence.isLatest(first));
  assert.ok(sequence.isLatest(second));

  console.log('preview.test.mjs: ok');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
