/** The Kubernetes objects of a YAML file: each document's root mapping, and the items of `kind: *List` documents. */
import { isMap, isSeq, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { fieldOf, resolveAlias, stringAt } from './nodes';

/**
 * kubectl reads manifests as YAML 1.1 (`on`, `yes` are booleans there), so these do too. Aliases are resolved node by
 * node, never expanded wholesale, so a hostile file cannot blow up in memory.
 */
export const YAML_OPTIONS = { version: '1.1', uniqueKeys: false } as const;

export interface KubernetesObject {
  /** 0-based index of the YAML document in the file. */
  document: number;
  doc: Document.Parsed;
  node: YAMLMap;
  apiVersion?: string;
  kind?: string;
  /** Set for items of a `kind: List` document. */
  listIndex?: number;
}

export function kubernetesObjects(text: string): KubernetesObject[] {
  const objects: KubernetesObject[] = [];
  parseAllDocuments(text, YAML_OPTIONS).forEach((doc, document) => {
    // A stream that is not YAML at all yields an EmptyStream: nothing to find.
    if (!('contents' in doc) || !isMap(doc.contents)) return;
    const root = doc.contents;
    const kind = stringAt(root, 'kind', doc);
    const items = fieldOf(root, 'items', doc).node;
    if (kind?.endsWith('List') && isSeq(items)) {
      items.items.forEach((item, listIndex) => {
        const node = resolveAlias(item, doc);
        if (isMap(node)) objects.push(describe(document, doc, node, listIndex));
      });
      return;
    }
    objects.push(describe(document, doc, root));
  });
  return objects;
}

function describe(document: number, doc: Document.Parsed, node: YAMLMap, listIndex?: number): KubernetesObject {
  return {
    document,
    doc,
    node,
    apiVersion: stringAt(node, 'apiVersion', doc),
    kind: stringAt(node, 'kind', doc),
    ...(listIndex !== undefined && { listIndex }),
  };
}
