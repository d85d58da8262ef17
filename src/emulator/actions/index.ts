/**
 * Action name → handler: every KMS action the emulator serves, plus STS AssumeRole and ActionTrail LookupEvents (each
 * checked against its own Version).
 */
import { assumeRole } from './assumeRole';
import { ActionHandler } from './context';
import { createSecret } from './createSecret';
import { deleteSecret, restoreSecret } from './deleteSecret';
import { describeSecret } from './describeSecret';
import { getRandomPassword } from './getRandomPassword';
import { getSecretValue } from './getSecretValue';
import { listSecrets } from './listSecrets';
import { listSecretVersionIds } from './listSecretVersionIds';
import { putSecretValue } from './putSecretValue';
import { rotateSecret, updateSecretRotationPolicy } from './rotation';
import { listTagResources, tagResource, tagResources, untagResource, untagResources } from './tags';
import { updateSecret } from './updateSecret';
import { updateSecretVersionStage } from './updateSecretVersionStage';
import { lookupEvents } from '../trail/lookupEvents';

export const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  ListSecrets: listSecrets,
  DescribeSecret: describeSecret,
  GetSecretValue: getSecretValue,
  ListSecretVersionIds: listSecretVersionIds,
  CreateSecret: createSecret,
  PutSecretValue: putSecretValue,
  UpdateSecret: updateSecret,
  UpdateSecretVersionStage: updateSecretVersionStage,
  DeleteSecret: deleteSecret,
  RestoreSecret: restoreSecret,
  RotateSecret: rotateSecret,
  UpdateSecretRotationPolicy: updateSecretRotationPolicy,
  TagResource: tagResource,
  UntagResource: untagResource,
  TagResources: tagResources,
  UntagResources: untagResources,
  ListTagResources: listTagResources,
  GetRandomPassword: getRandomPassword,
  AssumeRole: assumeRole,
  LookupEvents: lookupEvents,
};
