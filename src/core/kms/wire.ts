/**
 * The raw JSON KMS returns (PascalCase, every list inside a wrapper object: `Tags.Tag[]`,
 * `VersionStages.VersionStage[]`) and its mapping to our types. Fields are read defensively: a missing wrapper is an
 * empty list, never a crash.
 */
import type {
  ExtendedConfig,
  ListSecretsFilter,
  RotationInfo,
  SecretMetadata,
  SecretSummary,
  SecretValue,
  SecretVersion,
  Tag,
} from './types';

type Raw = Record<string, unknown>;

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
const asObject = (value: unknown): Raw => (typeof value === 'object' && value !== null ? (value as Raw) : {});
/** `{Wrapper: {Item: [...]}}` → the array (a single item, as some gateways send, becomes a one-element list). */
function list(container: unknown, key: string): unknown[] {
  const inner = asObject(container)[key];
  if (Array.isArray(inner)) return inner;
  return inner === undefined || inner === null ? [] : [inner];
}
const optional = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: string };

/**
 * Whether a body is a KMS answer at all: every one carries its RequestId, and a write's answer names what it wrote
 * (`echoed`, e.g. the SecretName and VersionId sent). An HTTP 200 from a proxy, a captive portal or a wrong endpoint
 * parses as JSON but is none of that, and must not count as a write that happened.
 */
export function isKmsAnswer(body: Raw, echoed: Readonly<Record<string, string>> = {}): boolean {
  if (!asString(body.RequestId)) return false;
  return Object.entries(echoed).every(([key, value]) => asString(body[key]) === value);
}

export function tagsFrom(raw: unknown): Tag[] {
  return list(raw, 'Tag').map((t) => ({
    key: asString(asObject(t).TagKey) ?? '',
    value: asString(asObject(t).TagValue) ?? '',
  }));
}

export function stagesFrom(raw: unknown): string[] {
  return list(raw, 'VersionStage')
    .map((s) => asString(s) ?? '')
    .filter(Boolean);
}

export function rotationFrom(raw: Raw): RotationInfo | undefined {
  const status = asString(raw.AutomaticRotation);
  if (status === undefined) return undefined;
  return {
    status,
    enabled: status === 'Enabled',
    ...optional('interval', asString(raw.RotationInterval)),
    ...optional('lastRotationDate', asString(raw.LastRotationDate)),
    ...optional('nextRotationDate', asString(raw.NextRotationDate)),
  };
}

/** ExtendedConfig text → its known fields; undefined when absent or not a JSON object (never throws). */
export function extendedConfigFrom(text: string | undefined): ExtendedConfig | undefined {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const config = parsed as Raw;
  const customData: Record<string, string> = {};
  for (const [key, value] of Object.entries(asObject(config.CustomData))) {
    const text = asString(value);
    if (text !== undefined) customData[key] = text;
  }
  return {
    ...optional('secretSubType', asString(config.SecretSubType)),
    ...optional('regionId', asString(config.RegionId)),
    ...optional('instanceId', asString(config.InstanceId)),
    customData,
  };
}

function extendedFields(raw: Raw): { extendedConfig?: string; extended?: ExtendedConfig } {
  const text = asString(raw.ExtendedConfig);
  const extended = extendedConfigFrom(text);
  return { ...optional('extendedConfig', text), ...(extended && { extended }) };
}

export function summaryFrom(raw: unknown): SecretSummary {
  const s = asObject(raw);
  return {
    name: asString(s.SecretName) ?? '',
    type: asString(s.SecretType) ?? 'Generic',
    ...optional('createTime', asString(s.CreateTime)),
    ...optional('updateTime', asString(s.UpdateTime)),
    ...optional('plannedDeleteTime', asString(s.PlannedDeleteTime)),
    tags: tagsFrom(s.Tags),
  };
}

export function secretListFrom(body: Raw): { secrets: SecretSummary[]; totalCount: number } {
  const secrets = list(body.SecretList, 'Secret').map(summaryFrom);
  const total = Number(body.TotalCount);
  return { secrets, totalCount: Number.isFinite(total) ? total : secrets.length };
}

export function metadataFrom(body: Raw): SecretMetadata {
  const rotation = rotationFrom(body);
  return {
    ...summaryFrom(body),
    ...optional('arn', asString(body.Arn)),
    ...optional('description', asString(body.Description)),
    ...optional('encryptionKeyId', asString(body.EncryptionKeyId)),
    ...(rotation && { rotation }),
    ...extendedFields(body),
    ...optional('dkmsInstanceId', asString(body.DKMSInstanceId)),
    ...optional('owingService', asString(body.OwingService)),
  };
}

export function valueFrom(body: Raw): SecretValue {
  const rotation = rotationFrom(body);
  return {
    name: asString(body.SecretName) ?? '',
    value: asString(body.SecretData) ?? '',
    dataType: asString(body.SecretDataType) ?? 'text',
    versionId: asString(body.VersionId) ?? '',
    stages: stagesFrom(body.VersionStages),
    ...optional('createTime', asString(body.CreateTime)),
    ...optional('type', asString(body.SecretType)),
    ...(rotation && { rotation }),
    ...extendedFields(body),
  };
}

export function versionsFrom(body: Raw): { versions: SecretVersion[]; totalCount: number } {
  const versions = list(body.VersionIds, 'VersionId').map((raw) => {
    const v = asObject(raw);
    return {
      versionId: asString(v.VersionId) ?? '',
      ...optional('createTime', asString(v.CreateTime)),
      stages: stagesFrom(v.VersionStages),
    };
  });
  const total = Number(body.TotalCount);
  return { versions, totalCount: Number.isFinite(total) ? total : versions.length };
}

const values = (v: string | string[] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '');

/** ListSecrets `Filters`: JSON `[{"Key":"SecretName","Values":[…]}]`; keys AND-ed, values of one key OR-ed. */
export function filtersParam(filter: ListSecretsFilter | undefined): string | undefined {
  if (!filter) return undefined;
  const entries: { Key: string; Values: string[] }[] = [];
  const add = (key: string, v: string | string[] | undefined) => {
    const vs = values(v);
    if (vs.length) entries.push({ Key: key, Values: vs });
  };
  add('SecretName', filter.name);
  add('Description', filter.description);
  add('TagKey', filter.tagKey);
  add('TagValue', filter.tagValue);
  add('SecretType', filter.type);
  return entries.length ? JSON.stringify(entries) : undefined;
}

export const tagsParam = (tags: Tag[]): string =>
  JSON.stringify(tags.map((t) => ({ TagKey: t.key, TagValue: t.value })));
