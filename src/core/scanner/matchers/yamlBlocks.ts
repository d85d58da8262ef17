/**
 * YAML block scalars: `password: >-` or `api_token: |` with the value on the indented line below. A block of one line
 * is a value like any other; longer blocks (scripts, certificates, JSON) are left to the rules that read their content.
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
