import { parse } from 'yaml';
import { jsonObjectKeys } from '../jsonKeys';
import type { UnlistedKeys } from './lookup';

/**
 * The top-level key names of a secret value that is a JSON object — or, with `yaml`, a YAML mapping, which
 * ack-secret-manager's `jmesPath` also reads; those come unlisted (a plain value can parse as a mapping whose "keys"
 * are pieces of it). Undefined otherwise. Only the names leave this function.
 */
export function valueKeys(value: string, options: { yaml?: boolean } = {}): string[] | UnlistedKeys | undefined {
  const keys = jsonObjectKeys(value);
  if (keys || !options.yaml) return keys;
  try {
    // Aliases are not expanded past the library's bound, so a hostile value cannot blow up in memory.
    const parsed: unknown = parse(value, { maxAliasCount: 100 });
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? { unlisted: Object.keys(parsed) }
      : undefined;
  } catch {
    return undefined;
  }
}
