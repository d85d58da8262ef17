/** Shared plumbing for the ActionTrail tests: Alibaba's own rpc-client speaking LookupEvents to the emulator. */
import RpcClient, { Config } from '@alicloud/rpc-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import type { Json } from '../emulator/helpers';
import type { RunningEmulator } from '../../../src/emulator/server';
import type { SeedEvent } from '../../../src/emulator/trail/seedEvents';

export const TRAIL_VERSION = '2020-07-06';

export function trailSdk(
  emulator: RunningEmulator,
  creds: { accessKeyId: string; accessKeySecret: string; securityToken?: string },
): RpcClient {
  return new RpcClient(
    new Config({
      ...creds,
      endpoint: `127.0.0.1:${emulator.port}`,
      protocol: 'http',
      readTimeout: 10_000,
      connectTimeout: 10_000,
    }),
  );
}

/** LookupEvents signed and sent by the SDK (arrays such as LookupAttribute are flattened by the SDK itself). */
export function lookup(client: RpcClient, params: Record<string, unknown> = {}): Promise<Record<string, Json>> {
  return client.doRequest(
    'LookupEvents',
    'HTTPS',
    'POST',
    TRAIL_VERSION,
    'AK',
    params,
    null as unknown as Record<string, string>,
    new RuntimeOptions({ readTimeout: 10_000, connectTimeout: 10_000 }),
  ) as Promise<Record<string, Json>>;
}

export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const DAY = 24 * 60 * 60 * 1000;

/** A read of `secret` `ago` (e.g. "-2d") by a RAM user. */
export function readEvent(secret: string, ago: string, extra: Partial<SeedEvent> = {}): SeedEvent {
  return {
    eventName: 'GetSecretValue',
    eventTime: ago,
    requestParameters: { SecretName: secret, VersionStage: 'ACSCurrent' },
    userIdentity: { type: 'ram-user', userName: 'alice', accessKeyId: 'LTAItestAlice0001' },
    sourceIpAddress: '203.0.113.10',
    userAgent: 'aliyun-cli/3.0.204',
    ...extra,
  };
}

export const secret = (name: string, value = `value-of-${name}`) => ({
  name,
  versions: [{ versionId: 'v1', value, stages: ['ACSCurrent'] }],
});
