// Finds the privlint binary: PRIVLINT_PATH (environment, for tests) → the `privlint.path`
// setting → the binary bundled with the extension (<extension>/bin/privlint) → `privlint` on PATH.
// Every place looked at is recorded, so that "not found" can say what was searched.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Found {
  path: string;
  /** Where it came from, for the output channel and the language status item. */
  origin: 'PRIVLINT_PATH' | 'privlint.path' | 'bundled' | 'PATH';
}

export interface NotFound {
  /** One line per place searched, e.g. "the privlint.path setting: not set". */
  searched: string[];
  /** Set when privlint.path (or PRIVLINT_PATH) names a file that is not an executable. */
  badSetting?: string;
}

export interface Inputs {
  env: NodeJS.ProcessEnv;
  setting: string | undefined;
  extensionPath: string;
  /** The first workspace folder: a relative privlint.path is resolved against it. */
  workspaceFolder: string | undefined;
  platform: NodeJS.Platform;
}

export const EXE_NAME = (platform: NodeJS.Platform): string =>
  platform === 'win32' ? 'privlint.exe' : 'privlint';

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** `~`, `${userHome}` and `${workspaceFolder}` are expanded; a relative path is taken from the workspace folder. */
export function expand(setting: string, workspaceFolder: string | undefined): string {
  let p = setting.trim();
  if (p === '~' || p.startsWith('~/')) {
    p = path.join(os.homedir(), p.slice(1));
  }
  p = p.replace(/\$\{userHome\}/g, os.homedir());
  if (workspaceFolder) {
    p = p.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (!path.isAbsolute(p) && workspaceFolder && (p.includes('/') || p.includes('\\'))) {
    p = path.join(workspaceFolder, p);
  }
  return p;
}

function onPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((d) => d !== '');
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name.endsWith(ext.toLowerCase()) ? name : name + ext);
      if (isExecutable(candidate, platform)) {
        return candidate;
      }
    }
  }
  return undefined;
}

export function findBinary(inputs: Inputs): Found | NotFound {
  const { env, platform } = inputs;
  const searched: string[] = [];

  // An explicit choice that does not work is reported, not silently replaced by another binary.
  const explicit: [Found['origin'], string | undefined][] = [
    ['PRIVLINT_PATH', env.PRIVLINT_PATH],
    ['privlint.path', inputs.setting],
  ];
  for (const [origin, value] of explicit) {
    if (value === undefined || value.trim() === '') {
      searched.push(origin === 'PRIVLINT_PATH' ? 'the PRIVLINT_PATH environment variable: not set' : 'the privlint.path setting: not set');
      continue;
    }
    const expanded = expand(value, inputs.workspaceFolder);
    // A bare name ("privlint") is looked up on PATH.
    const resolved = path.isAbsolute(expanded) ? expanded : onPath(expanded, env, platform);
    if (resolved && isExecutable(resolved, platform)) {
      return { path: resolved, origin };
    }
    const what = origin === 'PRIVLINT_PATH' ? 'the PRIVLINT_PATH environment variable' : 'the privlint.path setting';
    searched.push(`${what}: ${value} (not an executable file)`);
    return { searched, badSetting: `${what} is "${value}", which is not an executable file` };
  }

  const bundled = path.join(inputs.extensionPath, 'bin', EXE_NAME(platform));
  if (isExecutable(bundled, platform)) {
    return { path: bundled, origin: 'bundled' };
  }
  searched.push(`the binary bundled with the extension: ${bundled} (not present)`);

  const fromPath = onPath(EXE_NAME(platform), env, platform);
  if (fromPath) {
    return { path: fromPath, origin: 'PATH' };
  }
  searched.push(`${EXE_NAME(platform)} on PATH: not found`);
  return { searched };
}

export function isFound(r: Found | NotFound): r is Found {
  return (r as Found).path !== undefined;
}
