/**
 * `kms-secrets run [--env-file F]... [--endpoint URL] [--profile P] [--region R] [--no-masking] -- <command> [args…]`:
 * resolves every reference in the env files and the current environment, then runs the command with the values (like
 * `op run`). Output is masked by default; exit code and signals are forwarded; a broken or unresolvable reference stops
 * the command from starting, named (never its value).
 */
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { FetchSecret, resolveReferences } from '../core/env';
import type { CliConnectionFlags } from './connection';
import { RUN_HELP, UsageError, parseRunArgs } from './run/args';
import { runChild } from './run/child';
import { planRunEnv } from './run/plan';

export type KmsConnectionOptions = CliConnectionFlags;

export interface RunDependencies {
  /** Builds the secret reader (credentials from the standard chain). */
  createFetch: (options: KmsConnectionOptions) => Promise<FetchSecret>;
  env: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => Promise<string>;
  stdout: Writable;
  stderr: Writable;
}

/** Variables that configure this tool; they are not passed on to the command. */
const OWN_VARIABLES = ['KMS_SECRETS_ENDPOINT'];
/**
 * Key material the command inherits from our environment (the Alibaba Cloud credential chain's variables, and the
 * Terraform provider's): masked in its output like the resolved values.
 */
const CREDENTIAL_VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALICLOUD_ACCESS_KEY_SECRET',
  'ALICLOUD_SECRET_KEY',
  'ALICLOUD_SECURITY_TOKEN',
];

async function defaultCreateFetch(options: KmsConnectionOptions): Promise<FetchSecret> {
  const { createRunFetch } = await import('./run/kmsFetch');
  return createRunFetch(options);
}

export async function runCommand(argv: string[], overrides: Partial<RunDependencies> = {}): Promise<number> {
  const deps: RunDependencies = {
    createFetch: defaultCreateFetch,
    env: process.env,
    readFile: (path) => readFile(path, 'utf8'),
    stdout: process.stdout,
    stderr: process.stderr,
    ...overrides,
  };
  const fail = (message: string, code: number): number => {
    deps.stderr.write(`kms-secrets run: ${message}\n`);
    return code;
  };

  let args;
  try {
    args = parseRunArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n\n${RUN_HELP}`, 2);
    throw error;
  }
  if (args.help) {
    deps.stdout.write(`${RUN_HELP}\n`);
    return 0;
  }

  const files: Array<{ path: string; text: string }> = [];
  for (const path of args.envFiles) {
    try {
      files.push({ path, text: await deps.readFile(path) });
    } catch (error) {
      return fail(
        `cannot read env file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        2,
      );
    }
  }
  const plan = planRunEnv(deps.env, files);
  for (const line of plan.fileErrors) deps.stderr.write(`kms-secrets run: warning: ${line}\n`);
  if (plan.broken.length) {
    const list = plan.broken.map((b) => `  ${b.key} (${b.origin}): ${b.error.message}`).join('\n');
    return fail(`not starting ${args.command}: ${plan.broken.length} broken secret reference(s):\n${list}`, 1);
  }

  const env = { ...plan.env };
  for (const name of OWN_VARIABLES) delete env[name];
  const values = CREDENTIAL_VARIABLES.map((name) => env[name]).filter((v): v is string => !!v);
  if (plan.references.length) {
    let fetch: FetchSecret;
    try {
      fetch = await deps.createFetch({
        endpoint: args.endpoint ?? (deps.env.KMS_SECRETS_ENDPOINT || undefined),
        profile: args.profile,
        region: args.region,
      });
    } catch (error) {
      return fail(`cannot connect to KMS: ${error instanceof Error ? error.message : String(error)}`, 1);
    }
    const outcome = await resolveReferences(
      plan.references.map((r) => ({ text: r.text, reference: r.reference })),
      fetch,
    );
    if (outcome.failures.length) {
      const byText = new Map(outcome.failures.map((f) => [f.text, f]));
      const list = plan.references
        .filter((r) => byText.has(r.text))
        .map((r) => `  ${r.key} (${r.origin}): ${byText.get(r.text)?.message}`)
        .join('\n');
      return fail(
        `not starting ${args.command}: ${outcome.failures.length} secret reference(s) could not be resolved:\n${list}`,
        1,
      );
    }
    for (const reference of plan.references) {
      const value = outcome.values.get(reference.text) ?? '';
      env[reference.key] = value;
      values.push(value);
    }
  }

  return runChild(args.command as string, args.commandArgs, {
    env,
    mask: args.masking ? values : undefined,
    stdout: overrides.stdout,
    stderr: overrides.stderr,
  });
}
