/** Command-line arguments of `kms-secrets run`. */
export interface RunArgs {
  envFiles: string[];
  endpoint?: string;
  profile?: string;
  region?: string;
  masking: boolean;
  help: boolean;
  command?: string;
  commandArgs: string[];
}

export const RUN_HELP = `Usage: kms-secrets run [options] -- <command> [args...]

Resolves every secret reference (kms://<name>[?region=&profile=&stage=|version=][#json-key], or a secret ARN) in the env
files and in the current environment, then runs <command> with the resolved values in its environment.

Options:
  --env-file <file>   read variables from this env file (repeatable; later files win; files win over the environment)
  --endpoint <url>    KMS endpoint (VPC endpoint, proxy or emulator); default: env KMS_SECRETS_ENDPOINT, else the region's
  --profile <name>    credentials profile (aliyun CLI config); default: the standard credential chain
  --region <id>       region for references without ?region= (default: profile's region, env ALIBABA_CLOUD_REGION_ID)
  --no-masking        do not mask resolved values in the command's stdout/stderr (masked by default)
  -h, --help          show this help

Refuses to start the command when any reference is broken or cannot be resolved, naming it (never a value).
Exit code: the command's; 128+n when it dies of signal n; 1 when references fail; 2 for usage errors; 127 when the
command is not found.`;

export class UsageError extends Error {}

export function parseRunArgs(argv: readonly string[]): RunArgs {
  const args: RunArgs = { envFiles: [], masking: true, help: false, commandArgs: [] };
  const valueOf = (i: number, flag: string): string => {
    const value = argv[i + 1];
    if (value === undefined || value === '--') throw new UsageError(`${flag} needs a value.`);
    return value;
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const take = (): string => {
      if (inline !== undefined) {
        if (!inline) throw new UsageError(`${flag} needs a value.`);
        return inline;
      }
      return valueOf(i++, flag);
    };
    switch (flag) {
      case '--env-file':
        args.envFiles.push(take());
        break;
      case '--endpoint':
        args.endpoint = take();
        break;
      case '--profile':
        args.profile = take();
        break;
      case '--region':
        args.region = take();
        break;
      case '--no-masking':
        if (inline !== undefined) throw new UsageError('--no-masking takes no value.');
        args.masking = false;
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        throw new UsageError(`Unknown option ${flag}.`);
    }
  }
  if (i < argv.length) {
    args.command = argv[i];
    args.commandArgs = argv.slice(i + 1);
  }
  if (!args.command && !args.help)
    throw new UsageError('No command given: kms-secrets run [options] -- <command> [args...]');
  return args;
}
