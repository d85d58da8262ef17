/**
 * Tag actions in both API generations: TagResource/UntagResource (one secret, JSON parameters) and
 * TagResources/UntagResources/ListTagResources (RPC-flattened `ResourceId.N`, `Tag.N.Key`, `TagKey.N`).
 * The emulator holds secrets only, so KeyId/CertificateId resources and ResourceType `key` are never found.
 */
import { errors } from '../errors';
import { Secret, Tag } from '../model';
import { Params } from '../params';
import { SecretStore } from '../store';
import { MAX_TAGS, checkTag } from '../validation';
import { kmsAction } from './context';
import { parseFlatTags, parseTagKeysParam, parseTagsParam } from './tagParams';

/** INFERRED: ListTagResources has no page-size parameter; 50 per page. */
const TAG_PAGE = 50;

function addTags(secret: Secret, tags: Tag[], nowMs: number): void {
  tags.forEach(checkTag);
  const merged = new Map(secret.tags.map((t) => [t.key, t.value]));
  for (const t of tags) merged.set(t.key, t.value);
  if (merged.size > MAX_TAGS) throw errors.limitExceeded('tag');
  secret.tags = [...merged].map(([key, value]) => ({ key, value }));
  secret.updateTime = nowMs;
}

function removeTags(secret: Secret, keys: string[] | 'all', nowMs: number): void {
  secret.tags = keys === 'all' ? [] : secret.tags.filter((t) => !keys.includes(t.key));
  secret.updateTime = nowMs;
}

function singleResource(params: Params, store: SecretStore): Secret {
  const name = params.optional('SecretName');
  if (name !== undefined) return store.requireActive(name);
  if (params.optional('KeyId') !== undefined || params.optional('CertificateId') !== undefined) throw errors.notFound();
  throw errors.missingParameter('SecretName');
}

function checkResourceType(params: Params, store: SecretStore): void {
  const region = params.optional('RegionId');
  if (region !== undefined && region !== store.region) throw errors.invalidParameter('RegionId');
  const type = params.required('ResourceType').toLowerCase();
  if (type === 'key') throw errors.notFound();
  if (type !== 'secret') throw errors.invalidParameter('ResourceType');
}

function resourceIds(params: Params, required: boolean): string[] {
  const ids = params.list('ResourceId');
  if (required && ids.length === 0) throw errors.missingParameter('ResourceId.1');
  if (ids.length > 50) throw errors.invalidParameter('ResourceId', 'allows at most 50 resources');
  return ids;
}

export const tagResource = kmsAction(true, ({ params, store, nowMs }) => {
  const secret = singleResource(params, store);
  if (params.optional('Tags') === undefined) throw errors.missingParameter('Tags');
  addTags(secret, parseTagsParam(params, 'Tags'), nowMs);
  return {};
});

export const untagResource = kmsAction(true, ({ params, store, nowMs }) => {
  const secret = singleResource(params, store);
  if (params.optional('TagKeys') === undefined) throw errors.missingParameter('TagKeys');
  removeTags(secret, parseTagKeysParam(params, 'TagKeys'), nowMs);
  return {};
});

export const tagResources = kmsAction(true, ({ params, store, nowMs }) => {
  checkResourceType(params, store);
  const secrets = resourceIds(params, true).map((id) => store.requireActive(id));
  const tags = parseFlatTags(params);
  if (tags.length === 0) throw errors.missingParameter('Tag.1.Key');
  // Validate every secret before changing any, so a failure leaves nothing half-tagged.
  for (const s of secrets) addTags({ ...s, tags: [...s.tags] }, tags, nowMs);
  for (const s of secrets) addTags(s, tags, nowMs);
  return {};
});

export const untagResources = kmsAction(true, ({ params, store, nowMs }) => {
  checkResourceType(params, store);
  const secrets = resourceIds(params, true).map((id) => store.requireActive(id));
  const all = params.bool('All', false);
  const keys = params.list('TagKey');
  if (!all && keys.length === 0) throw errors.missingParameter('TagKey.1');
  for (const s of secrets) removeTags(s, all ? 'all' : keys, nowMs);
  return {};
});

export const listTagResources = kmsAction(false, ({ params, store }) => {
  checkResourceType(params, store);
  const ids = resourceIds(params, false);
  const wanted = parseFlatTags(params);
  const secrets = ids.length > 0 ? ids.map((id) => store.require(id)) : store.list();
  const rows = secrets.flatMap((s) =>
    s.tags
      .filter(
        (t) => wanted.length === 0 || wanted.some((w) => w.key === t.key && (w.value === '' || w.value === t.value)),
      )
      .map((t) => ({ ResourceId: s.name, ResourceType: 'secret', TagKey: t.key, TagValue: t.value })),
  );
  const token = params.optional('NextToken');
  const offset = token === undefined ? 0 : Number.parseInt(Buffer.from(token, 'base64url').toString('utf8'), 10);
  if (!Number.isInteger(offset) || offset < 0) throw errors.invalidParameter('NextToken');
  const next = offset + TAG_PAGE;
  return {
    ...(next < rows.length && { NextToken: Buffer.from(String(next), 'utf8').toString('base64url') }),
    TagResources: { TagResource: rows.slice(offset, next) },
  };
});
