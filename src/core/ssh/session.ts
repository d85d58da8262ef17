/**
 * One SSH session from an ECS secret, ready to run: the secret is read (with its ExtendedConfig), the target resolved,
 * and for the SSHKey sub-type a private agent holds the key. The caller runs `invocation` (the CLI as a child process,
 * the editor as an integrated terminal) and disposes the session when that ends; dispose ends the agent and removes
 * its folder. Nothing here writes the key or the password anywhere.
 */
import type { SecretValue } from '../kms/types';
import { DEFAULT_KEY_LIFETIME_SECONDS, PrivateAgent } from './agent';
import { ecsCredentialFrom } from './credential';
import { buildSshInvocation, SshInvocation } from './invocation';
import { resolveTarget, SshTarget, TargetOverrides } from './target';
import { requireTools } from './tools';

/** Reads an ECS secret's current value with its ExtendedConfig, e.g. `ecsSecretReader(client)`. */
export type ReadEcsSecret = (name: string) => Promise<SecretValue>;

/** The reader for a KmsClient: ACSCurrent, ExtendedConfig included, never an earlier cached value. */
export const ecsSecretReader =
  (client: {
    getSecretValue(name: string, options: { fetchExtendedConfig: boolean; fresh: boolean }): Promise<SecretValue>;
  }): ReadEcsSecret =>
  (name) =>
    client.getSecretValue(name, { fetchExtendedConfig: true, fresh: true });

export interface SshSessionRequest extends TargetOverrides {
  secretName: string;
  /** `-o` options passed through to ssh (after ours). */
  sshOptions?: readonly string[];
  remoteCommand?: readonly string[];
  /** How long the agent keeps the key (ssh-add -t); default 300 s. Remote-SSH reconnects want longer. */
  keyLifetimeSeconds?: number;
  /** Environment for finding the tools and for ssh; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where the agent's 0700 folder is made (default XDG_RUNTIME_DIR or the temp folder). */
  agentBaseDir?: string;
}

export interface SshSession {
  secretName: string;
  subType: 'SSHKey' | 'Password';
  target: SshTarget;
  instanceId?: string;
  regionId?: string;
  invocation: SshInvocation;
  /** The live agent (SSHKey only): for a Remote-SSH Host entry, see formatRemoteSshHost. */
  agent?: { socketPath: string; identityFile: string; pid: number; dir: string };
  /** Ends the agent and removes its folder; safe to call more than once. */
  dispose(): Promise<void>;
  /** The same for exit hooks and signal handlers. */
  disposeSync(): void;
}

export async function openSshSession(read: ReadEcsSecret, request: SshSessionRequest): Promise<SshSession> {
  const env = request.env ?? process.env;
  requireTools(['ssh'], env); // before the secret is read: no read for a session that cannot start
  const secret = await read(request.secretName);
  const credential = ecsCredentialFrom(secret);
  const target = resolveTarget(credential, secret.extended, request);
  const base = {
    secretName: request.secretName,
    subType: credential.subType,
    target,
    ...(secret.extended?.instanceId && { instanceId: secret.extended.instanceId }),
    ...(secret.extended?.regionId && { regionId: secret.extended.regionId }),
  };
  const invocationBase = { target, options: request.sshOptions, remoteCommand: request.remoteCommand, env };

  if (credential.subType === 'Password') {
    const tools = requireTools(['ssh', 'sshpass'], env);
    const invocation = buildSshInvocation({
      ...invocationBase,
      ssh: tools.ssh,
      auth: { kind: 'password', password: credential.password, sshpass: tools.sshpass },
    });
    return { ...base, invocation, dispose: async () => undefined, disposeSync: () => undefined };
  }

  const tools = requireTools(['ssh', 'ssh-agent', 'ssh-add'], env);
  const agent = await PrivateAgent.start({
    sshAgent: tools['ssh-agent'],
    sshAdd: tools['ssh-add'],
    baseDir: request.agentBaseDir,
    env,
  });
  try {
    await agent.addKey(credential.privateKey, request.keyLifetimeSeconds ?? DEFAULT_KEY_LIFETIME_SECONDS);
    const invocation = buildSshInvocation({
      ...invocationBase,
      ssh: tools.ssh,
      auth: { kind: 'agent', socketPath: agent.socketPath, identityFile: agent.identityFile },
    });
    return {
      ...base,
      invocation,
      agent: { socketPath: agent.socketPath, identityFile: agent.identityFile, pid: agent.pid, dir: agent.dir },
      dispose: () => agent.stop(),
      disposeSync: () => agent.stopSync(),
    };
  } catch (error) {
    await agent.stop();
    throw error;
  }
}
