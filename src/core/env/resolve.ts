/**
 * Resolving a set of references: in parallel (bounded), each secret version fetched once, `#jsonKey` extracted,
 * failures collected per reference (never thrown half-way). Messages name the reference, never a value. Pure: never
 * imports vscode.
 */
import * as l10n from '@vscode/l10n';
import { ReferenceSyntaxError, SecretReference, parseReference, referenceKey } from '../reference';

/** Reads one secret version. It receives the reference without its `jsonKey` (extraction happens here). */
export type FetchSecret = (reference: SecretReference) => Promise<{ value: string }>;

export type ResolveRequest = string | { text: string; reference?: SecretReference };

export type ResolveFailureCode = 'syntax' | 'fetch' | 'not-json' | 'json-key-absent';

export interface ResolveFailure {
  /** The reference text as given. */
  text: string;
  reference?: SecretReference;
  code: ResolveFailureCode;
  /** One sentence naming the reference; never holds a secret value. */
  message: string;
  /** The fetch error, for the log (already free of values if the fetcher is). */
  cause?: unknown;
}

export interface ResolveOutcome {
  /** Resolved values by reference text. */
  values: Map<string, string>;
  failures: ResolveFailure[];
  /** How many fetches were made (distinct secret versions). */
  fetched: number;
}

export interface ResolveOptions {
  /** Fetches in flight at once (default 8). */
  concurrency?: number;
}

export const DEFAULT_CONCURRENCY = 8;

interface Pending {
  text: string;
  reference: SecretReference;
}

export async function resolveReferences(
  requests: Iterable<ResolveRequest>,
  fetch: FetchSecret,
  options: ResolveOptions = {},
): Promise<ResolveOutcome> {
  const values = new Map<string, string>();
  const failures: ResolveFailure[] = [];
  const groups = new Map<string, { reference: SecretReference; members: Pending[] }>();
  const seenTexts = new Set<string>();

  for (const request of requests) {
    const text = typeof request === 'string' ? request : request.text;
    if (seenTexts.has(text)) continue;
    seenTexts.add(text);
    let reference = typeof request === 'string' ? undefined : request.reference;
    if (!reference) {
      try {
        reference = parseReference(text);
      } catch (error) {
        if (!(error instanceof ReferenceSyntaxError)) throw error;
        failures.push({
          text,
          code: 'syntax',
          message: `${text} is not a valid reference: ${error.message}`,
          cause: error,
        });
        continue;
      }
    }
    const key = referenceKey(reference);
    let group = groups.get(key);
    if (!group) {
      const { jsonKey: _jsonKey, ...withoutKey } = reference;
      group = { reference: withoutKey, members: [] };
      groups.set(key, group);
    }
    group.members.push({ text, reference });
  }

  const queue = [...groups.values()];
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const worker = async (): Promise<void> => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      let value: string;
      try {
        const result = await fetch(group.reference);
        if (typeof result?.value !== 'string') throw new Error(l10n.t('the secret has no text value'));
        value = result.value;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        for (const member of group.members) {
          failures.push({
            text: member.text,
            reference: member.reference,
            code: 'fetch',
            message: `${member.text}: ${reason}`,
            cause: error,
          });
        }
        continue;
      }
      for (const member of group.members) {
        const extracted = extractJsonKey(member.text, value, member.reference.jsonKey);
        if ('failure' in extracted) failures.push({ ...extracted.failure, reference: member.reference });
        else values.set(member.text, extracted.value);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return { values, failures, fetched: groups.size };
}

/**
 * The value for a reference: the whole secret value, or one top-level key of it when the reference has `#jsonKey`.
 * Strings are taken as they are; numbers and booleans as their JSON text; objects and arrays as compact JSON; null as
 * ''.
 */
export function extractJsonKey(
  text: string,
  value: string,
  jsonKey: string | undefined,
): { value: string } | { failure: ResolveFailure } {
  if (jsonKey === undefined) return { value };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return {
      failure: {
        text,
        code: 'not-json',
        message: `${text}: the secret's value is not JSON, so it has no key '${jsonKey}'.`,
      },
    };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return {
      failure: {
        text,
        code: 'not-json',
        message: `${text}: the secret's value is not a JSON object, so it has no key '${jsonKey}'.`,
      },
    };
  }
  if (!Object.prototype.hasOwnProperty.call(parsed, jsonKey)) {
    const keys = Object.keys(parsed);
    const hint = keys.length
      ? ` (it has ${keys
          .slice(0, 10)
          .map((k) => `'${k}'`)
          .join(', ')}${keys.length > 10 ? ', …' : ''})`
      : '';
    return {
      failure: {
        text,
        code: 'json-key-absent',
        message: `${text}: the secret's JSON value has no key '${jsonKey}'${hint}.`,
      },
    };
  }
  const member = (parsed as Record<string, unknown>)[jsonKey];
  if (typeof member === 'string') return { value: member };
  if (member === null) return { value: '' };
  return { value: JSON.stringify(member) };
}
