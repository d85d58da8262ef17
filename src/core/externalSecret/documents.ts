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

/**
 * Manifests are kilobytes. Past this the YAML library alone needs seconds (Kubernetes itself stores at most 1.5 MB per
 * object), and the editor parses every YAML file it opens.
 */
export const MAX_MANIFEST_CHARS = 512 * 1024;
/** Real manifests nest flow collections a few levels; the library's time grows faster than the depth. */
const MAX_FLOW_DEPTH = 64;

/**
 * Why a YAML text is not read for Kubernetes objects (a hostile file must not freeze the editor), or undefined. Flow
 * depth is counted from brackets outside comment lines, restarting at each top-level line: close enough for a guard
 * whose only cost, when wrong, is a file not read.
 */
export function manifestLimit(text: string): string | undefined {
  if (text.length > MAX_MANIFEST_CHARS) return `larger than ${MAX_MANIFEST_CHARS / 1024} KB`;
  let depth = 0;
  let lineStart = true;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      comment = false;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      if (/[A-Za-z0-9.-]/.test(c)) depth = 0;
      comment = /^[ \t]*#/.test(text.slice(i, i + 64));
    }
    if (comment) continue;
    if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return `nested more than ${MAX_FLOW_DEPTH} brackets deep`;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** The objects of a YAML text; none when `manifestLimit` refuses the text. */
export function kubernetesObjects(text: string): KubernetesObject[] {
  const objects: KubernetesObject[] = [];
  if (manifestLimit(text)) return objects;
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
