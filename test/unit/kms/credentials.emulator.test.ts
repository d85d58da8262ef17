/**
 * Credential sources end to end: the real @alicloud/credentials chain and profiles, signing real requests the emulator
 * verifies. Hermetic: a temporary HOME, every ALIBABA_CLOUD_* variable unset and ECS metadata disabled.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createKmsClient, KmsClient, KmsError } from '../../../src/core/kms';
import { RunningEmulator } from '../../../src/emulator/server';
import { count, withEmulator } from './helpers';
import { CLI_CONFIG, INI, makeHome } from './fixtures';

const KEYS = [
  { accessKeyId: 'ENV_AK', accessKeySecret: 'ENV_SK' },
  { accessKeyId: 'CLI_AK', accessKeySecret: 'CLI_SK_SECRET' },
  { accessKeyId: 'STS.CLI', accessKeySecret: 'CLI_STS_SECRET', securityToken: 'CLI-TOKEN' },
  { accessKeyId: 'INI_AK', accessKeySecret: 'INI_SK_SECRET' },
  { accessKeyId: 'CLI_SHARED', accessKeySecret: 'CLI_SHARED_SECRET' },
];

function hermetic(files: { cli?: unknown; ini?: string }, env: Record<string, string> = {}): () => void {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('ALIBABA_CLOUD_')) delete process.env[key];
  const home = makeHome(files);
  process.env.HOME = home;
  process.env.USERPROFILE = home;
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
  Object.assign(process.env, env);
  return () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(home, { recursive: true, force: true });
  };
}

const chainClient = (emulator: RunningEmulator) =>
  new KmsClient(
    { source: { kind: 'chain' }, region: 'cn-hangzhou', endpoint: emulator.url },
    { sleep: async () => undefined },
  );

async function providerOf(client: KmsClient): Promise<string | undefined> {
  return (await client.checkAccess()).providerName;
}

describe('KmsClient credential sources (real credentials library, emulator)', function () {
  this.timeout(20_000);
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('default chain: environment variables', async () => {
    restore = hermetic(
      { cli: CLI_CONFIG },
      { ALIBABA_CLOUD_ACCESS_KEY_ID: 'ENV_AK', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'ENV_SK' },
    );
    await withEmulator({ credentials: KEYS }, async (emulator) => {
      assert.equal(await providerOf(chainClient(emulator)), 'default/env');
    });
  });

  it('default chain: the CLI config current profile (AK), ALIBABA_CLOUD_PROFILE (StsToken)', async () => {
    restore = hermetic({ cli: CLI_CONFIG, ini: INI });
    await withEmulator({ credentials: KEYS }, async (emulator) => {
      assert.equal(await providerOf(chainClient(emulator)), 'default/cli_profile');
      // The emulator accepts STS.CLI only with its token: success proves the token was sent.
      process.env.ALIBABA_CLOUD_PROFILE = 'clists';
      assert.equal(await providerOf(chainClient(emulator)), 'default/cli_profile');
      assert.equal(count(emulator, 'ListSecrets'), 2);
    });
  });

  it('default chain: the INI file when there is no CLI config', async () => {
    restore = hermetic({ ini: INI });
    await withEmulator({ credentials: KEYS }, async (emulator) => {
      assert.equal(await providerOf(chainClient(emulator)), 'default/profile');
    });
  });

  it('explicit profile by name: CLI AK, CLI StsToken, INI section; region from the profile', async () => {
    restore = hermetic({ cli: CLI_CONFIG, ini: INI });
    await withEmulator({ credentials: KEYS }, async (emulator) => {
      const cli = await createKmsClient({ source: { kind: 'profile', name: 'cliak' }, endpoint: emulator.url });
      assert.equal(cli.region, 'cn-shanghai');
      await cli.checkAccess();
      const sts = await createKmsClient({ source: { kind: 'profile', name: 'clists' }, endpoint: emulator.url });
      assert.equal(sts.region, 'cn-beijing');
      assert.match((await sts.checkAccess()).providerName ?? '', /static_sts/);
      const ini = await createKmsClient({
        source: { kind: 'profile', name: 'default' },
        region: 'eu-central-1',
        endpoint: emulator.url,
      });
      assert.equal(ini.region, 'eu-central-1');
      await ini.checkAccess();
      // A name in both files means the CLI profile, as in the default chain.
      const shared = await createKmsClient({ source: { kind: 'profile', name: 'shared' }, endpoint: emulator.url });
      await shared.checkAccess();
      assert.equal(count(emulator, 'ListSecrets'), 4);
    });
  });

  it('explicit profile errors: unknown name, incomplete profile', async () => {
    restore = hermetic({ cli: { profiles: [{ name: 'half', mode: 'AK', access_key_id: 'X' }] } });
    await withEmulator({ credentials: KEYS }, async (emulator) => {
      const missing = new KmsClient({
        source: { kind: 'profile', name: 'nope' },
        region: 'cn-hangzhou',
        endpoint: emulator.url,
      });
      await assert.rejects(
        missing.listSecrets(),
        (e: KmsError) => e.kind === 'credentials' && e.code === 'ProfileNotFound' && /"nope"/.test(e.message),
      );
      const half = new KmsClient({
        source: { kind: 'profile', name: 'half' },
        region: 'cn-hangzhou',
        endpoint: emulator.url,
      });
      await assert.rejects(
        half.listSecrets(),
        (e: KmsError) => e.kind === 'credentials' && e.code === 'ProfileIncomplete',
      );
      assert.equal(emulator.stats().requests, 0);
    });
  });

  it('chain with nothing configured → credentials error; fixed later, the next call builds a fresh credential', async () => {
    restore = hermetic({});
    await withEmulator({ credentials: KEYS }, async (emulator) => {
      const client = chainClient(emulator);
      await assert.rejects(
        client.listSecrets(),
        (e: KmsError) => e.kind === 'credentials' && /No Alibaba Cloud credentials were found/.test(e.message),
      );
      assert.equal(emulator.stats().requests, 0);
      process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'ENV_AK';
      process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'ENV_SK';
      assert.equal(await providerOf(client), 'default/env');
    });
  });
});
