/**
 * YAML block scalars: `password: >-` or `api_token: |` with the value on the indented line below. A block of one line
 * is a value like any other; longer blocks (scripts, certificates, JSON) are left to the rules that read their content.
 * Also block lists under a plural name (Bitnami charts' `auth.passwords:` then `- "…"`): each item is one.
 */
import { valueCandidate } from './assignments';
import { indentOf, PRIORITY, type Add, type Window } from './context';

const BLOCK_KEY = /^(\s*)(?:-\s+)?["']?([A-Za-z_][\w.-]{0,79})["']?\s*:\s*[|>][-+]?\d?\s*(?:#.*)?$/;

/** Any block scalar indicator at a line's end: one test of the text before reading it line by line. */
const ANY_BLOCK = /:[ \t]*[|>][-+]?\d?[ \t]*(?:#[^\n]*)?\r?$/m;

export function scanYamlBlocks({ text, lines, lineStarts }: Window, add: Add): void {
  if (!ANY_BLOCK.test(text)) return;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.length > 200 || !/:\s*[|>]/.test(line)) continue;
    const key = BLOCK_KEY.exec(line);
    const next = lines[i + 1].replace(/\r$/, '');
    if (!key || !next.trim() || indentOf(next) <= key[1].length) continue;
    const after = lines[i + 2]?.replace(/\r$/, '');
    if (after?.trim() && indentOf(after) >= indentOf(next)) continue; // a block of several lines
    const value = next.trim();
    const candidate = valueCandidate(key[2], value, 'config');
    if (!candidate) continue;
    candidate.start = lineStarts[i + 1] + indentOf(next);
    candidate.end = candidate.start + value.length;
    add(candidate, PRIORITY.assignment);
  }
}

/** A plural name a list of credentials goes by (not `secrets:`, which lists the names of Docker's and Actions' secrets). */
const LIST_KEY = /^(\s*)(?:-\s+)?["']?(passwords|tokens|api_?keys|apiKeys|api_?tokens|apiTokens)["']?\s*:\s*(?:#.*)?$/;
/** What any such key ends with: looked for before the text is read line by line. */
export const LIST_KEY_ENDS = ['passwords:', 'okens:', 'eys:'];
/** A list's item: a scalar, quoted or not (an item that is a mapping, `- name: x`, is read by the other rules). */
const ITEM = /^(\s*)-\s+(?:"([^"\n]{1,500})"|'([^'\n]{1,500})'|([^\s"'#][^\s#]{0,499}))\s*(?:#.*)?$/;

export function scanYamlSecretLists({ text, lines, lineStarts }: Window, add: Add): void {
  if (!LIST_KEY_ENDS.some((end) => text.includes(end))) return;
  for (let i = 0; i < lines.length; i++) {
    const key = LIST_KEY.exec(lines[i].replace(/\r$/, ''));
    if (!key) continue;
    const singular = key[2].replace(/s$/, '');
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j].replace(/\r$/, '');
      const item = ITEM.exec(line);
      if (!item || item[1].length < key[1].length) break;
      const value = item[2] ?? item[3] ?? item[4];
      if (value.includes(': ')) break;
      const candidate = valueCandidate(singular, value, 'config');
      if (!candidate) continue;
      candidate.start = lineStarts[j] + line.indexOf(value, item[1].length + 1);
      candidate.end = candidate.start + value.length;
      add(candidate, PRIORITY.assignment);
    }
  }
}
