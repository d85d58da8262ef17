/** Tag parameters in their two wire forms: a JSON string (`Tags`, `TagKeys`) or RPC-flattened (`Tag.N.Key`, `TagKey.N`). */
import { errors } from '../errors';
import { Tag } from '../model';
import { Params, isStringArray } from '../params';

interface WireTag {
  TagKey: string;
  TagValue: string;
}

const isWireTags = (v: unknown): v is WireTag[] =>
  Array.isArray(v) &&
  v.every((t) => typeof t === 'object' && t !== null && typeof t.TagKey === 'string' && typeof t.TagValue === 'string');

export function parseTagsParam(params: Params, name: string): Tag[] {
  return (params.json(name, isWireTags) ?? []).map((t) => ({ key: t.TagKey, value: t.TagValue }));
}

export function parseTagKeysParam(params: Params, name: string): string[] {
  return params.json(name, isStringArray) ?? [];
}

export function parseFlatTags(params: Params): Tag[] {
  return params.objectList('Tag', ['Key', 'Value']).map((t) => {
    if (t.Key === undefined) throw errors.missingParameter('Tag.N.Key');
    return { key: t.Key, value: t.Value ?? '' };
  });
}
