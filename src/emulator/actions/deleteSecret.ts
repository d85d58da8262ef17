/**
 * DeleteSecret / RestoreSecret. A recovery window of 7–30 days (default 30) schedules deletion;
 * ForceDeleteWithoutRecovery deletes at once and may not be combined with a window (kms-api.md §1.2). Restore only
 * works inside the window.
 */
import { errors } from '../errors';
import { DAY_MS, formatTime } from '../time';
import { kmsAction } from './context';

export const deleteSecret = kmsAction(true, ({ params, store, nowMs }) => {
  const secret = store.require(params.required('SecretName'));
  const force = params.bool('ForceDeleteWithoutRecovery', false);
  const windowGiven = params.optional('RecoveryWindowInDays') !== undefined;
  if (force && windowGiven) {
    throw errors.invalidParameter('RecoveryWindowInDays', 'cannot be combined with ForceDeleteWithoutRecovery');
  }
  const days = params.int('RecoveryWindowInDays', { min: 7, max: 30, fallback: 30 });
  if (force) {
    store.delete(secret.name);
    return { SecretName: secret.name, PlannedDeleteTime: formatTime(nowMs) };
  }
  // INFERRED: scheduling an already scheduled deletion again is refused, as CreateSecret is for such a name.
  if (secret.plannedDeleteTime !== undefined) throw errors.inDeleteWindow();
  secret.plannedDeleteTime = nowMs + days * DAY_MS;
  secret.updateTime = nowMs;
  return { SecretName: secret.name, PlannedDeleteTime: formatTime(secret.plannedDeleteTime) };
});

export const restoreSecret = kmsAction(true, ({ params, store, nowMs }) => {
  const secret = store.require(params.required('SecretName'));
  // INFERRED: the code for restoring a secret that is not pending deletion is not documented.
  if (secret.plannedDeleteTime === undefined) throw errors.invalidParameter('SecretName', 'is not pending deletion');
  delete secret.plannedDeleteTime;
  secret.updateTime = nowMs;
  return { SecretName: secret.name };
});
