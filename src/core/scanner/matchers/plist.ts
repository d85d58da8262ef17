/**
 * Property lists (`Info.plist`, `GoogleService-Info.plist`): a `<key>` names the `<string>` after it, on the same line
 * or the next, so neither line alone says what the value is.
 */
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { valueCandidate } from './assignments';
import { PRIORITY, type Add, type Window } from './context';

const KEY = /<key>([^<\n]{1,80})<\/key>/;
const STRING = /<string>([^<\n]{1,1000})<\/string>/;

export function scanPlist({ text, lines, lineStarts }: Window, add: Add): void {
  if (!text.includes('<key>')) return;
  let key: string | undefined; // the key of the line before, waiting for its value
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > MAX_ASSIGNMENT_LINE) {
      key = undefined;
      continue;
    }
    const named = KEY.exec(line);
    const rest = named ? line.slice(named.index + named[0].length) : line;
    const value = STRING.exec(rest);
    const name = named?.[1] ?? key;
    key = named && !value ? named[1] : undefined;
    if (!value || !name) continue;
    const candidate = valueCandidate(name, value[1], 'config');
    if (!candidate) continue;
    candidate.start = lineStarts[i] + (line.length - rest.length) + value.index + '<string>'.length;
    candidate.end = candidate.start + value[1].length;
    add(candidate, PRIORITY.assignment);
  }
}
