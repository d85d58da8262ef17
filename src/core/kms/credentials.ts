/**
 * Credential sources → @alicloud/credentials objects, and the per-request snapshot the transport signs with.
 * Why a resolver and not one long-lived Credential: the library's DefaultCredentialsProvider stays stuck on its last
 * provider after one failure (kms-api.md §5.1), so a credential that failed is dropped and rebuilt on the next call.
 * Library error texts are never shown as they are: a CLI-config parse error quotes the whole file, keys included.
 */
import * as l10n from '@vscode/l10n';
import Credential, { CLIProfileCredentialsProvider, Config as CredentialConfig } from '@alicloud/credentials';
import { promises as fs } from 'node:fs';
import type { Redactor } from '../redaction';
import { credentialsError, KmsError } from './errors';
import { cliConfigPath, findProfile, iniCredentialsPath, parseIni, ProfileEnvironment } from './profiles';
import { sanitizeText } from './sanitize';

export type CredentialSource =
  /** env vars → OIDC env → CLI config → INI file → ECS RAM role → credentials URI (the library's default chain). */
  | { kind: 'chain' }
  /** A named profile of `~/.aliyun/config.json` (any mode) or `~/.alibabacloud/credentials`. */
  | { kind: 'profile'; name: string }
  /** Keys the caller holds (the extension keeps them in SecretStorage); with a token they are STS keys. */
  | { kind: 'static'; accessKeyId: string; accessKeySecret: string; securityToken?: string }
  /** Keys that assume a RAM role through STS before each session. */
  | {
      kind: 'ramRoleArn';
      accessKeyId: string;
      accessKeySecret: string;
      securityToken?: string;
      roleArn: string;
      roleSessionName?: string;
      durationSeconds?: number;
      /** host[:port]; the library always speaks https to it. */
      stsEndpoint?: string;
    };

/** What one request is signed with. Short-lived: taken per attempt, never stored beyond the SDK client built from it. */
export interface CredentialSnapshot {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** e.g. `default/cli_profile/static_ak` — safe to show. */
  providerName?: string;
}

export function describeSource(source: CredentialSource): string {
  switch (source.kind) {
    case 'chain':
      return 'the default credential chain';
    case 'profile':
      return `profile "${source.name}"`;
    case 'static':
      return source.securityToken ? 'STS credentials' : 'AccessKey credentials';
    case 'ramRoleArn':
      return 'a RAM role';
  }
}

const nothingFound = (): string =>
  l10n.t(
    'No Alibaba Cloud credentials were found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure a profile with `aliyun configure`, or sign in.',
  );

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const num = (value: unknown): number | undefined =>
  Number.isFinite(Number(value)) && Number(value) > 0 ? Number(value) : undefined;

/** A CLI profile as a Credential config, for the modes Config can express; undefined for the others. */
function cliProfileConfig(p: Record<string, unknown>): Record<string, unknown> | undefined {
  const stsEndpoint =
    str(p.sts_endpoint) ??
    (str(p.sts_region) && `sts${p.enable_vpc === true ? '-vpc' : ''}.${p.sts_region}.aliyuncs.com`);
  switch (p.mode ?? 'AK') {
    case 'AK':
      return { type: 'access_key', accessKeyId: str(p.access_key_id), accessKeySecret: str(p.access_key_secret) };
    case 'StsToken':
      return {
        type: 'sts',
        accessKeyId: str(p.access_key_id),
        accessKeySecret: str(p.access_key_secret),
        securityToken: str(p.sts_token),
      };
    case 'RamRoleArn':
      return {
        type: 'ram_role_arn',
        accessKeyId: str(p.access_key_id),
        accessKeySecret: str(p.access_key_secret),
        roleArn: str(p.ram_role_arn),
        roleSessionName: str(p.ram_session_name),
        roleSessionExpiration: num(p.expired_seconds),
        stsEndpoint,
      };
    case 'EcsRamRole':
      return { type: 'ecs_ram_role', roleName: str(p.ram_role_name) };
    case 'OIDC':
      return {
        type: 'oidc_role_arn',
        roleArn: str(p.ram_role_arn),
        oidcProviderArn: str(p.oidc_provider_arn),
        oidcTokenFilePath: str(p.oidc_token_file),
        roleSessionName: str(p.ram_session_name),
        roleSessionExpiration: num(p.duration_seconds) ?? num(p.expired_seconds),
        stsEndpoint,
      };
    default:
      // ChainableRamRoleArn, CloudSSO, OAuth, External: the library's CLI provider knows how (and keeps token files
      // updated).
      return undefined;
  }
}

function iniProfileConfig(section: Record<string, string>): Record<string, unknown> | undefined {
  switch (section.type) {
    case 'access_key':
      return {
        type: 'access_key',
        accessKeyId: str(section.access_key_id),
        accessKeySecret: str(section.access_key_secret),
      };
    case 'ram_role_arn':
      return {
        type: 'ram_role_arn',
        accessKeyId: str(section.access_key_id),
        accessKeySecret: str(section.access_key_secret),
        roleArn: str(section.role_arn),
        roleSessionName: str(section.role_session_name),
        policy: str(section.policy),
      };
    case 'ecs_ram_role':
      return { type: 'ecs_ram_role', roleName: str(section.role_name) };
    default:
      return undefined;
  }
}

function requireKeys(config: Record<string, unknown>, name: string): void {
  if (config.type === 'access_key' || config.type === 'sts' || config.type === 'ram_role_arn') {
    if (!config.accessKeyId || !config.accessKeySecret) {
      throw credentialsError(
        l10n.t('Profile "{0}" has no AccessKey ID or secret. Complete it with `aliyun configure`.', name),
        'ProfileIncomplete',
      );
    }
  }
  if (config.type === 'sts' && !config.securityToken) {
    throw credentialsError(
      l10n.t('Profile "{0}" is an STS profile without a token. Add the STS token.', name),
      'ProfileIncomplete',
    );
  }
}

async function profileCredential(name: string, environment: ProfileEnvironment): Promise<Credential> {
  const found = await findProfile(name, environment);
  if (!found) {
    throw credentialsError(
      l10n.t(
        'No profile named "{0}" was found in {1} or {2}. Check the name.',
        name,
        cliConfigPath(environment),
        iniCredentialsPath(environment),
      ),
      'ProfileNotFound',
    );
  }
  if (found.origin === 'cli') {
    const text = await fs.readFile(found.path, 'utf8');
    const profiles = (JSON.parse(text) as { profiles: Record<string, unknown>[] }).profiles;
    const profile = profiles.find((p) => p?.name === name) ?? {};
    const config = cliProfileConfig(profile);
    if (!config) return new Credential(null, CLIProfileCredentialsProvider.builder().withProfileName(name).build());
    requireKeys(config, name);
    return new Credential(new CredentialConfig(config));
  }
  const section = parseIni(await fs.readFile(found.path, 'utf8'))[name] ?? {};
  const config = iniProfileConfig(section);
  if (!config) {
    throw credentialsError(
      l10n.t(
        'Profile "{0}" has type "{1}", which is not supported. Use access_key, ram_role_arn or ecs_ram_role.',
        name,
        section.type ?? '',
      ),
      'ProfileUnsupported',
    );
  }
  requireKeys(config, name);
  return new Credential(new CredentialConfig(config));
}

/** Builds the library object for a source. Async because profiles are read from disk at that moment (never cached). */
export async function buildCredential(
  source: CredentialSource,
  environment: ProfileEnvironment = {},
): Promise<Credential> {
  switch (source.kind) {
    case 'chain':
      return new Credential();
    case 'profile':
      return profileCredential(source.name, environment);
    case 'static': {
      if (!source.accessKeyId || !source.accessKeySecret)
        throw credentialsError(l10n.t('Enter both the AccessKey ID and the AccessKey secret.'), 'MissingKeys');
      const type = source.securityToken ? 'sts' : 'access_key';
      return new Credential(
        new CredentialConfig({
          type,
          accessKeyId: source.accessKeyId,
          accessKeySecret: source.accessKeySecret,
          securityToken: source.securityToken,
        }),
      );
    }
    case 'ramRoleArn': {
      if (!source.accessKeyId || !source.accessKeySecret)
        throw credentialsError(l10n.t('Enter both the AccessKey ID and the AccessKey secret.'), 'MissingKeys');
      if (!source.roleArn) throw credentialsError(l10n.t('Enter the ARN of the RAM role to assume.'), 'MissingRoleArn');
      return new Credential(
        new CredentialConfig({
          type: 'ram_role_arn',
          accessKeyId: source.accessKeyId,
          accessKeySecret: source.accessKeySecret,
          securityToken: source.securityToken,
          roleArn: source.roleArn,
          roleSessionName: source.roleSessionName ?? 'kms-secrets',
          roleSessionExpiration: source.durationSeconds,
          stsEndpoint: source.stsEndpoint,
        }),
      );
    }
  }
}

/**
 * Owns the Credential of one connection: built lazily, asked for keys per request (the library caches and refreshes
 * session credentials itself), and discarded after any failure so the next request starts from a fresh object.
 */
export class CredentialResolver {
  private credential: Promise<Credential> | undefined;

  constructor(
    readonly source: CredentialSource,
    private readonly environment: ProfileEnvironment = {},
    private readonly redactor?: Redactor,
  ) {}

  async resolve(): Promise<CredentialSnapshot> {
    try {
      this.credential ??= buildCredential(this.source, this.environment);
      const model = await (await this.credential).getCredential();
      if (!model.accessKeyId || !model.accessKeySecret) throw credentialsError(nothingFound());
      // Register key material so no log line can show it, whatever later goes wrong.
      this.redactor?.register(model.accessKeySecret);
      this.redactor?.register(model.securityToken);
      return {
        accessKeyId: model.accessKeyId,
        accessKeySecret: model.accessKeySecret,
        ...(model.securityToken && { securityToken: model.securityToken }),
        ...(model.providerName && { providerName: model.providerName }),
      };
    } catch (error) {
      this.reset();
      throw this.toCredentialsError(error);
    }
  }

  /** Forgets the Credential object; the next request builds a new one (re-reading env and files). */
  reset(): void {
    this.credential = undefined;
  }

  private toCredentialsError(error: unknown): KmsError {
    if (error instanceof KmsError) return error;
    const detail = error instanceof Error ? sanitizeText(error.message, this.redactor) : undefined;
    const message =
      this.source.kind === 'chain'
        ? nothingFound()
        : this.source.kind === 'profile'
          ? l10n.t(
              'The credentials of profile "{0}" could not be obtained. Check the profile with `aliyun configure list`.',
              this.source.name,
            )
          : this.source.kind === 'ramRoleArn'
            ? l10n.t('The RAM role could not be assumed. Check the role ARN and that the AccessKey may assume it.')
            : l10n.t('The credentials could not be used. Check the AccessKey ID and secret.');
    return new KmsError('credentials', message, { code: 'CredentialsUnavailable', serverMessage: detail });
  }
}
