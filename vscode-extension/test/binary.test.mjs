// The binary resolution order: PRIVLINT_PATH → privlint.path → bundled bin/privlint → PATH, and
// what "not found" says was searched. src/binary.ts has no dependency on vscode, so it is
// bundled with esbuild and tested in plain Node.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const scratch = mkdtempSync(join(tmpdir(), 'privlint-binary-test-'));
try {
  const bundle = join(scratch, 'binary.cjs');
  await esbuild.build({ entryPoints: [join(here, 'src', 'binary.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
  const { findBinary } = createRequire(import.meta.url)(bundle);

  const exe = (path) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  };
  const extension = join(scratch, 'ext');
  const bundled = join(extension, 'bin', 'privlint');
  const onPathDir = join(scratch, 'pathdir');
  const fromPath = exe(join(onPathDir, 'privlint'));
  const custom = exe(join(scratch, 'custom', 'privlint'));
  const ws = join(scratch, 'ws');
  const inWs = exe(join(ws, 'tools', 'privlint'));
  const notExe = join(scratch, 'plain');
  writeFileSync(notExe, 'not a program');
  const base = { env: { PATH: `/nonexistent:${onPathDir}` }, setting: '', extensionPath: extension, workspaceFolder: ws, platform: 'linux' };

  // PATH when nothing else is there.
  assert.deepEqual(findBinary(base), { path: fromPath, origin: 'PATH' });
  // The bundled binary before PATH.
  exe(bundled);
  assert.deepEqual(findBinary(base), { path: bundled, origin: 'bundled' });
  // The setting before the bundled binary; relative paths and ${workspaceFolder} from the workspace.
  assert.deepEqual(findBinary({ ...base, setting: custom }), { path: custom, origin: 'privlint.path' });
  assert.deepEqual(findBinary({ ...base, setting: 'tools/privlint' }), { path: inWs, origin: 'privlint.path' });
  assert.deepEqual(findBinary({ ...base, setting: '${workspaceFolder}/tools/privlint' }), { path: inWs, origin: 'privlint.path' });
  // A bare name in the setting is looked up on PATH.
  assert.deepEqual(findBinary({ ...base, setting: 'privlint' }), { path: fromPath, origin: 'privlint.path' });
  // PRIVLINT_PATH before everything.
  assert.deepEqual(findBinary({ ...base, env: { ...base.env, PRIVLINT_PATH: custom }, setting: inWs }), { path: custom, origin: 'PRIVLINT_PATH' });
  // A setting that names no executable is reported, not replaced by another binary.
  const bad = findBinary({ ...base, setting: notExe });
  assert.equal(bad.path, undefined);
  assert.match(bad.badSetting, /privlint\.path setting is ".*plain", which is not an executable file/);
  // Nothing anywhere: every place searched is named.
  rmSync(bundled);
  const none = findBinary({ ...base, env: { PATH: '/nonexistent' } });
  assert.equal(none.path, undefined);
  assert.deepEqual(none.searched, [
    'the PRIVLINT_PATH environment variable: not set',
    'the privlint.path setting: not set',
    `the binary bundled with the extension: ${bundled} (not present)`,
    'privlint on PATH: not found',
  ]);
  console.log('binary resolution: 9 cases passed');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
