/**
 * `kms-secrets ssh <ecs-secret-name> [--host H] [--port P] [--user U] [-o opt]… [connection flags] [-- command…]`: the
 * Bastionhost way from a terminal. The secret is read from KMS at each connection and never shown or written; the
 * private agent (SSHKey) is ended and its folder removed when ssh returns, on errors, and on SIGINT/SIGTERM/SIGHUP.
 */
import { constants } from 'node:os';
import { Writable } from 'node:stream';
import { createKmsClient, isKmsError } from '../core/kms';
import { Redactor } from '../core/redaction';
import { ecsSecretReader, isSshError, openSshSession, ReadEcsSecret, SshSession } from '../core/ssh';
import type { KmsConnectionOptions } from './runCommand';
import { UsageError } from './run/args';
import { runChild } from './run/child';
import { parseSshArgs, SSH_HELP } from './ssh/args';

/** ssh's own convention: 255 when the session could not be made. */
const SETUP_FAILED = 255;
const SSHPASS_UNKNOWN_HOST_KEY = 6;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface SshDependencies {
  createReader: (options: KmsConnectionOptions) => Promise<ReadEcsSecret>;
  env: NodeJS.ProcessEnv;
  stdout: Writable;
  stderr: Writable;
}

async function defaultCreateReader(options: KmsConnectionOptions): Promise<ReadEcsSecret> {
  const source = options.profile ? { kind: 'profile' as const, name: options.profile } : { kind: 'chain' as const };
  const client = await createKmsClient(
    { source, region: options.region, endpoint: options.endpoint },
    { redactor: new Redactor(), cache: false },
  );
  return ecsSecretReader(client);
}

export async function sshCommand(argv: string[], overrides: Partial<SshDependencies> = {}): Promise<number> {
  const deps: SshDependencies = {
    createReader: defaultCreateReader,
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    ...overrides,
  };
  const fail = (message: string, code = SETUP_FAILED): number => {
    deps.stderr.write(`kms-secrets ssh: ${message}\n`);
    return code;
  };

  let args;
  try {
    args = parseSshArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n\n${SSH_HELP}`, 2);
    throw error;
  }
  if (args.help) {
    deps.stdout.write(`${SSH_HELP}\n`);
    return 0;
  }

  // Until ssh runs, a signal ends this process at once; the exit hook of the agent module ends any agent. While ssh
  // runs, runChild forwards the signal to it and the session is disposed when it returns.
  let sshRunning = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!sshRunning) process.exit(128 + (constants.signals[signal] ?? 0));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  let session: SshSession | undefined;
  try {
    try {
      const read = await deps.createReader({
        endpoint: args.endpoint ?? (deps.env.KMS_SECRETS_ENDPOINT || undefined),
        profile: args.profile,
        region: args.region,
      });
      session = await openSshSession(read, {
        secretName: args.secretName as string,
        host: args.host,
        port: args.port,
        user: args.user,
        sshOptions: args.options,
        remoteCommand: args.remoteCommand,
        env: withoutOwnVariables(deps.env),
      });
    } catch (error) {
      if (isSshError(error) && error.kind === 'no-host')
        return fail(
          `${args.secretName} names no host: pass --host, or add "host" to the CustomData of its ExtendedConfig.`,
        );
      if (isSshError(error) || isKmsError(error)) return fail(error.message);
      return fail(`cannot start the session: ${error instanceof Error ? error.message : String(error)}`);
    }
    sshRunning = true;
    const piped = overrides.stdout !== undefined || overrides.stderr !== undefined;
    const code = await runChild(session.invocation.file, session.invocation.args, {
      env: session.invocation.env,
      label: 'kms-secrets ssh',
      ...(piped && { stdout: deps.stdout, stderr: deps.stderr }),
    });
    // sshpass answers an unknown host key with a silent exit code 6.
    if (session.subType === 'Password' && code === SSHPASS_UNKNOWN_HOST_KEY) {
      fail(
        'exit code 6 from sshpass means an unknown host key (unless the remote command returned 6): connect once with ssh to check and accept it, or pass -o StrictHostKeyChecking=accept-new.',
      );
    }
    return code;
  } finally {
    await session?.dispose();
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}

/** This tool's own settings do not travel to ssh. */
function withoutOwnVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { KMS_SECRETS_ENDPOINT: _endpoint, ...rest } = env;
  return rest;
}
