/** Runs the command: environment, masked output, forwarded signals, exit code with 128+n semantics. */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { Writable } from 'node:stream';
import { MaskedOutput } from '../../core/masking/maskedOutput';

export interface ChildOptions {
  env: Record<string, string>;
  /** Values to mask in stdout/stderr; undefined = no masking. */
  mask?: readonly string[];
  /** Where the command's output goes (default: ours; inherited directly when not masking). */
  stdout?: Writable;
  stderr?: Writable;
  /** Prefix of our own messages (default `kms-secrets run`). */
  label?: string;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];

export function runChild(command: string, args: readonly string[], options: ChildOptions): Promise<number> {
  const masking = options.mask !== undefined;
  // Without masking the command inherits our stdout/stderr (keeping its terminal) unless the caller captures them.
  const piped = masking || options.stdout !== undefined || options.stderr !== undefined;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: options.env,
      stdio: ['inherit', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'],
      shell: false,
      windowsHide: true,
    });
    const outputsDone: Array<Promise<void>> = [];
    if (piped && child.stdout && child.stderr) {
      for (const [source, target] of [
        [child.stdout, stdout],
        [child.stderr, stderr],
      ] as const) {
        const masked = new MaskedOutput(options.mask ?? [], (chunk) => target.write(chunk));
        source.on('data', (chunk: Buffer) => masked.write(chunk));
        outputsDone.push(
          new Promise((done) =>
            source.on('close', () => {
              masked.end();
              done();
            }),
          ),
        );
      }
    }
    const handlers = new Map<NodeJS.Signals, () => void>();
    for (const signal of FORWARDED) {
      if (process.platform === 'win32' && signal !== 'SIGINT' && signal !== 'SIGTERM') continue;
      const handler = (): void => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      };
      handlers.set(signal, handler);
      process.on(signal, handler);
    }
    const cleanup = (): void => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      const code = error.code === 'ENOENT' ? 127 : error.code === 'EACCES' ? 126 : 1;
      const reason =
        error.code === 'ENOENT' ? 'command not found' : error.code === 'EACCES' ? 'permission denied' : error.message;
      stderr.write(`${options.label ?? 'kms-secrets run'}: ${command}: ${reason}\n`);
      resolve(code);
    });
    child.on('close', (code, signal) => {
      cleanup();
      void Promise.all(outputsDone).then(() => {
        if (signal) resolve(128 + (constants.signals[signal] ?? 0));
        else resolve(code ?? 1);
      });
    });
  });
}
