/** Small helpers over `yaml`'s node tree: aliases resolved, nulls treated as absent, spans as offsets. */
import { isAlias, isMap, isPair, isScalar, type Document, type Node, type YAMLMap } from 'yaml';

export interface Span {
  start: number;
  end: number;
}

/** The node an alias points to (through chains of aliases); undefined for an alias whose anchor is not defined. */
export function resolveAlias(node: unknown, doc: Document): unknown {
  let current = node;
  for (let i = 0; i < 8 && isAlias(current); i++) current = current.resolve(doc);
  return isAlias(current) ? undefined : current;
}

/** A field written without a value (`key:`) is null: Kubernetes treats it as absent. */
export function isAbsent(node: unknown): boolean {
  return node == null || (isScalar(node) && node.value === null);
}

/** The value node of `key` in a mapping, as written (`raw`, possibly an alias) and resolved (`node`). */
export function fieldOf(map: YAMLMap, key: string, doc: Document): { raw?: Node; node: unknown } {
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const k = resolveAlias(pair.key, doc);
    if (isScalar(k) && String(k.value) === key) return { raw: pair.value as Node, node: resolveAlias(pair.value, doc) };
  }
  return { node: undefined };
}

/** The resolved mapping at `key`, if that is what it holds. */
export function mapAt(map: YAMLMap, key: string, doc: Document): YAMLMap | undefined {
  const { node } = fieldOf(map, key, doc);
  return isMap(node) ? node : undefined;
}

/** The string value at `key`, if it is a string scalar. */
export function stringAt(map: YAMLMap, key: string, doc: Document): string | undefined {
  const { node } = fieldOf(map, key, doc);
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

export function spanOf(node: Node | null | undefined): Span {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}
