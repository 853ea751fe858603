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
  remark """two
lines with "quotes" inside"""
  cookies strictly_necessary, analytics
  direct_marketing email
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
// `remark` is no field: an unknown field is not coloured as a keyword (privlint reports it).
expect(t, 'remark', 'variable.other');
// (v3) The kinds of cookies and the channels of direct marketing are vocabulary words; `email`
// is a channel after `direct_marketing` and a field name at the start of a statement.
expect(t, 'cookies', 'keyword.other');
expect(t, 'analytics', 'constant.language');
expect(t, 'direct_marketing', 'keyword.other');
expect(t, 'email', 'constant.language');
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

// (v2) The new words, and translations.
const v2 = `representative "Rep" { country eea }
subject staff "Ansatte" { employee }
notice "Personvern" {
  languages nb, nn, en
}
processor p "P" {
  country NO, outside_eea
  safeguard derogation contract_in_interest "grunn"
}
purpose q "Nyhetsbrev" en "Newsletter" nn "Nyheitsbrev" {
  online_service
  provision precontractual "Uten dem ingen avtale" en "No contract without them"
  reuses earlier
}
`;
const t2 = tokenize(v2);
expect(t2, 'representative', 'keyword.other');
expect(t2, 'eea', 'constant.language');
expect(t2, 'employee', 'keyword.other');
expect(t2, 'languages', 'keyword.other');
expect(t2, 'nb', 'entity.name.tag.language');
expect(t2, 'nn', 'entity.name.tag.language');
expect(t2, 'en', 'entity.name.tag.language');
expect(t2, 'outside_eea', 'constant.language');
expect(t2, 'derogation', 'constant.language');
expect(t2, 'contract_in_interest', 'constant.language');
expect(t2, 'Nyhetsbrev', 'string.quoted.double');
expect(t2, 'en', 'entity.name.tag.language', 1);
expect(t2, 'Newsletter', 'string.quoted.double');
expect(t2, 'nn', 'entity.name.tag.language', 1);
expect(t2, 'online_service', 'keyword.other');
expect(t2, 'provision', 'keyword.other');
expect(t2, 'precontractual', 'constant.language');
expect(t2, 'en', 'entity.name.tag.language', 2);
expect(t2, 'reuses', 'keyword.other');
expect(t2, 'earlier', 'variable.other');

// Every field of core/src/fields.rs is a keyword as a statement name, and every word of the
// vocabularies of core/src/vocab/mod.rs that stands after a field is constant.language (the
// Rust test server/src/features/vocabulary_agrees.rs checks the same lists against the tables
// themselves, and completion).
const core = join(here, '..', 'core', 'src');
const fieldNames = [...new Set(
  [...readFileSync(join(core, 'fields.rs'), 'utf8').matchAll(/=> "([a-z_]+)", Takes::/g)].map((m) => m[1]),
)];
const vocab = readFileSync(join(core, 'vocab', 'mod.rs'), 'utf8');
// The vocabularies whose words are values; RightKind and Claim are the fields of rights and claims.
const valueVocabularies = ['LegalBasis', 'Condition', 'TransferSafeguard', 'DerogationGround', 'Provision', 'DecisionSafeguard'];
const valueWords = ['eea', 'outside_eea'];
for (const name of valueVocabularies) {
  const body = vocab.match(new RegExp(`\\n    ${name} \\{([\\s\\S]*?)\\n    \\}`));
  assert.ok(body, `vocabulary ${name} not found in core/src/vocab/mod.rs`);
  const words = [...body[1].matchAll(/=> "([a-z_]+)", "/g)].map((m) => m[1]);
  assert.ok(words.length > 0, `no words in ${name}`);
  valueWords.push(...words);
}
assert.ok(fieldNames.length > 50, `only ${fieldNames.length} fields read from fields.rs`);
const names = tokenize(fieldNames.join('\n'));
for (const name of fieldNames) expect(names, name, 'keyword.other');
const values = tokenize(valueWords.map((w, i) => `v${i} ${w}`).join('\n'));
for (const word of valueWords) expect(values, word, 'constant.language');

// Every snippet, expanded with its defaults (the first of a choice): each line's first word is
// a field name the grammar colours as a keyword.
const snippets = JSON.parse(readFileSync(join(here, 'snippets', 'privacy.json'), 'utf8'));
function expandSnippet(body) {
  return body
    .join('\n')
    .replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/g, '2025-01-01')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\t/g, '  ');
}
for (const [title, snippet] of Object.entries(snippets)) {
  const text = expandSnippet(snippet.body);
  assert.ok(!text.includes('$'), `${title}: ${text}`);
  let state = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    const first = r.tokens.find((tok) => line.slice(tok.startIndex, tok.endIndex).trim() !== '');
    if (!first || /^\s*[#}]/.test(line)) continue;
    const scope = first.scopes[first.scopes.length - 1];
    assert.ok(scope.startsWith('keyword.other'), `snippet ${title}: ${JSON.stringify(line)} starts with ${scope}`);
    checks++;
  }
}

// Every example of the repository: every token has a scope below source.privacy, and every
// line's first word is a keyword unless it continues a list or a text block.
let files = 0;
for (const dir of [join(here, '..', 'examples'), join(here, '..', 'examples-v2')]) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    continue; // examples-v2/ is not in every checkout yet
  }
  for (const name of entries.filter((n) => n.endsWith('.privacy'))) {
    const tokens = tokenize(readFileSync(join(dir, name), 'utf8'));
    for (const [text, scope] of tokens) {
      assert.notEqual(scope, 'source.privacy', `${name}: ${JSON.stringify(text)} has no scope`);
    }
    files++;
  }
}
console.log(`grammar: ${checks} scope checks passed; ${files} examples tokenized, every token scoped`);
