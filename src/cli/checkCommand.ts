/**
 * `kms-secrets check [--format text|json|sarif] [--endpoint URL] [--region R] [--profile P] <paths…>`: every secret
 * reference in the files — `kms://` and ARN forms anywhere, ack-secret-manager ExternalSecret entries in YAML — checked
 * against KMS with the editor's rules, for CI before a deploy. Exit code 1 when anything is broken, 0 when everything
 * resolves, 2 on misuse or when KMS could not be asked (nothing unverified passes).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSecretUse, type CheckResult, type SecretLookup } from '../core/check';
import { createKmsLookup } from '../core/check/kmsLookup';
import { isKmsError, mapWithConcurrency } from '../core/kms';
import { EXTERNAL_SECRET_KIND, manifestLimit } from '../core/externalSecret';
import { positionsOf } from '../core/positions';
import { printable } from '../core/printable';
import { findSecretUses, type FoundUse } from '../core/secretUses';
import { formatJson, formatSarif, formatText, type BrokenReference } from './check/report';
import { walkFiles } from './scan/walk';

const HELP = `Usage: kms-secrets check [options] <paths…>

Checks every secret reference in files and folders against KMS, with the same rules as the editor: kms:// references
and secret ARNs in any file, and the entries of ack-secret-manager ExternalSecrets (alibabacloud.com/v1alpha1) in
YAML files. Reports unknown secrets, secrets pending deletion, no permission, unknown stages and versions, missing
JSON keys and malformed references or entries. Folders are walked like scan (.gitignore honoured; dependencies and
build output skipped).

Options:
  --format <text|json|sarif>   output format (default text)
  --endpoint <url>             KMS endpoint (VPC endpoint, proxy or emulator); default: env KMS_SECRETS_ENDPOINT,
                               else the region's public endpoint
  --region <id>                region of references without ?region= and of ExternalSecret entries
                               (default: the profile's region, env ALIBABA_CLOUD_REGION_ID, cn-hangzhou)
  --profile <name>             credentials profile (aliyun CLI config); default: the standard credential chain
  --exclude <glob>             skip matching paths, relative to the current directory (repeatable)
  --output <file>              write the report to a file instead of stdout
  -h, --help                   show this help

DescribeSecret and ListSecretVersionIds answer most checks; a value is read only to learn the key names of a JSON
value (#key, jmesPath), and is never printed.
Exit code: 1 when a reference is broken, 0 when every reference resolves, 2 on a usage error or when KMS could not
be asked (credentials, network, throttling).`;

/** Larger files are skipped (reported on stderr): references live in config and code, not in multi-MB blobs. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);
const CONCURRENCY = 8;

declare const PACKAGE_VERSION: string | undefined;

interface FileUses {
  file: string;
  text: string;
  uses: FoundUse[];
}

export async function checkCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        profile: { type: 'string' },
        exclude: { type: 'string', multiple: true, default: [] },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) return usage(`unknown format "${format}"`);
  if (positionals.length === 0) return usage('name at least one file or folder');

  const cwd = process.cwd();
  const files: FileUses[] = [];
  try {
    for await (const path of walkFiles(positionals, { root: cwd, exclude: values.exclude ?? [] })) {
      const file = relative(cwd, resolve(path)).split(sep).join('/');
      if ((await stat(path)).size > MAX_FILE_BYTES) {
        console.error(printable(`${file}: not checked: larger than 4 MB.`));
        continue;
      }
      const bytes = await readFile(path);
      if (bytes.subarray(0, 8000).includes(0)) continue;
      const text = bytes.toString('utf8');
      const manifests = YAML_EXTENSIONS.has(extname(path).toLowerCase());
      const limit = manifests && text.includes(EXTERNAL_SECRET_KIND) ? manifestLimit(text) : undefined;
      if (limit) console.error(printable(`${file}: ExternalSecret entries not checked: ${limit}.`));
      const uses = findSecretUses(text, { manifests });
      if (uses.length) files.push({ file, text, uses });
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(`kms-secrets check: ${e.code === 'ENOENT' ? `no such file or folder: ${e.path}` : String(error)}`);
    return 2;
  }

  const checks = new Map<string, CheckResult>();
  const pending = files.flatMap((f) => f.uses.filter((u) => u.use).map((u) => JSON.stringify(u.use)));
  if (pending.length) {
    let lookup: SecretLookup;
    try {
      lookup = await createKmsLookup(
        {
          source: values.profile ? { kind: 'profile', name: values.profile } : { kind: 'chain' },
          region: values.region,
          endpoint: values.endpoint ?? (process.env.KMS_SECRETS_ENDPOINT || undefined),
        },
        { userAgent: 'kms-secrets-cli' },
      );
    } catch (error) {
      console.error(
        `kms-secrets check: cannot connect to KMS: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 2;
    }
    const unique = [...new Set(pending)];
    const results = await mapWithConcurrency(unique, CONCURRENCY, (key) =>
      checkSecretUse(JSON.parse(key), lookup, { readValues: true }),
    );
    unique.forEach((key, i) => checks.set(key, results[i]));
  }

  const broken: BrokenReference[] = [];
  const unverified = new Map<string, number>();
  let checked = 0;
  for (const { file, text, uses } of files) {
    const position = positionsOf(text);
    for (const found of uses) {
      checked++;
      const result: CheckResult = found.problem
        ? { problems: [found.problem] }
        : checks.get(JSON.stringify(found.use))!;
      if (result.unverified !== undefined) {
        const why = sentenceOf(result.unverified);
        unverified.set(why, (unverified.get(why) ?? 0) + 1);
      }
      for (const problem of result.problems) {
        const span = found.place(problem);
        const start = position(span.start);
        const end = position(span.end);
        broken.push({
          file,
          range: { ...span, line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
          reference: found.label(problem),
          problem,
        });
      }
    }
  }

  const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0';
  const report =
    format === 'json' ? formatJson(broken) : format === 'sarif' ? formatSarif(broken, version) : formatText(broken);
  if (values.output) await writeFile(values.output, `${report}\n`);
  else if (report) console.log(report);
  for (const [why, count] of unverified)
    console.error(`kms-secrets check: could not check ${count} reference(s): ${why}`);
  if (format === 'text' || unverified.size) {
    const fileCount = new Set(broken.map((b) => b.file)).size;
    console.error(`${broken.length} problem(s) in ${fileCount} file(s); ${checked} reference(s) found.`);
  }
  if (broken.length) return 1;
  return unverified.size ? 2 : 0;
}

function usage(message: string): number {
  console.error(`kms-secrets check: ${message}.\n\n${HELP}`);
  return 2;
}

/** The KMS client's errors are one sentence each and hold nothing from the request; anything else gets a fallback. */
function sentenceOf(error: unknown): string {
  return isKmsError(error) ? error.message : 'The request to KMS failed.';
}
