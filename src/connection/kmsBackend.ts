import { detectProfiles as detectOnMachine, KmsClient, type CredentialSource, type DetectedProfile } from '../core/kms';
import type { ProxySettings } from '../core/proxy';
import type { Redactor } from '../core/redaction';
import type { Log } from '../platform/log';
import type { SecretsBackend } from './backend';
import type { BackendFactory, ResolvedConnection } from './connectionManager';
import type { TypedCredentials } from './credentialStore';

export type { DetectedProfile };

const USER_AGENT = 'kms-secrets-vscode';

/** The client's credential source for a connection (typed-in credentials come from SecretStorage, passed in memory only). */
export function credentialSource(connection: ResolvedConnection): CredentialSource {
  const { source } = connection;
  if (source.kind === 'chain') return { kind: 'chain' };
  if (source.kind === 'profile') return { kind: 'profile', name: source.name };
  const c: TypedCredentials | undefined = connection.credentials;
  if (!c) throw new Error(`The credentials "${source.name}" are not in VS Code's secret storage. Sign in again.`);
  switch (c.mode) {
    case 'AK':
      return { kind: 'static', accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret };
    case 'StsToken':
      return {
        kind: 'static',
        accessKeyId: c.accessKeyId,
        accessKeySecret: c.accessKeySecret,
        securityToken: c.securityToken,
      };
    case 'RamRoleArn':
      return {
        kind: 'ramRoleArn',
        accessKeyId: c.accessKeyId,
        accessKeySecret: c.accessKeySecret,
        roleArn: c.roleArn,
        roleSessionName: c.roleSessionName,
      };
  }
}

/**
 * The SecretsBackend over the shared KMS client (src/core/kms): retries, error mapping, sanitising, paging and the
 * cache live there. Every value the client reads or writes is registered with the extension's redactor.
 */
export function kmsBackendFactory(redactor: Redactor, log: Log, proxy: () => ProxySettings): BackendFactory {
  return (connection) => {
    const client = new KmsClient(
      { source: credentialSource(connection), region: connection.region, endpoint: connection.endpoint || undefined },
      {
        redactor,
        userAgent: USER_AGENT,
        proxy,
        // Throttling and passing outages are retried silently for the user; the log says so (KmsError holds no request
        // detail).
        onRetry: (error, attempt, delayMs) =>
          log.debug(
            `Retrying ${error.action ?? 'a KMS request'} after ${error.code ?? error.kind} (attempt ${attempt}, in ${delayMs} ms).`,
          ),
      },
    );
    return new KmsBackend(client);
  };
}

class KmsBackend implements SecretsBackend {
  constructor(private readonly client: KmsClient) {}

  get region(): string {
    return this.client.region;
  }

  async *listSecrets(filter: Parameters<SecretsBackend['listSecrets']>[0], signal?: AbortSignal) {
    for await (const page of this.client.listSecretPages({ filter, fetchTags: true, signal })) {
      yield { secrets: page.secrets, totalCount: page.totalCount };
    }
  }

  describeSecret(name: string) {
    return this.client.describeSecret(name);
  }

  listVersions(name: string) {
    return this.client.listSecretVersions(name, { includeDeprecated: true });
  }

  getValue(name: string, selector: { stage?: string; versionId?: string } = {}) {
    return this.client.getSecretValue(name, {
      stage: selector.versionId ? undefined : selector.stage,
      versionId: selector.versionId,
    });
  }

  async createSecret(input: Parameters<SecretsBackend['createSecret']>[0]) {
    await this.client.createSecret({
      name: input.name,
      value: input.value,
      description: input.description,
      tags: input.tags,
      versionId: input.versionId,
    });
  }

  async putSecretValue(name: string, value: string, options: { versionId: string; stages?: string[] }) {
    await this.client.putSecretValue(name, { value, versionId: options.versionId, stages: options.stages });
  }

  async rotateSecret(name: string) {
    await this.client.rotateSecret(name);
  }

  setRotationPolicy(name: string, enabled: boolean, interval?: string) {
    return this.client.updateRotationPolicy(name, { enabled, interval });
  }

  async deleteSecret(name: string, options: { force: boolean; recoveryWindowInDays?: number }) {
    await this.client.deleteSecret(
      name,
      options.force ? { force: true } : { recoveryWindowDays: options.recoveryWindowInDays },
    );
  }

  restoreSecret(name: string) {
    return this.client.restoreSecret(name);
  }

  tagSecret(name: string, tags: { key: string; value: string }[]) {
    return this.client.tagSecret(name, tags);
  }

  untagSecret(name: string, keys: string[]) {
    return this.client.untagSecret(name, keys);
  }

  updateDescription(name: string, description: string) {
    return this.client.updateSecretDescription(name, description);
  }

  invalidate(name?: string) {
    this.client.invalidate(name);
  }
}

/** Profiles on this machine (aliyun CLI config and the credentials INI): names, modes, regions — never key material. */
export function detectProfiles(): Promise<DetectedProfile[]> {
  return detectOnMachine();
}
