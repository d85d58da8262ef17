import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { detectProfiles, findProfile, parseCliConfig, parseIni } from '../../../src/core/kms/profiles';
import { CLI_CONFIG, INI, makeHome } from './fixtures';

describe('kms profiles', () => {
  it('lists CLI profiles of every mode with name, mode and region — never key material', () => {
    const profiles = parseCliConfig(JSON.stringify(CLI_CONFIG), '/p');
    assert.deepEqual(
      profiles.map((p) => [p.name, p.mode, p.regionId]),
      [
        ['cliak', 'AK', 'cn-shanghai'],
        ['clists', 'StsToken', 'cn-beijing'],
        ['role', 'RamRoleArn', undefined],
        ['ecs', 'EcsRamRole', undefined],
        ['chain', 'ChainableRamRoleArn', undefined],
        ['shared', 'AK', undefined],
      ],
    );
    assert.equal(profiles[0].current, true);
    assert.doesNotMatch(JSON.stringify(profiles), /SECRET|TOKEN|CLI_AK/);
  });

  it('tolerates broken files', () => {
    assert.deepEqual(parseCliConfig('{not json'), []);
    assert.deepEqual(parseCliConfig('{"profiles": 3}'), []);
  });

  it('parses INI sections and comments', () => {
    const ini = parseIni(INI);
    assert.equal(ini.default.access_key_secret, 'INI_SK_SECRET');
    assert.equal(ini.dev.type, 'ram_role_arn');
  });

  it('detects both files under a home directory; the CLI wins a shared name', async () => {
    const home = makeHome({ cli: CLI_CONFIG, ini: INI });
    try {
      const env = {};
      const all = await detectProfiles({ homeDir: home, env });
      assert.deepEqual(
        all.filter((p) => p.origin === 'ini').map((p) => `${p.name}:${p.mode}`),
        ['default:access_key', 'dev:ram_role_arn', 'shared:access_key'],
      );
      assert.equal((await findProfile('shared', { homeDir: home, env }))?.origin, 'cli');
      assert.equal((await findProfile('dev', { homeDir: home, env }))?.origin, 'ini');
      assert.equal(await findProfile('missing', { homeDir: home, env }), undefined);
      assert.doesNotMatch(JSON.stringify(all), /SECRET/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('finds nothing (and does not fail) without files', async () => {
    const home = makeHome({});
    try {
      assert.deepEqual(await detectProfiles({ homeDir: home, env: {} }), []);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
