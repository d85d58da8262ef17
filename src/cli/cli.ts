/** Sub-command dispatch for `kms-secrets` (dist/cli.js). Each sub-command owns its flags and returns the exit code. */
type SubCommand = (argv: string[]) => Promise<number>;

const USAGE = `Usage: kms-secrets <command> [options]

Commands:
  emulator   run a local KMS-compatible server (tests, demos, offline work)
  scan       find hard-coded credentials in files
  run        resolve kms:// references in env files and run a command with them
  usage      who read or changed a secret (ActionTrail), and which secrets nobody reads
  check      verify every secret reference (kms://, ARNs, ExternalSecret manifests) against KMS
  ssh        open an SSH session with an ECS secret's key or password, never shown or written

Run "kms-secrets <command> --help" for a command's options.`;

async function load(name: string): Promise<SubCommand | undefined> {
  switch (name) {
    case 'scan':
      return (await import('./scanCommand')).scanCommand;
    case 'emulator':
      return (await import('./emulatorCommand')).emulatorCommand;
    case 'run':
      return (await import('./runCommand')).runCommand;
    case 'usage':
      return (await import('./usageCommand')).usageCommand;
    case 'check':
      return (await import('./checkCommand')).checkCommand;
    case 'ssh':
      return (await import('./sshCommand')).sshCommand;
    default:
      return undefined;
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = await load(name);
  if (!command) {
    console.error(`kms-secrets: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  return command(rest);
}
