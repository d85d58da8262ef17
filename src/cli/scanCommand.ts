/**
 * `kms-secrets scan [--format text|json|sarif] [--exclude <glob>]… [--output <file>] <paths…>`: the editor's rules and
 * ignores (inline comments, `.kms-secrets-ignore`) for CI. Exit code 1 when anything is found, 0 when nothing, 2 on misuse.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { IGNORE_FILE_NAME, NO_IGNORES, parseIgnoreFile, scanText, type IgnoreRules } from '../core/scanner';
import { formatJson, formatSarif, formatText, type FileFinding } from './scan/report';
import { walkFiles } from './scan/walk';

const HELP = `Usage: kms-secrets scan [options] <paths…>

Finds hard-coded credentials (the same rules and ignores as the editor) in files and folders. Folders are walked
honouring .gitignore; dependencies and build output are skipped.

Options:
  --format <text|json|sarif>   output format (default text)
  --exclude <glob>             skip matching paths, relative to the current directory (repeatable)
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
    console.error(`kms-secrets scan: ${positionals.length === 0 ? 'name at least one file or folder' : `unknown format "${format}"`}.\n\n${HELP}`);
    return 2;
  }

  const cwd = process.cwd();
  const ignores = await loadIgnores(cwd);
  const results: FileFinding[] = [];
  let skipped = 0;
  try {
    for await (const file of walkFiles(positionals, { root: cwd, exclude: values.exclude ?? [] })) {
      const shown = relative(cwd, resolve(file)).split(sep).join('/');
      const bytes = await readFile(file);
      const result = scanText(bytes.toString('utf8'), { path: shown, config: { ignoredFingerprints: ignores.fingerprints } });
      if (result.skipped) skipped++;
      for (const finding of result.findings) if (!ignores.isRuleIgnored(finding.ruleId, shown)) results.push({ file: shown, finding });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`kms-secrets scan: ${code === 'ENOENT' ? `no such file or folder: ${(error as NodeJS.ErrnoException).path}` : String(error)}`);
    return 2;
  }

  const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0';
  const report = format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, version) : formatText(results);
  if (values.output) await writeFile(values.output, `${report}\n`);
  else if (report) console.log(report);
  if (format === 'text') {
    const files = new Set(results.map((r) => r.file)).size;
    console.error(`${results.length} finding(s) in ${files} file(s)${skipped ? `; ${skipped} file(s) skipped (binary or over 5 MB)` : ''}.`);
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
