// Copies the release binary of privlint (../target/release/privlint, built with
// `cargo build --release -p privlint`) into bin/, so that the .vsix bundles it. Without a
// release build the .vsix has no binary and the extension uses privlint.path or PATH.
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const exe = process.platform === 'win32' ? 'privlint.exe' : 'privlint';
const source = process.env.PRIVLINT_BUNDLE ?? join(here, '..', 'target', 'release', exe);
const target = join(here, 'bin', exe);

if (existsSync(source)) {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  chmodSync(target, 0o755);
  console.log(`bundled ${source} -> bin/${exe}`);
} else {
  // A binary left from an earlier build would be stale: the .vsix is built without one.
  rmSync(join(here, 'bin'), { recursive: true, force: true });
  console.log(`no ${source}: the .vsix bundles no binary (the extension uses privlint.path or PATH)`);
}
