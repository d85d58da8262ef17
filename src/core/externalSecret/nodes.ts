/** Small helpers over `yaml`'s node tree: aliases resolved, nulls treated as absent, spans as offsets. */
import { isAlias, isMap, isPair, isScalar, visit, type Alias, type Document, type Node, type YAMLMap } from 'yaml';

export interface Span {
  start: number;
  end: number;
}

/**
 * Every alias of a document with the node it points to: the last node before it carrying its anchor, as YAML (and
 * `Alias.resolve`) define it. Built in one walk per document; `Alias.resolve` walks the whole document on each call, so
 * a 20 KB file of 2,000 `- *a` lines took seconds, and 70 KB half a minute.
 */
const aliasTargets = new WeakMap<Document, Map<Alias, Node | undefined>>();

function targetsOf(doc: Document): Map<Alias, Node | undefined> {
  let targets = aliasTargets.get(doc);
  if (!targets) {
    const found = new Map<Alias, Node | undefined>();
    const anchors = new Map<string, Node>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) found.set(node, anchors.get(node.source));
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
    targets = found;
    aliasTargets.set(doc, targets);
  }
  return targets;
}

/** The node an alias points to; undefined for an alias whose anchor is not defined before it. Others as they are. */
export function resolveAlias(node: unknown, doc: Document): unknown {
  if (!isAlias(node)) return node;
  // An anchored node is never an alias itself, so one step resolves.
  const target = targetsOf(doc).get(node);
  return isAlias(target) ? undefined : target;
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
