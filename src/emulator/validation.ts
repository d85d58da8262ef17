/** KMS's documented input rules (kms-api.md §1.2, §8), shared by the actions and the seed loader. */
import { errors } from './errors';
import { SecretType, Tag } from './model';

const NAME = /^[A-Za-z0-9_/+=.@-]{1,192}$/;
export const MAX_VALUE_BYTES = 30 * 1024;
export const MAX_VERSIONS = 10;
export const MAX_STAGES = 8;
export const MAX_TAGS = 20;
const STAGE = /^[A-Za-z0-9_.-]{1,64}$/; // INFERRED: the stage charset is not documented; AWS-like labels.
const VERSION_ID = /^[A-Za-z0-9_.:/+=@-]{1,64}$/; // INFERRED: only the 64-char limit is documented.
const TAG_TEXT = /^[A-Za-z0-9/_\-.+=@:]{1,128}$/;

export function isValidSecretName(name: string): boolean {
  return NAME.test(name);
}

/** Name rules, including the type-specific prefixes (Generic/Rds/Redis must not use `acs/`, ECS must start `acs/ecs/`). */
export function checkSecretName(name: string, type: SecretType, param = 'SecretName'): void {
  if (!NAME.test(name)) throw errors.invalidParameter(param);
  if (type === 'ECS' && !name.startsWith('acs/ecs/'))
    throw errors.invalidParameter(param, 'must start with acs/ecs/ for ECS secrets');
  if (type === 'RAMCredentials' && !name.startsWith('acs/ram/user/')) {
    throw errors.invalidParameter(param, 'must be $Auto or start with acs/ram/user/ for RAMCredentials secrets');
  }
  if ((type === 'Generic' || type === 'Rds' || type === 'Redis' || type === 'PolarDB') && name.startsWith('acs/')) {
    throw errors.invalidParameter(param, 'must not start with acs/');
  }
}

export function checkValue(data: string, param = 'SecretData'): void {
  if (Buffer.byteLength(data, 'utf8') > MAX_VALUE_BYTES)
    throw errors.invalidParameter(param, `exceeds ${MAX_VALUE_BYTES} bytes`);
}

export function checkVersionId(versionId: string, param = 'VersionId'): void {
  if (!VERSION_ID.test(versionId)) throw errors.invalidParameter(param);
}

export function checkStage(stage: string, param = 'VersionStage'): void {
  if (!STAGE.test(stage)) throw errors.invalidParameter(param);
}

export function checkTag(tag: Tag): void {
  if (!TAG_TEXT.test(tag.key) || /^(aliyun|acs:)/i.test(tag.key)) throw errors.invalidParameter('TagKey');
  if (!TAG_TEXT.test(tag.value)) throw errors.invalidParameter('TagValue');
}

/** `integer[d|h|m|s]` between 6 h and 8,760 h; returns seconds (responses print them as `"604800s"`). */
export function parseRotationInterval(text: string, param = 'RotationInterval'): number {
  const match = /^(\d+)([dhms])$/.exec(text);
  if (!match) throw errors.invalidParameter(param);
  const seconds = Number(match[1]) * { d: 86400, h: 3600, m: 60, s: 1 }[match[2] as 'd' | 'h' | 'm' | 's'];
  if (seconds < 6 * 3600 || seconds > 8760 * 3600) throw errors.invalidParameter(param, 'must be between 6h and 8760h');
  return seconds;
}
