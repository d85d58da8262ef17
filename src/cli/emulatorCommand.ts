/**
 * `kms-secrets emulator`: runs the local KMS emulator until SIGINT/SIGTERM. Prints exactly one line when ready (scripts
 * and tests wait for it) and nothing secret, ever: not the credentials, not request URLs, not values.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EmulatorCredential } from '../emulator/auth';
import { SeedFile } from '../emulator/seed';
import { startEmulator } from '../emulator/server';

const HELP = `Usage: kms-secrets emulator [options]

Runs a local KMS-compatible server (KMS API 2016-01-20, RPC signature v1) for tests, demos and offline work.

Options:
  --port <n>             port to listen on; 0 picks a free one (default 0)
  --host <addr>          address to bind (default 127.0.0.1); any other than loopback needs --credentials
  --state <file>         persist secrets to this file (atomic writes); restored on restart, wins over --seed;
                         used signature nonces go to <file>.nonces, so requests cannot be replayed after a restart
  --seed <file>          load secrets from a JSON seed file at start (format: src/emulator/README.md)
  --credentials <list>   accepted credentials: <id>:<secret>[:<sts-token>][,…] (or env KMS_EMULATOR_CREDENTIALS,
                         which keeps them out of the process list). Default: one key pair,
                         AccessKeyId "emulator-access-key-id", AccessKeySecret "emulator-access-key-secret"
  --region <id>          region used in ARNs (default cn-hangzhou)
  --account-id <id>      account id used in ARNs (default 1234567890123456)
  --latency-ms <n>       delay every response by n ms
  --fail-rate <0..1>     share of requests failing with 503/500 (or a non-JSON 502)
  --throttle-rate <0..1> share of requests rejected with 429 Rejected.Throttling
  --tls-cert <file>      serve HTTPS with this PEM certificate (with --tls-key); needed for STS AssumeRole clients
  --tls-key <file>       PEM private key for --tls-cert
  --verbose              log "<Action> <status> <ms>" per request to stderr (never URLs or values)
  -h, --help             show this help

Prints "KMS emulator listening on http://<host>:<port>" when ready; stops on SIGINT/SIGTERM.`;

/** `id:secret[:token]`; ids and secrets contain no ':' or ',', the token is everything after the second ':'. */
export function parseCredentials(text: string): EmulatorCredential[] {
  return text
    .split(',')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => {
      const first = entry.indexOf(':');
      const second = first < 0 ? -1 : entry.indexOf(':', first + 1);
      const accessKeyId = entry.slice(0, first).trim();
      const accessKeySecret = (second < 0 ? entry.slice(first + 1) : entry.slice(first + 1, second)).trim();
      const securityToken = second < 0 ? undefined : entry.slice(second + 1).trim();
      if (first < 0 || !accessKeyId || !accessKeySecret || securityToken === '') {
        // The entry is not echoed: it may hold a secret.
        throw new Error('--credentials entries must look like <id>:<secret>[:<sts-token>]');
      }
      return securityToken === undefined
        ? { accessKeyId, accessKeySecret }
        : { accessKeyId, accessKeySecret, securityToken };
    });
}

function number(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`--${name} must be a number between ${min} and ${max}`);
  }
  return value;
}

function readSeed(path: string): SeedFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SeedFile;
  } catch (error) {
    throw new Error(
      `cannot read seed file ${path}: ${error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message}`,
    );
  }
}

export async function emulatorCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        state: { type: 'string' },
        seed: { type: 'string' },
        credentials: { type: 'string' },
        region: { type: 'string' },
        'account-id': { type: 'string' },
        'latency-ms': { type: 'string' },
        'fail-rate': { type: 'string' },
        'throttle-rate': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`kms-secrets emulator: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }

  let emulator;
  try {
    if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined))
      throw new Error('--tls-cert and --tls-key go together');
    const credentialText = values.credentials ?? (process.env.KMS_EMULATOR_CREDENTIALS || undefined);
    emulator = await startEmulator({
      host: values.host ?? '127.0.0.1',
      port: number('port', values.port, 0, 65535) ?? 0,
      credentials: credentialText === undefined ? undefined : parseCredentials(credentialText),
      statePath: values.state,
      seed: values.seed === undefined ? undefined : readSeed(values.seed),
      region: values.region,
      accountId: values['account-id'],
      latencyMs: number('latency-ms', values['latency-ms'], 0, 600_000),
      failRate: number('fail-rate', values['fail-rate'], 0, 1),
      throttleRate: number('throttle-rate', values['throttle-rate'], 0, 1),
      tls:
        values['tls-cert'] && values['tls-key']
          ? { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']) }
          : undefined,
      log: values.verbose ? (line) => console.error(line) : undefined,
    });
  } catch (error) {
    console.error(`kms-secrets emulator: ${(error as Error).message}`);
    return 1;
  }

  console.log(`KMS emulator listening on ${emulator.url}`);
  const running = emulator;
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      running.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
