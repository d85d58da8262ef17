/**
 * The process behind the Run-with-Secrets terminal (bundled as dist/maskedShell.js; VS Code starts it with Node as the
 * terminal's "shell"). It starts the user's shell and passes everything it prints through the output masker, so a
 * program that prints a secret shows a mask there too.
 *
 * Where `script` exists (Linux util-linux, macOS, BSD) the shell gets a pseudo-terminal of its own from it — prompts,
 * colours, line editing and full-screen programs work as usual — and we only see and mask the bytes on their way to VS
 * Code. Elsewhere (Windows) the shell's output is piped through the masker directly: it works, but programs see no
 * terminal on their output.
 *
 * Inputs (environment, set by terminal.ts): KMS_SECRETS_MASKED, names of the variables whose values are masked;
 * KMS_SECRETS_SHELL and KMS_SECRETS_SHELL_ARGS (JSON), the shell to start; KMS_SECRETS_RUN_AS_NODE, set when
 * ELECTRON_RUN_AS_NODE was only added to start this file. None of them reaches the shell.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { MaskedOutput } from '../core/masking/maskedOutput';

export const MASKED_VARIABLE = 'KMS_SECRETS_MASKED';
export const SHELL_VARIABLE = 'KMS_SECRETS_SHELL';
export const SHELL_ARGS_VARIABLE = 'KMS_SECRETS_SHELL_ARGS';
export const RUN_AS_NODE_VARIABLE = 'KMS_SECRETS_RUN_AS_NODE';

/** POSIX shell single quoting. */
const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** How to start `shell` under a pseudo-terminal of its own, when this platform's `script` can. */
export function underScript(
  shell: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  platform = process.platform,
): { command: string; args: string[] } | undefined {
  if (platform === 'win32') return undefined;
  const script = findOnPath('script', env);
  if (!script) return undefined;
  // BSD/macOS: `script -q <file> <command…>`; util-linux: `script -q -e -c <command line> <file>`.
  if (platform === 'darwin' || platform.endsWith('bsd'))
    return { command: script, args: ['-q', '/dev/null', shell, ...args] };
  // `script` runs the line with the user's $SHELL (fish, zsh, …): `exec` stays bare, quoted it is no keyword to some.
  return { command: script, args: ['-q', '-e', '-c', `exec ${[shell, ...args].map(quote).join(' ')}`, '/dev/null'] };
}

export function main(): void {
  const env = { ...process.env };
  const names = (env[MASKED_VARIABLE] ?? '').split(',').filter(Boolean);
  const values = names.map((name) => env[name]).filter((value): value is string => !!value);
  const shell = env[SHELL_VARIABLE] || env.SHELL || (process.platform === 'win32' ? 'cmd.exe' : '/bin/sh');
  let args: string[] = [];
  try {
    const parsed: unknown = JSON.parse(env[SHELL_ARGS_VARIABLE] || '[]');
    if (Array.isArray(parsed)) args = parsed.filter((a): a is string => typeof a === 'string');
  } catch {
    // No usable arguments: the shell starts without any.
  }
  if (env[RUN_AS_NODE_VARIABLE]) delete env.ELECTRON_RUN_AS_NODE;
  for (const name of [MASKED_VARIABLE, SHELL_VARIABLE, SHELL_ARGS_VARIABLE, RUN_AS_NODE_VARIABLE]) delete env[name];

  const pty = underScript(shell, args, env);
  const child = pty
    ? spawn(pty.command, pty.args, { env, stdio: ['inherit', 'pipe', 'inherit'] })
    : spawn(shell, args, { env, stdio: ['inherit', 'pipe', 'pipe'], windowsHide: true });
  for (const [source, target] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    if (!source) continue;
    const output = new MaskedOutput(values, (chunk) => target.write(chunk));
    source.on('data', (chunk: Buffer) => output.write(chunk));
    source.on('end', () => output.end());
  }
  child.on('error', (error) => {
    process.stderr.write(`KMS Secrets: could not start ${shell}: ${error.message}\r\n`);
    process.exitCode = 127;
  });
  child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 128 : 1);
  });
}

if (require.main === module) main();
