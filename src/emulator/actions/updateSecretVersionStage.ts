/**
 * UpdateSecretVersionStage (Generic only). Three documented scenarios: add a stage (`MoveToVersion`), remove a custom
 * stage (`RemoveFromVersion`), move a stage (both). ACSCurrent/ACSPrevious can be moved but never just removed; ≤8
 * stages.
 */
import { errors } from '../errors';
import {
  CURRENT,
  PREVIOUS,
  attachStage,
  detachStage,
  distinctStages,
  findByStage,
  findVersion,
  isManaged,
  promoteToCurrent,
} from '../model';
import { MAX_STAGES, checkStage } from '../validation';
import { kmsAction } from './context';

export const updateSecretVersionStage = kmsAction(true, ({ params, store, nowMs }) => {
  const secret = store.requireActive(params.required('SecretName'));
  if (isManaged(secret.type))
    throw errors.unsupportedOperation('UpdateSecretVersionStage applies only to Generic secrets');
  const stage = params.required('VersionStage');
  checkStage(stage);
  const removeFrom = params.optional('RemoveFromVersion');
  const moveTo = params.optional('MoveToVersion');
  if (removeFrom === undefined && moveTo === undefined) throw errors.missingParameter('MoveToVersion');

  const source = removeFrom === undefined ? undefined : findVersion(secret, removeFrom);
  if (removeFrom !== undefined && !source) throw errors.notFound();
  if (source && !source.stages.includes(stage))
    throw errors.invalidParameter('RemoveFromVersion', 'does not carry the stage');
  const target = moveTo === undefined ? undefined : findVersion(secret, moveTo);
  if (moveTo !== undefined && !target) throw errors.notFound();

  if (!target) {
    if (stage === CURRENT || stage === PREVIOUS)
      throw errors.invalidParameter('VersionStage', `${stage} can be moved but not removed`);
    detachStage(source!, stage);
  } else {
    const holder = findByStage(secret, stage);
    // INFERRED (AWS-like): moving a stage that another version holds requires naming that version.
    if (holder && holder !== target && holder !== source) {
      throw errors.invalidParameter('RemoveFromVersion', 'must name the version that currently has the stage');
    }
    if (!distinctStages(secret).has(stage) && distinctStages(secret).size >= MAX_STAGES)
      throw errors.limitExceeded('version stage');
    // INFERRED: moving ACSCurrent hands ACSPrevious to the former current, as PutSecretValue does.
    if (stage === CURRENT) promoteToCurrent(secret, target);
    else attachStage(secret, stage, target);
  }
  secret.updateTime = nowMs;
  return { SecretName: secret.name };
});
