/**
 * `kms-secrets usage <secret-name> [--days N] [--format text|json] [connection flags]`: who read or changed a secret,
 * from ActionTrail, newest first. `kms-secrets usage --unused [--days N]`: the secrets nobody read in the window (the
 * secret list from KMS, the reads from one ActionTrail query stream). Exit 0 on success, 1 when KMS or ActionTrail
 * fails, 2 on misuse. Never prints a value: it never asks for one.
 */
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createKmsClient, isKmsError, KmsClientOptions, KmsError, validateSecretName } from '../core/kms';
import {
  createTrailClient,
  DEFAULT_DAYS,
  findUnusedSecrets,
  RETENTION_DAYS,
  SecretUsageCursor,
  TRAIL_ENDPOINT_ENV,
  TrailClientOptions,
  validateDays,
} from '../core/trail';
import { cliConnection, ENDPOINT_ENV } from './connection';
import { unusedEntries, unusedText, usageJson, usageText } from './usage/format';

const HELP = `Usage: kms-secrets usage <secret-name> [options]
       kms-secrets usage --unused [options]

Shows who read or changed a secret (ActionTrail LookupEvents), newest first: time, action, principal (RAM user, role
session or root), AccessKey ID (shortened), source IP, user agent and the error code of failed calls. With --unused,
lists the secrets of the region that nobody read (GetSecretValue) in the window. Needs the RAM permission
actiontrail:LookupEvents (e.g. the AliyunActionTrailReadOnlyAccess policy); --unused also needs kms:ListSecrets.

Options:
  --days <n>              the last n days, 1-${RETENTION_DAYS} (default ${DEFAULT_DAYS})
  --unused                list the secrets with no read in the window instead
  --format <text|json>    output format (default text); JSON is an array of {time, action, principal, principalType,
                          accessKeyId, sourceIp, userAgent, errorCode}, or with --unused of {name, pendingDeletion}
  --trail-endpoint <url>  ActionTrail endpoint; default: env ${TRAIL_ENDPOINT_ENV}, else actiontrail.<region>.aliyuncs.com
  --endpoint <url>        KMS endpoint (for --unused, and to tell a KMS instance endpoint); default: env ${ENDPOINT_ENV}
  --region <id>           region (default: profile's region, env ALIBABA_CLOUD_REGION_ID, cn-hangzhou)
  --profile <name>        credentials profile (aliyun CLI config); default: the standard credential chain
  -h, --help              show this help

ActionTrail keeps events for ${RETENTION_DAYS} days and delivers them with a delay of a few minutes. Reads through a KMS
instance endpoint are recorded in SLS, not ActionTrail.
Exit code: 0 on success, 1 when KMS or ActionTrail fails, 2 on a usage error.`;

export interface UsageDependencies {
  env: Readonly<Record<string, string | undefined>>;
  stdout: Writable;
  stderr: Writable;
  now: () => number;
  /** Client tuning (tests: backoff without waiting). */
  clientOptions: TrailClientOptions & KmsClientOptions;
}

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        days: { type: 'string' },
        unused: { type: 'boolean' },
        format: { type: 'string' },
        'trail-endpoint': { type: 'string' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const days = values.days === undefined ? DEFAULT_DAYS : Number(values.days);
  const dayProblem = values.days !== undefined && !/^\d+$/.test(values.days) ? validateDays(NaN) : validateDays(days);
  if (dayProblem) throw new UsageError(`--days: ${dayProblem}`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (text or json).`);
  if (!values.help) {
    if (values.unused && positionals.length > 0) throw new UsageError('--unused takes no secret name.');
    if (!values.unused && positionals.length !== 1) throw new UsageError('name exactly one secret, or use --unused.');
    if (!values.unused) {
      const problem = validateSecretName(positionals[0]);
      if (problem) throw new UsageError(problem);
    }
  }
  return { values, secretName: positionals[0], days, format };
}

export async function usageCommand(argv: string[], overrides: Partial<UsageDependencies> = {}): Promise<number> {
  const deps: UsageDependencies = {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    now: Date.now,
    clientOptions: {},
    ...overrides,
  };
  const fail = (message: string, code: number): number => {
    deps.stderr.write(`kms-secrets usage: ${message}\n`);
    return code;
  };

  let args;
  try {
    args = parse(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n\n${HELP}`, 2);
    throw error;
  }
  if (args.values.help) {
    deps.stdout.write(`${HELP}\n`);
    return 0;
  }

  const connection = cliConnection({
    endpoint: args.values.endpoint ?? (deps.env[ENDPOINT_ENV] || undefined),
    profile: args.values.profile,
    region: args.values.region,
  });
  const options = { env: deps.env, ...deps.clientOptions };
  const out = (text: string) => deps.stdout.write(`${text}\n`);
  try {
    const trail = await createTrailClient(
      { ...connection, trailEndpoint: args.values['trail-endpoint'] ?? (deps.env[TRAIL_ENDPOINT_ENV] || undefined) },
      options,
    );
    if (args.values.unused) {
      const kms = await createKmsClient(connection, { ...options, cache: false });
      const secrets = await kms.listSecrets();
      const report = await findUnusedSecrets(
        trail,
        secrets.map((s) => s.name),
        { days: args.days, now: deps.now() },
      );
      const entries = unusedEntries(report, secrets);
      out(args.format === 'json' ? JSON.stringify(entries, null, 2) : unusedText(report, entries, secrets.length));
      return 0;
    }
    const cursor = new SecretUsageCursor(trail, args.secretName, { days: args.days, now: deps.now() });
    const events = await cursor.all();
    out(
      args.format === 'json'
        ? JSON.stringify(usageJson(events), null, 2)
        : usageText(args.secretName, args.days, events),
    );
    return 0;
  } catch (error) {
    if (!isKmsError(error)) throw error;
    // Settings the user typed wrong (an endpoint URL) are misuse; everything the services answered is a failure.
    return fail(error.message, (error as KmsError).code === 'ClientValidation' ? 2 : 1);
  }
}
