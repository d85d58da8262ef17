import * as vscode from 'vscode';
import { detectProfiles as detectOnMachine, KmsClient, type CredentialSource, type DetectedProfile } from '../core/kms';
import type { KmsConnection } from '../core/kms';
import type { ProxySettings } from '../core/proxy';
import type { Redactor } from '../core/redaction';
import type { Log } from '../platform/log';
import type { ConnectionSource } from './connectionManager';
import type { TypedCredentials } from './credentialStore';

export type { DetectedProfile };

export const USER_AGENT = 'kms-secrets-vscode';

/**
 * Builds the KMS client of one region (src/core/kms: retries, error mapping, sanitising, paging, cache); `uncached`
 * for a client that keeps no value in memory after handing it over (the SSH flow's ECS secrets).
 */
export type ClientFactory = (connection: KmsConnection, options?: { uncached?: boolean }) => KmsClient;

/** The client's credential source for a sign-in (typed-in credentials come from SecretStorage, passed in memory only). */
export function credentialSource(
  source: ConnectionSource,
  credentials: TypedCredentials | undefined,
): CredentialSource {
  if (source.kind === 'chain') return { kind: 'chain' };
  if (source.kind === 'profile') return { kind: 'profile', name: source.name };
  const c = credentials;
  if (!c)
    throw new Error(
      vscode.l10n.t('The credentials "{0}" are no longer in VS Code\'s secret storage. Sign in again.', source.name),
    );
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

/** The extension's clients: every value they read or write is registered with its redactor; retries are logged. */
export function kmsClientFactory(redactor: Redactor, log: Log, proxy: () => ProxySettings): ClientFactory {
  return (connection, options) =>
    new KmsClient(connection, {
      redactor,
      userAgent: USER_AGENT,
      proxy,
      ...(options?.uncached && { cache: false as const }),
      // Throttling and passing outages are retried silently for the user; the log says so (KmsError holds no request
      // detail).
      onRetry: (error, attempt, delayMs) =>
        log.debug(
          `Retrying ${error.action ?? 'a KMS request'} after ${error.code ?? error.kind} (attempt ${attempt}, in ${delayMs} ms).`,
        ),
    });
}

/** Profiles on this machine (aliyun CLI config and the credentials INI): names, modes, regions — never key material. */
export function detectProfiles(): Promise<DetectedProfile[]> {
  return detectOnMachine();
}
