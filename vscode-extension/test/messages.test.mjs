// The extension's own messages (src/messages.ts): every message has a Bokmål, a Nynorsk and an
// English version (also a compile error when not: see the type there), none empty, with the
// same placeholders; the Nynorsk has no Bokmål forms; the setting chooses the language.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const scratch = mkdtempSync(join(tmpdir(), 'privlint-messages-test-'));
try {
  const bundle = join(scratch, 'messages.cjs');
  await esbuild.build({ entryPoints: [join(here, 'src', 'messages.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
  const { MESSAGES, languageOf, say } = createRequire(import.meta.url)(bundle);

  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  // The Bokmål forms that most often slip into Nynorsk (the notice texts' test has more).
  const bokmal = ['ikke ', 'hva ', 'hvilken ', 'hvordan ', 'fant ', 'finner ', 'kjører ', 'åpne ', 'tjeneren', 'mappen', 'innstillingen', 'meg ', 'en regel', 'fra '];
  const names = Object.keys(MESSAGES);
  assert.ok(names.length > 10);
  for (const name of names) {
    const texts = MESSAGES[name];
    assert.deepEqual(Object.keys(texts).sort(), ['en', 'nb', 'nn'], name);
    for (const language of ['nb', 'nn', 'en']) {
      assert.ok(texts[language].trim().length > 0, `${name}: ${language} is empty`);
      assert.deepEqual(placeholders(texts[language]), placeholders(texts.en), `${name}: ${language} placeholders`);
    }
    const nn = `${texts.nn.toLowerCase()} `;
    for (const word of bokmal) {
      assert.ok(!nn.includes(word), `${name}: Bokmål "${word}" in the Nynorsk "${texts.nn}"`);
    }
  }

  assert.equal(languageOf('nn'), 'nn');
  assert.equal(languageOf(''), undefined);
  assert.equal(languageOf('no'), undefined);
  assert.equal(languageOf(undefined), undefined);
  assert.equal(say('nn', 'noDocumentation', { rule: 'r', reason: 'x' }), 'privlint: ingen dokumentasjon for «r»: x');
  assert.equal(say(undefined, 'stopped'), 'privlint: stopped');
  console.log(`messages: ${names.length} messages in nb, nn and en`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
