import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * Hands resolved values to a Node debuggee that runs in a terminal without putting them on the command line (VS Code
 * writes a terminal launch's env as shell assignments in front of the command). The values go into a JSON file, mode
 * 0600, in a fresh 0700 directory; a small preload (`node --require`) reads it, deletes it at once and sets
 * process.env. Only the file's path appears in the terminal. The directory goes when the session ends, and stale ones
 * are swept at activation.
 */
export const HANDOFF_VARIABLE = 'KMS_SECRETS_ENV_FILE';
export const HANDOFF_PREFIX = 'kms-secrets-handoff-';

const PRELOAD = `'use strict';
// Written by the KMS Secrets extension: moves the secret values of a debug launch from a private one-shot file into
// process.env, so they never appear on the terminal's command line.
(() => {
  const fs = require('fs');
  const file = process.env.${HANDOFF_VARIABLE};
  delete process.env.${HANDOFF_VARIABLE};
  if (!file) return;
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    process.stderr.write('KMS Secrets: the secret hand-off file is gone, so no secrets were injected (restart the debug session).\\n');
    return;
  }
  try { fs.unlinkSync(file); } catch {}
  const values = JSON.parse(text);
  for (const key of Object.keys(values)) process.env[key] = values[key];
})();
`;

export interface Handoff {
  dir: string;
  preload: string;
  envFile: string;
}

export function createHandoff(values: Record<string, string>, root = tmpdir()): Handoff {
  const dir = mkdtempSync(path.join(root, HANDOFF_PREFIX));
  const envFile = path.join(dir, 'env.json');
  const preload = path.join(dir, 'preload.cjs');
  writeFileSync(envFile, JSON.stringify(values), { mode: 0o600, flag: 'wx' });
  writeFileSync(preload, PRELOAD, { mode: 0o600, flag: 'wx' });
  return { dir, preload, envFile };
}

export function removeHandoff(dir: string): void {
  if (!path.basename(dir).startsWith(HANDOFF_PREFIX)) return;
  rmSync(dir, { recursive: true, force: true });
}

/** Removes hand-off directories left by a crashed window; spares young ones, which another window may be launching with. */
export function sweepHandoffs(root = tmpdir(), olderThanMs = 60_000): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(HANDOFF_PREFIX)) continue;
    const dir = path.join(root, name);
    try {
      const stat = statSync(dir);
      if (!stat.isDirectory() || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) continue;
      if (now - stat.mtimeMs < olderThanMs) continue;
      rmSync(dir, { recursive: true, force: true });
      removed++;
    } catch {
      // Gone already, or not ours.
    }
  }
  return removed;
}
