/**
 * A secret split into an array of literals joined back at run time (`["sk_live_…", "…"].join("")`, `const SECRET =
 * ['…', '…'].join('')`): the joined text is judged, under its name when it has one, and as a known token format
 * otherwise (a bundle's `var Qe=[…].join("")`). Literals concatenated with `+` that make a known token format
 * (`"sk-proj-…"+"…"`) too. Each part is reported.
 */
import type { FileFormat } from '../formats';
import { addSplitValue } from './assignments';
import { PRIORITY, type Add, type Window } from './context';
import { tokenRuleOf } from './tokens';

const LITERAL = String.raw`(?:"[^"\\\n]{1,300}"|'[^'\\\n]{1,300}')`;
const JOINED = new RegExp(
  String.raw`\[\s{0,40}(?<items>${LITERAL}(?:\s{0,40},\s{0,40}${LITERAL}){1,15})\s{0,40},?\s{0,40}\]\.join\(\s{0,4}(?:""|'')\s{0,4}\)`,
  'dg',
);
/** The name the array is given, just before it (`const SECRET = [`, `secret: [`), read from a bounded stretch. */
const NAME_BEFORE = /([A-Za-z_$][\w$.]{0,79})\s{0,4}(?::\s{0,4}[\w<>[\]]{1,40}\s{0,4})?[=:]\s{0,4}$/;
const NAME_REACH = 160;
const ITEM = new RegExp(LITERAL, 'g');
/** Literals joined with `+` (their names, if any, are read by the assignment rules: `"…" +` then `"…"`). */
const CONCATENATED = new RegExp(String.raw`${LITERAL}(?:\s{0,4}\+\s{0,4}${LITERAL}){1,15}`, 'g');
export const CONCATENATIONS = ['"+"', '" + "', "'+'", "' + '"];

export function scanJoinedLiterals({ text }: Window, format: FileFormat, add: Add): void {
  if (text.includes('].join(')) {
    JOINED.lastIndex = 0;
    for (let m = JOINED.exec(text); m; m = JOINED.exec(text)) {
      const parts = partsOf(m.groups!.items, m.indices!.groups!.items[0]);
      if (addToken(parts, add)) continue;
      const name = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - NAME_REACH), m.index))?.[1];
      if (name) addSplitValue(name, parts, format, add);
    }
  }
  if (CONCATENATIONS.some((joint) => text.includes(joint))) {
    CONCATENATED.lastIndex = 0;
    for (let m = CONCATENATED.exec(text); m; m = CONCATENATED.exec(text)) addToken(partsOf(m[0], m.index), add);
  }
}

/** The literals of `items` (which starts at `offset`), without their quotes. */
function partsOf(items: string, offset: number): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  ITEM.lastIndex = 0;
  for (let item = ITEM.exec(items); item; item = ITEM.exec(items))
    parts.push({ text: item[0].slice(1, -1), start: offset + item.index + 1 });
  return parts;
}

/** Adds each part when together they make a known token format; says whether they did. */
function addToken(parts: readonly { text: string; start: number }[], add: Add): boolean {
  const rule = tokenRuleOf(parts.map((part) => part.text).join(''));
  if (!rule) return false;
  for (const { text, start } of parts)
    add({ ruleId: rule.id, kind: rule.kind, severity: rule.severity, start, end: start + text.length }, PRIORITY.token);
  return true;
}
