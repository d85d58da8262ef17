/** DescribeSecret: metadata only, so it answers for secrets pending deletion too (that is how PlannedDeleteTime is seen). */
import { formatTime } from '../time';
import { kmsAction } from './context';
import { plannedDelete, rotationFields, tagsBody } from './shapes';

export const describeSecret = kmsAction(false, ({ params, store }) => {
  const secret = store.require(params.required('SecretName'));
  const fetchTags = params.bool('FetchTags', false);
  return {
    Arn: store.arn(secret.name),
    SecretName: secret.name,
    SecretType: secret.type,
    EncryptionKeyId: secret.encryptionKeyId,
    Description: secret.description,
    CreateTime: formatTime(secret.createTime),
    UpdateTime: formatTime(secret.updateTime),
    ...plannedDelete(secret),
    ...rotationFields(secret),
    ...(secret.extendedConfig !== undefined && { ExtendedConfig: secret.extendedConfig }),
    ...(fetchTags && { Tags: tagsBody(secret.tags) }),
  };
});
