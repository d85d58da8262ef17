import { Redactor } from '../../../src/core/redaction';
import { KmsClient, KmsClientOptions } from '../../../src/core/kms';
import { RunningEmulator, SeedFile, startEmulator } from '../../../src/emulator/server';

export const AK = { accessKeyId: 'test-ak', accessKeySecret: 'test-sk-secret' };
export const STS = { accessKeyId: 'STS.test', accessKeySecret: 'sts-sk-secret', securityToken: 'CAIS-canary-token+/=' };

export const SEED: SeedFile = {
  secrets: [
    {
      name: 'app/db',
      description: 'orders database',
      tags: { env: 'dev', team: 'orders' },
      versions: [
        { versionId: 'v1', value: 'old-password', stages: ['ACSPrevious'] },
        { versionId: 'v2', value: { user: 'app', password: 'p€ 😀' }, stages: ['ACSCurrent', 'Canary'] },
      ],
    },
    {
      name: 'app/api-key',
      tags: { env: 'prod' },
      versions: [{ versionId: 'k1', value: 'api-key-value', stages: ['ACSCurrent'] }],
    },
    {
      name: 'rds/orders',
      type: 'Rds',
      versions: [
        { versionId: 'r1', value: { AccountName: 'app', AccountPassword: 'rds-pass-1' }, stages: ['ACSCurrent'] },
      ],
      rotation: { enabled: true, interval: '7d' },
      extendedConfig: { SecretSubType: 'SingleUser' },
    },
    {
      name: 'old/gone',
      versions: [{ versionId: 'g1', value: 'gone-value', stages: ['ACSCurrent'] }],
      pendingDeletion: { recoveryWindowInDays: 7 },
    },
  ],
} as unknown as SeedFile;

/** Never waits in backoff; deterministic jitter. */
export const fastRetry = { sleep: async () => undefined, random: () => 0.5 };

export function clientFor(
  emulator: RunningEmulator,
  options: KmsClientOptions = {},
  keys: { accessKeyId: string; accessKeySecret: string; securityToken?: string } = AK,
): KmsClient {
  return new KmsClient(
    { source: { kind: 'static', ...keys }, region: 'cn-hangzhou', endpoint: emulator.url },
    { ...fastRetry, redactor: new Redactor(), ...options },
  );
}

export async function withEmulator(
  options: Parameters<typeof startEmulator>[0],
  body: (emulator: RunningEmulator) => Promise<void>,
): Promise<void> {
  const emulator = await startEmulator({ credentials: [AK, STS], seed: SEED, ...options });
  try {
    await body(emulator);
  } finally {
    await emulator.close();
  }
}

export const count = (emulator: RunningEmulator, action: string): number => emulator.stats().byAction[action] ?? 0;
