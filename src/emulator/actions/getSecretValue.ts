/**
 * GetSecretValue by name or ARN; `VersionStage` defaults to ACSCurrent, `VersionId` picks a version (and must carry the
 * stage when both are given). Managed secrets only serve ACSCurrent/ACSPrevious and ignore VersionId (kms-api.md §1.2).
 */
import { KmsError, errors } from '../errors';
import { CURRENT, PREVIOUS, SecretVersion, findByStage, findVersion, isManaged } from '../model';
import { formatTime } from '../time';
import { kmsAction } from './context';
import { rotationFields, stagesBody } from './shapes';

export const getSecretValue = kmsAction(false, ({ params, store }) => {
  const secret = store.requireActive(params.required('SecretName'));
  const stage = params.optional('VersionStage');
  const versionId = params.optional('VersionId');
  const fetchExtendedConfig = params.bool('FetchExtendedConfig', false);
  const dryRun = params.bool('DryRun', false);

  let version: SecretVersion | undefined;
  if (isManaged(secret.type)) {
    if (stage !== undefined && stage !== CURRENT && stage !== PREVIOUS) throw errors.invalidParameter('VersionStage');
    version = findByStage(secret, stage ?? CURRENT);
  } else if (versionId !== undefined) {
    version = findVersion(secret, versionId);
    if (version && stage !== undefined && !version.stages.includes(stage)) {
      throw errors.invalidParameter('VersionStage', 'is not attached to the specified VersionId');
    }
  } else {
    version = findByStage(secret, stage ?? CURRENT);
  }
  if (!version) throw errors.notFound();
  // INFERRED: the documented outcome of DryRun is "always an error"; the success-case code is spelled as in the model
  // doc.
  if (dryRun) throw new KmsError('DryRunOperation', 400, 'Request would have succeeded, but the DryRun flag is set.');

  return {
    SecretName: secret.name,
    SecretType: secret.type,
    VersionId: version.versionId,
    CreateTime: formatTime(version.createTime),
    SecretData: version.data,
    SecretDataType: version.dataType,
    VersionStages: stagesBody(version),
    ...rotationFields(secret),
    ...(fetchExtendedConfig &&
      isManaged(secret.type) &&
      secret.extendedConfig !== undefined && { ExtendedConfig: secret.extendedConfig }),
  };
});
