/**
 * Writing a string into a manifest field the editor replaces (a completion, a quick fix): the text must read back as
 * that same string. Secret names like `123`, `on` or `@team/db`, and JMESPath keys like `"tls.crt"`, would not as plain
 * scalars, so they are quoted; the quotes the user chose are kept when they can carry the value.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { YAML_OPTIONS } from './documents';
import type { ManifestField } from './manifest';

export type ScalarStyle = 'plain' | 'single' | 'double';

/** How a field's value is written in `text`. */
export function scalarStyle(text: string, field: ManifestField): ScalarStyle {
  if (field.inner.start === field.start) return 'plain';
  return text[field.start] === '"' ? 'double' : 'single';
}

/** `value` as the YAML text of a mapping value: in `style` when that reads back as `value`, else single-quoted. */
export function yamlScalar(value: string, style: ScalarStyle = 'plain'): string {
  if (style === 'double') return JSON.stringify(value);
  if (style === 'plain' && readsBackPlain(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function readsBackPlain(value: string): boolean {
  if (!value || /[\n\r]/.test(value) || value !== value.trim()) return false;
  const doc = parseDocument(`k: ${value}\n`, YAML_OPTIONS);
  if (doc.errors.length || !isMap(doc.contents)) return false;
  const pair = doc.contents.items[0];
  return doc.contents.items.length === 1 && isScalar(pair?.value) && pair.value.value === value && !pair.value.comment;
}
