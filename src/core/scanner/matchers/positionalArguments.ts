/**
 * Literals passed by position, named by the parameters they are passed to: a parameterised test's rows (xUnit's
 * `[InlineData("host", "user", "…")]`, NUnit's `[TestCase(…)]`) by the test method's signature a few lines below
 * (`(string host, string user, string password)`), and a C# positional record built in the same file
 * (`record SmtpSettings(string Host, string User, string Password)` … `new("smtp.host", "user", "…")`). Each string is
 * judged under its parameter's name; in test files such findings are reported at `info`, as fixtures are.
 */
import { PRIORITY, type Add, type Window } from './context';
import { valueCandidate } from './assignments';

const ROW = /\[(?:InlineData|TestCase)\((?<args>[^\]\n]{1,1000})\)\]/g;
const RECORD = /\brecord\s+(?:class\s+|struct\s+)?(\w{1,60})\s*\(([^()\n]{1,1000})\)/g;
const PARAMETER = /(?:^|,)\s*(?:\[[^\]]{0,80}\]\s*)?[\w.<>[\]?]{1,60}\s+(\w{1,60})\s*(?:=\s*[^,()]{0,60})?(?=,|$)/g;
const ARGUMENT = /\s*(?:@?"((?:[^"\\\n]|\\.){0,500})"|[^,"\n]{0,200})\s*(?:,|$)/y;
/** How far below its rows a test method's signature may stand (more rows, other attributes). */
const SIGNATURE_REACH = 8;
const MAX_RECORDS = 50;

export function scanPositionalArguments(window: Window, add: Add): void {
  const { text } = window;
  if (text.includes('InlineData(') || text.includes('TestCase(')) scanTestRows(window, add);
  if (text.includes('record ')) scanRecordConstructions(window, add);
}

function scanTestRows({ lines, lineStarts }: Window, add: Add): void {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line.includes('InlineData(') && !line.includes('TestCase(')) continue;
    const names = parametersBelow(lines, index);
    if (!names) continue;
    ROW.lastIndex = 0;
    for (let row = ROW.exec(line); row; row = ROW.exec(line))
      addArguments(row.groups!.args, lineStarts[index] + row.index + row[0].indexOf('(') + 1, names, add);
  }
}

/**
 * A positional record with a parameter that names a credential: its constructions anywhere in the file depend on its
 * declaration, so such a file is scanned whole again on every edit.
 */
export function holdsCredentialRecord(text: string): boolean {
  if (!text.includes('record ')) return false;
  RECORD.lastIndex = 0;
  for (let m = RECORD.exec(text); m; m = RECORD.exec(text))
    if (parameterNames(m[2]).some((name) => valueCandidate(name, 'Kq8vL2mZp9xWbN3c', 'code'))) return true;
  return false;
}

/** `new Name(…)` and target-typed `Name x = new(…)` of the file's positional records, each on one line. */
function scanRecordConstructions({ text }: Window, add: Add): void {
  const records = new Map<string, string[]>();
  RECORD.lastIndex = 0;
  for (let m = RECORD.exec(text); m && records.size < MAX_RECORDS; m = RECORD.exec(text))
    records.set(m[1], parameterNames(m[2]));
  if (!records.size) return;
  const names = [...records.keys()].join('|');
  const construction = new RegExp(
    String.raw`(?:\bnew\s+(${names})\s*\(|\b(${names})\s+\w{1,60}\s*=\s*new\s*\()(?<args>[^()\n]{0,1000})\)`,
    'g',
  );
  for (let m = construction.exec(text); m; m = construction.exec(text))
    addArguments(m.groups!.args, m.index + m[0].length - 1 - m.groups!.args.length, records.get(m[1] ?? m[2])!, add);
}

/** Judges each string argument under the name of the parameter in its place (`args` starts at `offset`). */
function addArguments(args: string, offset: number, names: readonly string[], add: Add): void {
  if (/[{(]/.test(args)) return; // arrays and calls among the arguments: their commas would misalign the names
  ARGUMENT.lastIndex = 0;
  for (let i = 0; ARGUMENT.lastIndex < args.length && i < names.length; i++) {
    const at = ARGUMENT.lastIndex;
    const arg = ARGUMENT.exec(args);
    if (!arg || arg[0] === '') return;
    const value = arg[1];
    if (value === undefined || value === '') continue;
    const candidate = valueCandidate(names[i], value, 'code');
    if (!candidate) continue;
    candidate.start = offset + at + arg[0].indexOf('"') + 1;
    candidate.end = candidate.start + value.length;
    add(candidate, PRIORITY.assignment);
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
    return parameterNames(line.slice(open + 1, close));
  }
  return undefined;
}

const parameterNames = (list: string): string[] => [...list.matchAll(PARAMETER)].map((m) => m[1]);
