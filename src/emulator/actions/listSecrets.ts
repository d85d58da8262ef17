/** ListSecrets: paging (PageSize 1–100, default 10), `Filters` JSON and `FetchTags` (kms-api.md §1.2). */
import { errors } from '../errors';
import { Secret, parseSecretType } from '../model';
import { formatTime } from '../time';
import { kmsAction } from './context';
import { plannedDelete, tagsBody } from './shapes';

interface Filter {
  Key: string;
  Values: string[];
}

const FILTER_KEYS = ['SecretName', 'Description', 'TagKey', 'TagValue', 'SecretType', 'DKMSInstanceId', 'Creator'];

const isFilterList = (v: unknown): v is Filter[] =>
  Array.isArray(v) &&
  v.every(
    (f) =>
      typeof f === 'object' &&
      f !== null &&
      typeof f.Key === 'string' &&
      Array.isArray(f.Values) &&
      f.Values.every((x: unknown) => typeof x === 'string'),
  );

/**
 * INFERRED matching semantics (the docs give only the keys): keys are AND-ed, the values of one key OR-ed; SecretName
 * and
 * Description match by substring, tags and SecretType exactly (SecretType case-insensitively, since filters say `RDS`).
 * The emulator has no dedicated KMS instances and one creator, so DKMSInstanceId never matches and Creator matches
 * anything.
 */
function matches(secret: Secret, filter: Filter): boolean {
  return filter.Values.some((value) => {
    switch (filter.Key) {
      case 'SecretName':
        return secret.name.includes(value);
      case 'Description':
        return secret.description.includes(value);
      case 'TagKey':
        return secret.tags.some((t) => t.key === value);
      case 'TagValue':
        return secret.tags.some((t) => t.value === value);
      case 'SecretType':
        return parseSecretType(value) === secret.type;
      case 'Creator':
        return true;
      default:
        return false;
    }
  });
}

export const listSecrets = kmsAction(false, ({ params, store }) => {
  const pageNumber = params.int('PageNumber', { min: 1, max: 1_000_000, fallback: 1 });
  const pageSize = params.int('PageSize', { min: 1, max: 100, fallback: 10 });
  const fetchTags = params.bool('FetchTags', false);
  const filters = params.json('Filters', isFilterList) ?? [];
  if (filters.length > 10) throw errors.invalidParameter('Filters', 'allows at most 10 filters');
  for (const f of filters) {
    if (!FILTER_KEYS.includes(f.Key)) throw errors.invalidParameter('Filters', `has an unknown key "${f.Key}"`);
    if (f.Values.length < 1 || f.Values.length > 10)
      throw errors.invalidParameter('Filters', 'allows 1 to 10 values per key');
  }

  const all = store.list();
  const selected = filters.length ? all.filter((s) => filters.every((f) => matches(s, f))) : all;
  const page = selected.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: selected.length,
    SecretList: {
      Secret: page.map((s) => ({
        SecretName: s.name,
        SecretType: s.type,
        CreateTime: formatTime(s.createTime),
        UpdateTime: formatTime(s.updateTime),
        ...plannedDelete(s),
        ...(fetchTags && { Tags: tagsBody(s.tags) }),
      })),
    },
  };
});
