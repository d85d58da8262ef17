/**
 * Response fragments in the exact RPC JSON shapes the SDK parses: PascalCase and a wrapper object around every list
 * (`Tags.Tag[]`, `VersionStages.VersionStage[]`); a flat array would be dropped silently by the 1.2.0 models
 * (kms-api.md §3).
 */
import { Secret, SecretVersion, Tag, isManaged } from '../model';
import { formatTime } from '../time';

export const tagsBody = (tags: Tag[]) => ({ Tag: tags.map((t) => ({ TagKey: t.key, TagValue: t.value })) });

export const stagesBody = (version: SecretVersion) => ({ VersionStage: [...version.stages] });

/** The fields managed secrets add to Describe/Get/Create responses; Generic secrets have none of them. */
export function rotationFields(secret: Secret): Record<string, unknown> {
  if (!isManaged(secret.type)) return {};
  const r = secret.rotation ?? { enabled: false };
  return {
    AutomaticRotation: r.enabled ? 'Enabled' : 'Disabled',
    ...(r.intervalSeconds !== undefined && { RotationInterval: `${r.intervalSeconds}s` }),
    ...(r.lastRotationDate !== undefined && { LastRotationDate: formatTime(r.lastRotationDate) }),
    ...(r.nextRotationDate !== undefined && r.enabled && { NextRotationDate: formatTime(r.nextRotationDate) }),
  };
}

export function plannedDelete(secret: Secret): Record<string, unknown> {
  return secret.plannedDeleteTime === undefined ? {} : { PlannedDeleteTime: formatTime(secret.plannedDeleteTime) };
}
