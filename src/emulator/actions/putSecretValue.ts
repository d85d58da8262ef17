/**
 * PutSecretValue (Generic only): a new version that takes ACSCurrent (the former current becomes ACSPrevious) unless
 * `VersionStages` says otherwise; idempotent for the same VersionId + data, a conflict for the same VersionId + other
 * data; at most 10 versions (oldest removed) and 8 distinct stages (kms-api.md §1.2, §8).
 */
import { errors } from '../errors';
import {
  CURRENT,
  PREVIOUS,
  SecretVersion,
  attachStage,
  distinctStages,
  findByStage,
  findVersion,
  capVersions,
  isManaged,
  promoteToCurrent,
} from '../model';
import { isStringArray } from '../params';
import { MAX_STAGES, MAX_VERSIONS, checkStage, checkValue, checkVersionId } from '../validation';
import { kmsAction } from './context';
import { parseDataType } from './createSecret';
import { stagesBody } from './shapes';

export const putSecretValue = kmsAction(true, ({ params, store, nowMs }) => {
  const secret = store.requireActive(params.required('SecretName'));
  if (isManaged(secret.type)) throw errors.unsupportedOperation('PutSecretValue applies only to Generic secrets');
  const versionId = params.required('VersionId');
  checkVersionId(versionId);
  const data = params.required('SecretData');
  checkValue(data);
  const dataType = parseDataType(params.optional('SecretDataType'));
  const stages = params.json('VersionStages', isStringArray) ?? [CURRENT];
  if (stages.length === 0) throw errors.invalidParameter('VersionStages');
  stages.forEach((s) => checkStage(s, 'VersionStages'));

  const existing = findVersion(secret, versionId);
  if (existing) {
    // INFERRED: the code for "same VersionId, different data" is not documented; Rejected.ResourceExist is the closest.
    if (existing.data !== data || existing.dataType !== dataType) throw errors.exists();
    return { SecretName: secret.name, VersionId: versionId, VersionStages: stagesBody(existing) };
  }

  const after = distinctStages(secret);
  stages.forEach((s) => after.add(s));
  if (stages.includes(CURRENT) && findByStage(secret, CURRENT)) after.add(PREVIOUS);
  if (after.size > MAX_STAGES) throw errors.limitExceeded('version stage');

  const version: SecretVersion = { versionId, createTime: nowMs, data, dataType, stages: [] };
  secret.versions.push(version);
  for (const stage of new Set(stages)) {
    if (stage === CURRENT) promoteToCurrent(secret, version);
    else attachStage(secret, stage, version);
  }
  capVersions(secret, MAX_VERSIONS);
  secret.updateTime = nowMs;
  return { SecretName: secret.name, VersionId: versionId, VersionStages: stagesBody(version) };
});
