/** What is being typed at a cursor inside a (possibly incomplete) reference: completion's view of the grammar. */
import { findReferences } from './find';
import { headLength, QUERY_KEYS, type QueryKey } from './grammar';

export type ReferenceContextKind = 'name' | 'queryKey' | QueryKey | 'jsonKey';

export interface ReferenceContext {
  /** What is being typed at the cursor. `region`/`profile`/`stage`/`version` mean the value of that query parameter. */
  kind: ReferenceContextKind;
  /** The text of the part from its start up to the cursor (decoded for `jsonKey`). */
  prefix: string;
  /** Range of the whole part under the cursor (what a completion should replace), absolute offsets. */
  partStart: number;
  partEnd: number;
  /** The whole reference (possibly incomplete) that holds the cursor. */
  start: number;
  end: number;
  /** The secret name, once the cursor is past it. */
  secretName?: string;
  /** Query keys already present (other than the one under the cursor). */
  presentKeys: QueryKey[];
}

/**
 * What is being typed at `offset` inside a (possibly incomplete) reference, or undefined when the cursor is not inside
 * one. The cursor may sit right after the last character of the reference.
 */
export function referenceContextAt(text: string, offset: number): ReferenceContext | undefined {
  // Only the references of the line around the cursor matter; scanning it keeps this cheap on big files.
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  for (const found of findReferences(text.slice(lineStart, lineEnd))) {
    const start = found.start + lineStart;
    const end = found.end + lineStart;
    const head = headLength(text, start);
    if (offset < start + head || offset > end) continue;
    return contextIn(text, start, start + head, end, offset);
  }
  return undefined;
}

function contextIn(text: string, start: number, bodyStart: number, end: number, offset: number): ReferenceContext {
  const body = text.slice(bodyStart, end);
  const q = body.indexOf('?');
  const h = body.indexOf('#');
  const nameEnd = bodyStart + Math.min(q < 0 ? body.length : q, h < 0 ? body.length : h);
  const base = { start, end };
  const secretName = text.slice(bodyStart, nameEnd);
  if (offset <= nameEnd) {
    return {
      ...base,
      kind: 'name',
      prefix: text.slice(bodyStart, offset),
      partStart: bodyStart,
      partEnd: nameEnd,
      presentKeys: [],
    };
  }
  const hashAt = h < 0 ? -1 : bodyStart + h;
  if (hashAt >= 0 && offset > hashAt) {
    const presentKeys = q >= 0 && bodyStart + q < hashAt ? keysIn(text.slice(bodyStart + q + 1, hashAt)) : [];
    return {
      ...base,
      kind: 'jsonKey',
      prefix: lenientDecode(text.slice(hashAt + 1, offset)),
      partStart: hashAt + 1,
      partEnd: end,
      secretName,
      presentKeys,
    };
  }
  // Inside the query: find the parameter under the cursor.
  const queryStart = bodyStart + q + 1;
  const queryEnd = hashAt >= 0 ? hashAt : end;
  let paramStart = queryStart;
  for (let i = queryStart; i < offset; i++) if (text[i] === '&') paramStart = i + 1;
  let paramEnd = text.indexOf('&', offset);
  if (paramEnd < 0 || paramEnd > queryEnd) paramEnd = queryEnd;
  const param = text.slice(paramStart, paramEnd);
  const eq = param.indexOf('=');
  const presentKeys = keysIn(text.slice(queryStart, paramStart) + '&' + text.slice(paramEnd, queryEnd));
  if (eq < 0 || offset <= paramStart + eq) {
    return {
      ...base,
      kind: 'queryKey',
      prefix: text.slice(paramStart, offset),
      partStart: paramStart,
      partEnd: eq < 0 ? paramEnd : paramStart + eq,
      secretName,
      presentKeys,
    };
  }
  const key = param.slice(0, eq);
  const kind: ReferenceContextKind = (QUERY_KEYS as readonly string[]).includes(key) ? (key as QueryKey) : 'queryKey';
  if (kind === 'queryKey') {
    return { ...base, kind, prefix: key, partStart: paramStart, partEnd: paramStart + eq, secretName, presentKeys };
  }
  return {
    ...base,
    kind,
    prefix: text.slice(paramStart + eq + 1, offset),
    partStart: paramStart + eq + 1,
    partEnd: paramEnd,
    secretName,
    presentKeys,
  };
}

function keysIn(query: string): QueryKey[] {
  return query
    .split('&')
    .map((p) => p.split('=')[0])
    .filter((k): k is QueryKey => (QUERY_KEYS as readonly string[]).includes(k));
}

function lenientDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
