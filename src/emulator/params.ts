/**
 * Typed access to an RPC request's parameters. Every parse failure becomes the KMS error a real client would see
 * (`MissingParameter` / `InvalidParameter`), never a JS exception. Flattened RPC lists (`ResourceId.1`, `Tag.1.Key`)
 * are read back here because the SDK flattens arrays that way (kms-api.md §1.4).
 */
import { errors } from './errors';

export class Params {
  constructor(readonly all: Readonly<Record<string, string>>) {}

  optional(name: string): string | undefined {
    const value = this.all[name];
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw errors.missingParameter(name);
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value)) return false;
    throw errors.invalidParameter(name);
  }

  int(name: string, range: { min: number; max: number; fallback: number }): number {
    const value = this.optional(name);
    if (value === undefined) return range.fallback;
    if (!/^-?\d+$/.test(value)) throw errors.invalidParameter(name);
    const n = Number(value);
    if (n < range.min || n > range.max)
      throw errors.invalidParameter(name, `must be between ${range.min} and ${range.max}`);
    return n;
  }

  /** A JSON-valued parameter (`Tags`, `Filters`, `VersionStages`, `TagKeys`); `check` narrows the parsed shape. */
  json<T>(name: string, check: (value: unknown) => value is T): T | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw errors.invalidParameter(name, 'is not valid JSON');
    }
    if (!check(parsed)) throw errors.invalidParameter(name);
    return parsed;
  }

  /** `Prefix.1`, `Prefix.2`, … in index order. */
  list(prefix: string): string[] {
    return this.indexed(prefix, (n) => this.optional(`${prefix}.${n}`));
  }

  /** `Prefix.1.Key`, `Prefix.1.Value`, … as objects with the given fields. */
  objectList(prefix: string, fields: string[]): Record<string, string | undefined>[] {
    return this.indexed(prefix, (n) => {
      const item: Record<string, string | undefined> = {};
      let any = false;
      for (const field of fields) {
        item[field] = this.optional(`${prefix}.${n}.${field}`);
        any ||= item[field] !== undefined;
      }
      return any ? item : undefined;
    });
  }

  private indexed<T>(prefix: string, read: (n: number) => T | undefined): T[] {
    const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)(\\.|$)`);
    const indices = new Set<number>();
    for (const key of Object.keys(this.all)) {
      const match = pattern.exec(key);
      if (match) indices.add(Number(match[1]));
    }
    const out: T[] = [];
    for (const n of [...indices].sort((a, b) => a - b)) {
      const item = read(n);
      if (item !== undefined) out.push(item);
    }
    return out;
  }
}

export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
