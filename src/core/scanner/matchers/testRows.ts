/**
 * A parameterised test's rows, xUnit's `[InlineData("host", "user", "…")]` and NUnit's `[TestCase(…)]`, are named by
 * the parameters of the test method a few lines below (`(string host, string user, string password)`): each string is
 * judged under its parameter's name. In test files such findings are reported at `info`, as fixtures are.
 */
import { PRIORITY, type Add, type Window } from './context';
import { valueCandidate } from './assignments';

const ROW = /\[(?:InlineData|TestCase)\((?<args>[^\]\n]{1,1000})\)\]/g;
const PARAMETER = /(?:^|,)\s*(?:\[[^\]]{0,80}\]\s*)?[\w.<>[\]?]{1,60}\s+(\w{1,60})\s*(?:=\s*[^,()]{0,60})?(?=,|$)/g;
const ARGUMENT = /\s*(?:@?"((?:[^"\\\n]|\\.){0,500})"|[^,"\n]{0,200})\s*(?:,|$)/y;
/** How far below its rows a test method's signature may stand (more rows, other attributes). */
const SIGNATURE_REACH = 8;

export function scanTestRows({ text, lines, lineStarts }: Window, add: Add): void {
  if (!text.includes('InlineData(') && !text.includes('TestCase(')) return;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line.includes('InlineData(') && !line.includes('TestCase(')) continue;
    const names = parametersBelow(lines, index);
    if (!names) continue;
    ROW.lastIndex = 0;
    for (let row = ROW.exec(line); row; row = ROW.exec(line)) {
      const args = row.groups!.args;
      if (/[{(]/.test(args)) continue; // arrays and calls among the arguments: their commas would misalign the names
      const argsStart = row.index + row[0].indexOf('(') + 1;
      ARGUMENT.lastIndex = 0;
      for (let i = 0; ARGUMENT.lastIndex < args.length && i < names.length; i++) {
        const at = ARGUMENT.lastIndex;
        const arg = ARGUMENT.exec(args);
        if (!arg || arg[0] === '') break;
        const value = arg[1];
        if (value === undefined || value === '') continue;
        const candidate = valueCandidate(names[i], value, 'code');
        if (!candidate) continue;
        candidate.start = lineStarts[index] + argsStart + at + arg[0].indexOf('"') + 1;
        candidate.end = candidate.start + value.length;
        add(candidate, PRIORITY.assignment);
      }
    }
  }
}

/** The parameter names of the first method signature below the rows, if one stands within reach. */
function parametersBelow(lines: readonly string[], index: number): string[] | undefined {
  for (let j = index + 1; j <= Math.min(lines.length - 1, index + SIGNATURE_REACH); j++) {
    const line = lines[j].trim();
    if (line.startsWith('[') || line === '') continue;
    const open = line.indexOf('(');
    const close = line.lastIndexOf(')');
    if (open < 0 || close < open || line.length > 1000) return undefined;
    return [...line.slice(open + 1, close).matchAll(PARAMETER)].map((m) => m[1]);
  }
  return undefined;
}
