/** Command-line arguments of `kms-secrets ssh`. */
import { UsageError } from '../run/args';

export interface SshArgs {
  secretName?: string;
  host?: string;
  port?: string;
  user?: string;
  options: string[];
  endpoint?: string;
  region?: string;
  profile?: string;
  help: boolean;
  remoteCommand: string[];
}

export const SSH_HELP = `Usage: kms-secrets ssh <ecs-secret-name> [options] [-- <remote command> [args...]]

Opens an SSH session with the credential of an ECS secret (acs/ecs/...) without showing it or writing it to disk.
SSHKey secrets: the private key goes from KMS into a private ssh-agent (a socket in a fresh 0700 folder, the key fed
through ssh-add's stdin with a lifetime), and ssh uses only that agent. Password secrets: sshpass -e with the password
only in that one process's environment. The agent and its folder are removed when the session ends, also on Ctrl-C.

Options:
  --host <host>       host to connect to (default: "host" in the secret's ExtendedConfig CustomData)
  --port <port>       port (default: "port" in CustomData, else ssh's default)
  --user <user>       user name (default: the secret's UserName)
  -o <option>         ssh option passed through, e.g. -o StrictHostKeyChecking=accept-new (repeatable)
  --endpoint <url>    KMS endpoint (VPC endpoint, proxy or emulator); default: env KMS_SECRETS_ENDPOINT, else the region's
  --profile <name>    credentials profile (aliyun CLI config); default: the standard credential chain
  --region <id>       KMS region (default: profile's region, env ALIBABA_CLOUD_REGION_ID)
  -h, --help          show this help

Exit code: the remote command's (or the login shell's); 255 when the session cannot be set up or ssh fails; 2 for usage
errors. Needs ssh, ssh-agent and ssh-add (OpenSSH client), and sshpass for password secrets; Linux or macOS.`;

export function parseSshArgs(argv: readonly string[]): SshArgs {
  const args: SshArgs = { options: [], help: false, remoteCommand: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.remoteCommand = argv.slice(i + 1);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (args.secretName !== undefined)
        throw new UsageError(`Unexpected argument "${arg}": put a remote command after --.`);
      args.secretName = arg;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    // -o value, -ovalue, --flag value, --flag=value
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('-o')
      ? ['-o', arg.length > 2 ? arg.slice(2) : undefined]
      : arg.startsWith('--') && eq > 0
        ? [arg.slice(0, eq), arg.slice(eq + 1)]
        : [arg, undefined];
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value === '--'))
      throw new UsageError(`${flag} needs a value.`);
    switch (flag) {
      case '-o':
        args.options.push(value);
        break;
      case '--host':
        args.host = value;
        break;
      case '--port':
        args.port = value;
        break;
      case '--user':
        args.user = value;
        break;
      case '--endpoint':
        args.endpoint = value;
        break;
      case '--region':
        args.region = value;
        break;
      case '--profile':
        args.profile = value;
        break;
      default:
        throw new UsageError(`Unknown option ${flag}.`);
    }
  }
  if (!args.secretName && !args.help) throw new UsageError('Name the ECS secret: kms-secrets ssh <ecs-secret-name>.');
  return args;
}
