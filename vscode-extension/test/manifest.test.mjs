// What package.json promises about workspace trust: a workspace (a cloned pull request) cannot
// choose the program the extension runs. privlint.path names an executable, so it is
// `machine`-scoped (settable in user or remote settings, never in .vscode/settings.json or a
// .code-workspace file; `machine-overridable` would let a workspace set it) and listed in
// capabilities.untrustedWorkspaces.restrictedConfigurations (VS Code ignores a workspace value of
// it in Restricted Mode). Every setting that names a program is treated the same way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const settings = manifest.contributes.configuration.properties;

// The settings that name an executable: privlint.path, and any later one that describes a binary
// or program to run.
const programs = Object.entries(settings)
  .filter(([name, s]) => name.endsWith('.path') || /\b(binary|executable|program|command)\b/i.test(s.markdownDescription ?? s.description ?? ''))
  .map(([name]) => name);
assert.ok(programs.includes('privlint.path'), `privlint.path is a program setting: ${programs}`);

for (const name of programs) {
  assert.equal(settings[name].scope, 'machine', `${name} names a program: its scope must be "machine"`);
}

const trust = manifest.capabilities?.untrustedWorkspaces;
assert.ok(trust, 'package.json declares capabilities.untrustedWorkspaces');
assert.equal(trust.supported, 'limited');
assert.equal(typeof trust.description, 'string');
assert.deepEqual([...trust.restrictedConfigurations].sort(), [...programs].sort(),
  'restrictedConfigurations names exactly the settings that name a program');

console.log(`manifest: ${programs.join(', ')} machine-scoped and restricted in untrusted workspaces`);
