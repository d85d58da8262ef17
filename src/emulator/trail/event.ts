/**
 * An ActionTrail event as LookupEvents returns it (seed-systems.md §1). The emulator stores exactly this shape, in
 * memory and in its `--state` file, and answers with it; `requestParameters` only ever holds the allow-listed names
 * below, so no secret value can reach an event.
 */

export interface EventIdentity {
  /** `ram-user`, `assumed-role`, `root-account` or `system`. */
  type: string;
  principalId: string;
  accountId: string;
  accessKeyId: string;
  userName: string;
}

export interface TrailEventRecord {
  eventId: string;
  eventName: string;
  /** `YYYY-MM-DDThh:mm:ssZ`. */
  eventTime: string;
  eventType: string;
  /** `Read` or `Write`. */
  eventRW: string;
  eventSource: string;
  serviceName: string;
  acsRegion: string;
  apiVersion: string;
  requestId: string;
  requestParameters: Record<string, string>;
  /** INFERRED: the real values for KMS secrets are not documented; the emulator uses the name and `ACS::KMS::Secret`. */
  resourceName?: string;
  resourceType?: string;
  sourceIpAddress: string;
  userAgent: string;
  /** Empty on success, as in real events. */
  errorCode: string;
  errorMessage: string;
  userIdentity: EventIdentity;
}

/**
 * The request parameters an event may keep: names, stages, versions and switches. Never `SecretData`, `Tags`,
 * `ExtendedConfig`, `Policy`, `Description` or anything not listed (an allow-list, so a new parameter stays out).
 */
export const RECORDED_PARAMETERS: readonly string[] = [
  'SecretName',
  'VersionStage',
  'VersionId',
  'MoveToVersion',
  'RemoveFromVersion',
  'SecretType',
  'SecretDataType',
  'FetchExtendedConfig',
  'FetchTags',
  'IncludeDeprecated',
  'ForceDeleteWithoutRecovery',
  'RecoveryWindowInDays',
  'EnableAutomaticRotation',
  'RotationInterval',
  'PageNumber',
  'PageSize',
];

export const SECRET_RESOURCE_TYPE = 'ACS::KMS::Secret';
export const KMS_SERVICE_NAME = 'Kms';
export const EVENT_TYPE = 'ApiCall';
