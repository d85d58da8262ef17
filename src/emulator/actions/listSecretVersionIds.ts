/** ListSecretVersionIds: newest first, default PageSize 20; versions without any stage only with IncludeDeprecated=true. */
import { formatTime } from '../time';
import { kmsAction } from './context';
import { stagesBody } from './shapes';

export const listSecretVersionIds = kmsAction(false, ({ params, store }) => {
  const secret = store.require(params.required('SecretName'));
  const includeDeprecated = params.bool('IncludeDeprecated', false);
  const pageNumber = params.int('PageNumber', { min: 1, max: 1_000_000, fallback: 1 });
  const pageSize = params.int('PageSize', { min: 1, max: 100, fallback: 20 });

  // INFERRED: newest-first order (the docs' sample lists the highest version first).
  const versions = [...secret.versions].reverse().filter((v) => includeDeprecated || v.stages.length > 0);
  const page = versions.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    SecretName: secret.name,
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: versions.length,
    VersionIds: {
      VersionId: page.map((v) => ({
        VersionId: v.versionId,
        CreateTime: formatTime(v.createTime),
        VersionStages: stagesBody(v),
      })),
    },
  };
});
