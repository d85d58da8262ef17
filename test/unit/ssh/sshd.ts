/**
 * A real OpenSSH server for tests: its own config, host key, authorized key and port, listening on 127.0.0.1 only and
 * accepting only the user running the tests. CI runs as root, so nothing here relies on a system account or a system
 * file: root may log in with the test's key (prohibit-password), and a password login (root only) runs sshd in a
 * private mount namespace where /etc/shadow is a bind-mounted file holding a per-run random password for root alone.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from '../../../src/core/ssh';

const SBIN_PATH = `${process.env.PATH ?? ''}:/usr/sbin:/usr/local/sbin:/sbin`;

export interface TestSshd {
  port: number;
  user: string;
  /** `UserKnownHostsFile` holding this server's host key, so the client checks it strictly. */
  knownHostsFile: string;
  /** -o options every client of this server passes. */
  clientOptions: string[];
  log(): string;
  close(): Promise<void>;
}

export interface SshdOptions {
  /** Public keys (OpenSSH one-line form) that may log in. */
  authorizedKeys?: string[];
  /** Accept this password for the test user (root only, see passwordLoginUnavailable). */
  password?: string;
}

/** Why the tests cannot run here, or undefined. CI installs openssh-server and sshpass (.ci/run). */
export function sshdUnavailable(): string | undefined {
  if (process.platform === 'win32') return 'sshd tests need Linux or macOS';
  for (const tool of ['sshd', 'ssh-keygen', 'ssh', 'ssh-agent', 'ssh-add'])
    if (!findExecutable(tool, { PATH: SBIN_PATH })) return `${tool} is not installed (Debian: openssh-server)`;
  return undefined;
}

export function passwordLoginUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'a password login needs root (sshd reads /etc/shadow)';
  if (!findExecutable('sshpass', { PATH: SBIN_PATH })) return 'sshpass is not installed';
  for (const tool of ['unshare', 'openssl'])
    if (!findExecutable(tool, { PATH: SBIN_PATH })) return `${tool} is not installed`;
  try {
    execFileSync('unshare', ['--mount', 'true'], { stdio: 'ignore' });
  } catch {
    return 'private mount namespaces are not allowed here (unshare --mount)';
  }
  return undefined;
}

/** In CI a missing tool is a failure, elsewhere a skip with the reason. */
export function skipUnless(context: Mocha.Context, reason: string | undefined): void {
  if (!reason) return;
  if (process.env.CI) throw new Error(`${reason}; .ci/run installs it`);
  context.skip();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startSshd(options: SshdOptions): Promise<TestSshd> {
  const sshd = findExecutable('sshd', { PATH: SBIN_PATH }) as string;
  const dir = mkdtempSync(join(tmpdir(), 'kms-sshd-'));
  const user = userInfo().username;
  const root = process.getuid?.() === 0;
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'kms-test-host', '-f', join(dir, 'host_key')]);
  writeFileSync(join(dir, 'authorized_keys'), (options.authorizedKeys ?? []).map((k) => `${k}\n`).join(''), {
    mode: 0o600,
  });
  // sshd running as root needs its privilege-separation folder (Debian creates it only when the service starts).
  if (root && !existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755, recursive: true });

  const password = options.password !== undefined;
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const config = [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      'PidFile none',
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      // The key and config live in a temp folder under world-writable /tmp, which StrictModes would refuse.
      'StrictModes no',
      'UsePAM no',
      `AllowUsers ${user}`,
      `PermitRootLogin ${password ? 'yes' : 'prohibit-password'}`,
      `AuthenticationMethods ${password ? 'password' : 'publickey'}`,
      `PasswordAuthentication ${password ? 'yes' : 'no'}`,
      'KbdInteractiveAuthentication no',
      'AllowAgentForwarding no',
      'AllowTcpForwarding no',
      'X11Forwarding no',
      'PrintMotd no',
      // bash sources ~/.bashrc for commands run by sshd unless it is a nested shell; the test user's rc files (pyenv
      // set-ups and the like) must neither slow nor change the sessions.
      'SetEnv SHLVL=1',
      'LogLevel VERBOSE',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'sshd_config'), config);
    const sshdArgs = ['-D', '-e', '-f', join(dir, 'sshd_config')];
    let child: ChildProcess;
    if (password) {
      const hash = execFileSync('openssl', ['passwd', '-6', '-stdin'], { input: options.password }).toString().trim();
      writeFileSync(join(dir, 'shadow'), `${user}:${hash}:19000:0:99999:7:::\n`, { mode: 0o600 });
      // The bind mount exists only inside this sshd's private mount namespace; the real /etc/shadow is untouched.
      child = spawn(
        'unshare',
        [
          '--mount',
          'sh',
          '-c',
          'mount --bind "$1" /etc/shadow && shift && exec "$@"',
          'sh',
          join(dir, 'shadow'),
          sshd,
          ...sshdArgs,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } else {
      child = spawn(sshd, sshdArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    }
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      const check = () => {
        if (log.includes(`Server listening on 127.0.0.1 port ${port}`)) {
          clearTimeout(timer);
          resolve(true);
        }
      };
      child.stderr?.on('data', check);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (!ready) {
      lastError = log;
      child.kill('SIGKILL');
      continue; // most likely the port was taken in between
    }
    // A test run that ends early (a failed hook, Ctrl-C on mocha) must not leave a listening sshd behind.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const hostKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').trim();
    const knownHostsFile = join(dir, 'known_hosts');
    writeFileSync(knownHostsFile, `[127.0.0.1]:${port} ${hostKey}\n`);
    return {
      port,
      user,
      knownHostsFile,
      clientOptions: [
        `UserKnownHostsFile=${knownHostsFile}`,
        'StrictHostKeyChecking=yes',
        'GlobalKnownHostsFile=/dev/null',
      ],
      log: () => log,
      close: async () => {
        process.off('exit', killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`sshd did not start:\n${lastError}`);
}
