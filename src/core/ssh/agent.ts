/**
 * A private ssh-agent for one session: its socket lives in a fresh 0700 folder, the key reaches it only through
 * `ssh-add -` on stdin (never a file, argv, env variable or log), with a lifetime, and the agent ends with the session.
 *
 * The agent runs under a tiny supervisor shell whose stdin is a pipe from this process: closing the pipe (stop), or this
 * process dying in any way (even SIGKILL, which no handler sees) ends the shell's `read`, and the shell then kills and
 * reaps the agent. The supervisor runs in its own process group, so a Ctrl-C meant for ssh never reaches the agent.
 */
import * as l10n from '@vscode/l10n';
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SshError } from './errors';

export const DEFAULT_KEY_LIFETIME_SECONDS = 300;
const MAX_KEY_LIFETIME_SECONDS = 7 * 24 * 3600;
const START_TIMEOUT_MS = 10_000;
const ADD_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 3_000;
/** sun_path is 108 bytes on Linux, 104 on macOS. */
const MAX_SOCKET_PATH_BYTES = 100;

// "$1" ssh-agent, "$2" socket. The shell lets go of stdout/stderr so that they end when the agent ends; `read` returns
// only at EOF (nothing is ever written), then the agent is ended and reaped.
const SUPERVISOR =
  '"$1" -D -a "$2" & agent=$!; exec >/dev/null 2>&1; read -r _; kill "$agent" 2>/dev/null; wait "$agent"';

export interface AgentOptions {
  /** Path of ssh-agent and ssh-add (see requireTools). */
  sshAgent: string;
  sshAdd: string;
  /** Where the 0700 folder is made; default $XDG_RUNTIME_DIR when usable, else the temp folder. */
  baseDir?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Agents not yet stopped, also those still starting: one process-exit hook ends them synchronously (a CLI or extension
 * host that exits early). Process-wide on purpose: an exit hook is process-wide.
 */
const live = new Set<{ stopSync(): void }>();
let exitHookInstalled = false;
function track(agent: { stopSync(): void }): void {
  live.add(agent);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const a of [...live]) a.stopSync();
    });
  }
}

export class PrivateAgent {
  /** The public half of the added key, written after addKey: ssh's IdentityFile selects that agent key. */
  readonly identityFile: string;
  private stopping: Promise<void> | undefined;
  private stopped = false;
  /** Set when stop had to SIGKILL both: the agent's pid may already be reaped and reused. */
  private killed = false;

  private constructor(
    readonly dir: string,
    readonly socketPath: string,
    private readonly supervisor: ChildProcess,
    /** The agent's own pid (a child of the supervisor). */
    readonly pid: number,
    private readonly options: AgentOptions,
  ) {
    this.identityFile = join(dir, 'identity.pub');
  }

  static async start(options: AgentOptions): Promise<PrivateAgent> {
    const dir = makePrivateDir(options.baseDir ?? defaultBaseDir(options.env ?? process.env));
    const socketPath = join(dir, 'agent.sock');
    let supervisor: ChildProcess;
    try {
      supervisor = spawn('/bin/sh', ['-c', SUPERVISOR, 'kms-secrets-ssh-agent', options.sshAgent, socketPath], {
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { PATH: (options.env ?? process.env).PATH ?? '/usr/bin:/bin' },
      });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw new SshError('agent-failed', 'ssh-agent could not be started.', String(error));
    }
    const starting = {
      stopSync: () => {
        supervisor.stdin?.destroy(); // the supervisor then ends and reaps the agent
        rmSync(dir, { recursive: true, force: true });
      },
    };
    track(starting);
    try {
      const pid = await waitForAgent(supervisor);
      const agent = new PrivateAgent(dir, socketPath, supervisor, pid, options);
      track(agent);
      // Neither the process handle nor its pipes may keep a CLI or a test run alive: the exit hook and the supervisor
      // end the agent. Whatever the agent prints later is drained, so it never blocks on a full pipe.
      supervisor.unref();
      for (const stream of [supervisor.stdout, supervisor.stderr]) {
        stream?.resume();
        unrefStream(stream);
      }
      unrefStream(supervisor.stdin);
      return agent;
    } catch (error) {
      starting.stopSync();
      throw error;
    } finally {
      live.delete(starting);
    }
  }

  get running(): boolean {
    return !this.stopped && this.stopping === undefined;
  }

  /** `ssh-add -t <lifetime> -` with the key on stdin; then writes the public half for IdentityFile. */
  async addKey(privateKey: string, lifetimeSeconds = DEFAULT_KEY_LIFETIME_SECONDS): Promise<void> {
    if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 1 || lifetimeSeconds > MAX_KEY_LIFETIME_SECONDS) {
      throw new SshError(
        'bad-input',
        l10n.t('Key lifetimes are whole seconds from 1 to {0}.', MAX_KEY_LIFETIME_SECONDS),
      );
    }
    if (!this.running) throw new SshError('agent-failed', l10n.t('The ssh-agent of this session has already ended.'));
    const added = await this.sshAdd(['-t', String(lifetimeSeconds), '-'], privateKey);
    if (added.code !== 0) {
      const detail = withoutKeyLines(added.stderr, privateKey);
      throw new SshError('key-rejected', keyProblem(detail), detail);
    }
    const listed = await this.sshAdd(['-L']);
    const publicKeys = listed.stdout.split('\n').filter((line) => line.trim() !== '');
    if (listed.code !== 0 || publicKeys.length === 0)
      throw new SshError(
        'agent-failed',
        l10n.t('The key was added but the ssh-agent does not list it.'),
        listed.stderr,
      );
    writeFileSync(this.identityFile, `${publicKeys[publicKeys.length - 1]}\n`, { mode: 0o600 });
  }

  /** Ends the agent (it forgets the key), waits for it, and removes the folder. Safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (!this.stopped && !this.supervisorExited) {
        this.supervisor.ref();
        const exited = new Promise<void>((resolve) => this.supervisor.once('exit', () => resolve()));
        this.supervisor.stdin?.end();
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS));
        if ((await Promise.race([exited, timeout])) === 'timeout') {
          killQuietly(this.pid, 'SIGKILL');
          killQuietly(this.supervisor.pid, 'SIGKILL');
          this.killed = true;
        }
      }
      this.stopSync();
    })();
    return this.stopping;
  }

  /** For exit hooks and signal handlers, where nothing asynchronous runs any more. */
  stopSync(): void {
    if (this.stopped) return;
    this.stopped = true;
    live.delete(this);
    // The agent forgets the key now. While the supervisor lives it has not reaped the agent, so that pid cannot belong
    // to anyone else yet; the supervisor stays alive to reap it once its stdin closes.
    if (!this.supervisorExited && !this.killed) killQuietly(this.pid, 'SIGTERM');
    this.supervisor.stdin?.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get supervisorExited(): boolean {
    return this.supervisor.exitCode !== null || this.supervisor.signalCode !== null;
  }

  private sshAdd(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.options.sshAdd, args, {
        // No terminal (own session) and no askpass: a passphrase-protected key fails instead of prompting.
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: {
          PATH: (this.options.env ?? process.env).PATH ?? '/usr/bin:/bin',
          SSH_AUTH_SOCK: this.socketPath,
          SSH_ASKPASS_REQUIRE: 'never',
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), ADD_TIMEOUT_MS);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new SshError('agent-failed', 'ssh-add could not be started.', String(error)));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.on('error', () => undefined); // ssh-add may exit before reading everything; its exit code says why
      child.stdin.end(input ?? '');
    });
  }
}

/**
 * ssh-agent -D prints `SSH_AUTH_SOCK=…; export …;` and `echo Agent pid N;` once its socket listens. Its stdout ends
 * without that line when it fails (the supervisor no longer holds the pipe).
 */
function waitForAgent(supervisor: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /Agent pid (\d+)/.exec(stdout);
      if (match) done(Number(match[1]));
    };
    const onStderr = (chunk: Buffer) => (stderr += chunk.toString('utf8'));
    const onEnd = () => done(new SshError('agent-failed', 'ssh-agent ended as soon as it started.', stderr.trim()));
    const onError = (error: Error) =>
      done(new SshError('agent-failed', 'ssh-agent could not be started.', String(error)));
    const timer = setTimeout(
      () => done(new SshError('agent-failed', 'ssh-agent did not start within 10 seconds.', stderr.trim())),
      START_TIMEOUT_MS,
    );
    function done(outcome: number | SshError): void {
      clearTimeout(timer);
      supervisor.stdout?.off('data', onStdout).off('end', onEnd);
      supervisor.stderr?.off('data', onStderr);
      supervisor.off('error', onError);
      if (typeof outcome === 'number') resolve(outcome);
      else reject(outcome);
    }
    supervisor.stdout?.on('data', onStdout).on('end', onEnd);
    supervisor.stderr?.on('data', onStderr);
    supervisor.on('error', onError);
  });
}

function defaultBaseDir(env: NodeJS.ProcessEnv): string {
  // XDG_RUNTIME_DIR is a per-user tmpfs (0700, never on disk) where systemd provides one.
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && runtime.startsWith('/')) {
    try {
      const stat = statSync(runtime);
      if (stat.isDirectory() && (stat.mode & 0o077) === 0 && stat.uid === process.getuid?.()) return runtime;
    } catch {
      // fall back to the temp folder
    }
  }
  return tmpdir();
}

function makePrivateDir(base: string): string {
  let dir = mkdtempSync(join(base, 'kms-ssh-'));
  if (Buffer.byteLength(join(dir, 'agent.sock')) > MAX_SOCKET_PATH_BYTES) {
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync('/tmp/kms-ssh-');
  }
  chmodSync(dir, 0o700); // mkdtemp already uses 0700; say it rather than rely on it
  return dir;
}

function killQuietly(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function unrefStream(stream: unknown): void {
  (stream as { unref?: () => void } | null)?.unref?.();
}

/** ssh-add never echoes its input, but the log gets its words only after every line of the key is taken out. */
function withoutKeyLines(text: string, key: string): string {
  const lines = new Set(
    key
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 8),
  );
  return text
    .split('\n')
    .filter((line) => ![...lines].some((keyLine) => line.includes(keyLine)))
    .join('\n')
    .trim();
}

function keyProblem(stderr: string): string {
  if (/passphrase/i.test(stderr))
    return "The secret's private key is protected by a passphrase: store it unencrypted in the ECS secret.";
  if (/invalid format|error loading key/i.test(stderr))
    return "The secret's private key is not in a format OpenSSH reads (PEM or OpenSSH): check the ECS secret's PrivateKey.";
  return "ssh-add could not load the secret's private key into the session's ssh-agent.";
}
