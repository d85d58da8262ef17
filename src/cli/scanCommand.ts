/**
 * `kms-secrets scan [--format text|json|sarif] [--exclude <glob>]… [--config <file>] [--output <file>] <paths…>`: the
 * editor's rules and ignores (inline comments, `.kms-secrets-ignore`) for CI. Exit code 1 when anything is found, 0
 * when nothing, 2 on misuse.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  IGNORE_FILE_NAME,
  NO_IGNORES,
  parseIgnoreFile,
  scanText,
  type CustomPattern,
  type IgnoreRules,
  type ScannerConfig,
  type Severity,
} from '../core/scanner';
import { formatJson, formatSarif, formatText, type FileFinding } from './scan/report';
import { walkFiles } from './scan/walk';

const HELP = `Usage: kms-secrets scan [options] <paths…>

Finds hard-coded credentials (the same rules and ignores as the editor) in files and folders. Folders are walked
honouring .gitignore; dependencies and build output are skipped.

Options:
  --format <text|json|sarif>   output format (default text)
  --exclude <glob>             skip matching paths, relative to the current directory (repeatable)
  --config <file>              JSON settings: { "disabledRules": [], "customPatterns": [{ "id", "pattern", "kind",
                               "severity" }], "exclude": [], "minSeverity": "info|warning|error" }
  --output <file>              write the report to a file instead of stdout
  -h, --help                   show this help

Exit code: 1 when there are findings, 0 when there are none, 2 on a usage error.`;

declare const PACKAGE_VERSION: string | undefined;

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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`kms-secrets scan: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format) || positionals.length === 0) {
    console.error(
      `kms-secrets scan: ${positionals.length === 0 ? 'name at least one file or folder' : `unknown format "${format}"`}.\n\n${HELP}`,
    );
    return 2;
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
      return 2;
    }
  }
  const config: ScannerConfig = {
    disabledRules: settings.disabledRules,
    customPatterns: settings.customPatterns,
    minSeverity: settings.minSeverity,
    ignoredFingerprints: new Set(ignores.fingerprints),
  };
  const results: FileFinding[] = [];
  let skipped = 0;
  try {
    for await (const file of walkFiles(positionals, {
      root: cwd,
      exclude: [...(values.exclude ?? []), ...(settings.exclude ?? [])],
    })) {
      const shown = relative(cwd, resolve(file)).split(sep).join('/');
      const result = scanText((await readFile(file)).toString('utf8'), { path: shown, config });
      if (result.notice) {
        skipped++;
        if (format === 'text') console.error(`${shown}: ${result.notice}`);
      }
      for (const finding of result.findings)
        if (!ignores.isRuleIgnored(finding.ruleId, shown)) results.push({ file: shown, finding });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      `kms-secrets scan: ${code === 'ENOENT' ? `no such file or folder: ${(error as NodeJS.ErrnoException).path}` : String(error)}`,
    );
    return 2;
  }

  const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0';
  const report =
    format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, version) : formatText(results);
  if (values.output) await writeFile(values.output, `${report}\n`);
  else if (report) console.log(report);
  if (format === 'text') {
    const files = new Set(results.map((r) => r.file)).size;
    console.error(
      `${results.length} finding(s) in ${files} file(s)${skipped ? `; ${skipped} file(s) skipped (binary or over 2 MB)` : ''}.`,
    );
  }
  return results.length ? 1 : 0;
}

async function loadIgnores(cwd: string): Promise<IgnoreRules> {
  try {
    return parseIgnoreFile(await readFile(resolve(cwd, IGNORE_FILE_NAME), 'utf8'));
  } catch {
    return NO_IGNORES;
  }
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
