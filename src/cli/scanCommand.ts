/**
 * `kms-secrets scan [--format text|json|sarif] [--exclude <glob>]… [--config <file>] [--output <file>] [--threads <n>]
 * <paths…>`: the editor's rules and ignores (inline comments, `.kms-secrets-ignore`) for CI, on every core. A gate
 * fails closed: whatever could not be scanned is listed and makes the exit code non-zero.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  IGNORE_FILE_NAME,
  NO_IGNORES,
  parseIgnoreFile,
  ScanPool,
  type CustomPattern,
  type IgnoreRules,
  type ScanResult,
  type Severity,
  type WorkerOptions,
} from '../core/scanner';
import { formatJson, formatNotices, formatSarif, formatText, type FileFinding, type ScanNotice } from './scan/report';
import { readRepositoryFile } from '../core/repositoryFiles';
import { walkFiles } from './scan/walk';

const HELP = `Usage: kms-secrets scan [options] <paths…>

Finds hard-coded credentials (the same rules and ignores as the editor) in files and folders. Folders are walked
honouring .gitignore; dependency and VCS folders (node_modules, vendor, .venv, .git…) are skipped. A file named on the
command line is always scanned. Files of any size are scanned; binary files are searched for known credential formats.

Options:
  --format <text|json|sarif>   output format (default text)
  --exclude <glob>             skip matching paths, relative to the current directory (repeatable)
  --config <file>              JSON settings: { "disabledRules": [], "customPatterns": [{ "id", "pattern", "kind",
                               "severity" }], "exclude": [], "minSeverity": "info|warning|error" }
  --output <file>              write the report to a file instead of stdout
  --threads <n>                worker threads (default: the available cores, at most 4)
  -h, --help                   show this help

Exit code: 0 nothing found and everything scanned; 1 findings; 3 the scan is incomplete (a file or folder could not
be read, or a custom pattern was stopped for running too long: listed on stderr and in the report), whether or not
there are findings; 2 usage error.`;

declare const PACKAGE_VERSION: string | undefined;

/** Exit codes: a gate passes only on 0. */
export const EXIT = { clean: 0, findings: 1, usage: 2, incomplete: 3 } as const;

export async function scanCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        exclude: { type: 'string', multiple: true, default: [] },
        output: { type: 'string' },
        config: { type: 'string' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`kms-secrets scan: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return EXIT.clean;
  }
  const format = values.format ?? 'text';
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  const problem =
    positionals.length === 0
      ? 'name at least one file or folder'
      : !['text', 'json', 'sarif'].includes(format)
        ? `unknown format "${format}"`
        : threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64)
          ? '--threads takes a whole number from 1 to 64'
          : undefined;
  if (problem) {
    console.error(`kms-secrets scan: ${problem}.\n\n${HELP}`);
    return EXIT.usage;
  }

  const cwd = process.cwd();
  const ignores = await loadIgnores(cwd);
  let settings: FileSettings = {};
  if (values.config) {
    try {
      settings = parseSettings(JSON.parse(await readFile(values.config, 'utf8')));
    } catch (error) {
      console.error(
        `kms-secrets scan: cannot use --config ${values.config}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return EXIT.usage;
    }
  }
  const options = (path: string): WorkerOptions => ({
    path,
    config: {
      disabledRules: settings.disabledRules,
      customPatterns: settings.customPatterns,
      minSeverity: settings.minSeverity,
      ignoredFingerprints: ignores.fingerprints,
    },
  });

  const shownOf = (file: string): string => relative(cwd, resolve(file)).split(sep).join('/');
  const notices: ScanNotice[] = [];
  const unreadable = (path: string, error: NodeJS.ErrnoException): void => {
    const file = shownOf(path);
    if (error.code === 'ENOTFILE')
      notices.push({ file, kind: 'not-a-file', level: 'error', message: 'Not scanned: not a regular file.' });
    else if (error.code?.startsWith('E'))
      notices.push({
        file,
        kind: 'unreadable',
        level: 'error',
        message: `Not scanned: cannot be read (${error.code}).`,
      });
    else
      notices.push({
        file,
        kind: 'scan-failed',
        level: 'error',
        message: `Not scanned: the scanner failed (${error.message}).`,
      });
  };
  const pool = new ScanPool({ threads });
  const scans: Promise<{ file: string; result?: ScanResult }>[] = [];
  try {
    for await (const file of walkFiles(positionals, {
      root: cwd,
      exclude: [...(values.exclude ?? []), ...(settings.exclude ?? [])],
      onError: unreadable,
    })) {
      const shown = shownOf(file);
      scans.push(
        pool.scanFile(file, options(shown)).then(
          (result) => ({ file: shown, result }),
          (error: NodeJS.ErrnoException) => {
            unreadable(file, error);
            return { file: shown };
          },
        ),
      );
    }
  } catch (error) {
    await pool.close();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      `kms-secrets scan: ${code === 'ENOENT' ? `no such file or folder: ${(error as NodeJS.ErrnoException).path}` : String(error)}`,
    );
    return EXIT.usage;
  }
  const scanned = await Promise.all(scans);
  await pool.close();

  const results: FileFinding[] = [];
  for (const { file, result } of scanned)
    for (const finding of result?.findings ?? [])
      if (!ignores.isRuleIgnored(finding.ruleId, file)) results.push({ file, finding });
  const invalid = new Map<string, string>();
  for (const { result } of scanned) for (const d of result?.disabledPatterns ?? []) invalid.set(d.id, d.reason);
  for (const d of pool.disabledPatterns) invalid.set(d.id, d.reason);
  for (const reason of invalid.values()) notices.push({ kind: 'pattern-disabled', level: 'error', message: reason });

  const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0';
  const report =
    format === 'json'
      ? formatJson(results, notices)
      : format === 'sarif'
        ? formatSarif(results, version, { notices })
        : formatText(results);
  if (values.output) await writeFile(values.output, `${report}\n`);
  else if (report) console.log(report);
  if (notices.length) console.error(formatNotices(notices));
  if (format === 'text') {
    const files = new Set(results.map((r) => r.file)).size;
    const incomplete = notices.filter((n) => n.level === 'error').length;
    console.error(
      `${results.length} finding(s) in ${files} of ${scanned.length} file(s)${incomplete ? `; INCOMPLETE: ${incomplete} problem(s) above` : ''}.`,
    );
  }
  if (notices.some((n) => n.level === 'error')) return EXIT.incomplete;
  return results.length ? EXIT.findings : EXIT.clean;
}

async function loadIgnores(cwd: string): Promise<IgnoreRules> {
  const text = await readRepositoryFile(resolve(cwd, IGNORE_FILE_NAME), cwd);
  return text === undefined ? NO_IGNORES : parseIgnoreFile(text);
}

interface FileSettings {
  disabledRules?: string[];
  customPatterns?: CustomPattern[];
  exclude?: string[];
  minSeverity?: Severity;
}

/** The `--config` file: the same settings as the editor's `kmsSecrets.scanner.*`, checked so a typo fails loudly. */
function parseSettings(raw: unknown): FileSettings {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('expected a JSON object');
  const o = raw as Record<string, unknown>;
  const strings = (key: string): string[] | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      throw new Error(`"${key}" must be an array of strings`);
    return v as string[];
  };
  const severities = ['error', 'warning', 'info'];
  if (o.minSeverity !== undefined && !severities.includes(o.minSeverity as string))
    throw new Error('"minSeverity" must be error, warning or info');
  let customPatterns: CustomPattern[] | undefined;
  if (o.customPatterns !== undefined) {
    if (!Array.isArray(o.customPatterns)) throw new Error('"customPatterns" must be an array');
    customPatterns = o.customPatterns.map((p: Record<string, unknown>, i: number) => {
      if (typeof p?.id !== 'string' || typeof p?.pattern !== 'string')
        throw new Error(`customPatterns[${i}] needs "id" and "pattern"`);
      new RegExp(p.pattern); // throws on a bad pattern, with its message
      if (p.severity !== undefined && !severities.includes(p.severity as string))
        throw new Error(`customPatterns[${i}].severity is not error, warning or info`);
      return {
        id: p.id,
        pattern: p.pattern,
        kind: typeof p.kind === 'string' ? p.kind : undefined,
        severity: p.severity as Severity | undefined,
      };
    });
  }
  return {
    disabledRules: strings('disabledRules'),
    exclude: strings('exclude'),
    customPatterns,
    minSeverity: o.minSeverity as Severity | undefined,
  };
}
