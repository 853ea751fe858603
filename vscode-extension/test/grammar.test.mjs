// Tokenizes .privacy text with the extension's TextMate grammar (through vscode-textmate and
// the Oniguruma WASM that VS Code itself uses) and checks the scopes against what
// grammar/queries/highlights.scm says; then tokenizes every example of the repository and checks
// that no line is left without a scope it should have.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer;
await oniguruma.loadWASM(wasm);

const registry = new textmate.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async (scopeName) => {
    if (scopeName !== 'source.privacy') return null;
    const path = join(here, 'syntaxes', 'privacy.tmLanguage.json');
    return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
  },
});
const grammar = await registry.loadGrammar('source.privacy');

/** [text, innermost scope] of every token of every line. */
function tokenize(text) {
  let state = textmate.INITIAL;
  const out = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      if (s.trim() !== '') out.push([s.trim(), t.scopes[t.scopes.length - 1], t.scopes]);
    }
    state = r.ruleStack;
  }
  return out;
}

function scopeOf(tokens, text, nth = 0) {
  const found = tokens.filter(([s]) => s === text);
  assert.ok(found.length > nth, `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map((t) => t[0]))}`);
  return found[nth][1];
}

let checks = 0;
function expect(tokens, text, scope, nth = 0) {
  const got = scopeOf(tokens, text, nth);
  assert.ok(got.startsWith(scope), `${JSON.stringify(text)}: expected ${scope}, got ${got}`);
  checks++;
}

const sample = `# A comment
controller acme "Acme AS" {
  country NO
  authority datatilsynet "Datatilsynet"
}
category contact "Kontakt" { includes "navn", "e-post" }
processor mailer "Mailer" { country US; safeguard dpf; agreement 2025-03-14 }
purpose newsletter "Nyhetsbrev" {
  basis consent
  data contact,
    orders,   # a comment after the comma

    payment
  retention 5 years after "siste kjøp \\"x\\""
  retention indefinite "arkivlova § 6"   # privlint: allow indefinite-retention, missing-retention -- arkivplikt
  note """two
lines with "quotes" inside"""
  dpia 42
}
subject broken "not closed
rights { access; complaint datatilsynet; respond_within 1 month }
`;
const t = tokenize(sample);
expect(t, 'A comment', 'comment.line.number-sign');
expect(t, 'controller', 'keyword.other');
expect(t, 'acme', 'entity.name.type');
expect(t, 'Acme AS', 'string.quoted.double');
expect(t, 'country', 'keyword.other');
expect(t, 'NO', 'constant.other.country');
expect(t, 'authority', 'keyword.other');
expect(t, 'datatilsynet', 'entity.name.type');
expect(t, 'includes', 'keyword.other');
expect(t, '{', 'punctuation.section.block.begin');
expect(t, '}', 'punctuation.section.block.end');
expect(t, 'safeguard', 'keyword.other');
expect(t, 'dpf', 'constant.language');
expect(t, 'agreement', 'keyword.other');
expect(t, '2025-03-14', 'string.other.date');
expect(t, ';', 'punctuation.terminator');
expect(t, 'basis', 'keyword.other');
expect(t, 'consent', 'constant.language');
expect(t, 'data', 'keyword.other');
expect(t, 'contact', 'variable.other', 1);
// Continuation lines after a comma hold values, not statement names.
expect(t, 'orders', 'variable.other');
expect(t, 'payment', 'variable.other');
expect(t, 'a comment after the comma', 'comment.line');
expect(t, 'retention', 'keyword.other');
expect(t, '5', 'constant.numeric.duration');
expect(t, 'years', 'keyword.other.unit');
expect(t, 'after', 'constant.language');
expect(t, '\\"', 'constant.character.escape');
expect(t, 'indefinite', 'constant.language');
expect(t, 'privlint:', 'keyword.other.suppression');
expect(t, 'allow', 'keyword.other.suppression');
expect(t, 'indefinite-retention', 'entity.name.tag.rule');
expect(t, 'missing-retention', 'entity.name.tag.rule');
expect(t, '-- arkivplikt', 'comment.line.reason');
expect(t, 'note', 'keyword.other');
expect(t, 'lines with "quotes" inside', 'string.quoted.triple');
expect(t, 'dpia', 'keyword.other');
expect(t, '42', 'constant.numeric.integer');
// An unterminated string ends at the end of its line; the next line is read normally.
expect(t, 'not closed', 'string.quoted.double');
expect(t, 'rights', 'keyword.other');
expect(t, 'access', 'keyword.other');
expect(t, 'complaint', 'keyword.other');
expect(t, 'datatilsynet', 'variable.other', 1);
expect(t, 'respond_within', 'keyword.other');
expect(t, '1', 'constant.numeric.duration');
expect(t, 'month', 'keyword.other.unit');

// Every example of the repository: every token has a scope below source.privacy, and every
// line's first word is a keyword unless it continues a list or a text block.
const examples = join(here, '..', 'examples');
let files = 0;
for (const name of readdirSync(examples).filter((n) => n.endsWith('.privacy'))) {
  const tokens = tokenize(readFileSync(join(examples, name), 'utf8'));
  for (const [text, scope] of tokens) {
    assert.notEqual(scope, 'source.privacy', `${name}: ${JSON.stringify(text)} has no scope`);
  }
  files++;
}
console.log(`grammar: ${checks} scope checks passed; ${files} examples tokenized, every token scoped`);
