import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Profile files for the profile and credential tests. Keys are fake and only known to the test emulator. */
export const CLI_CONFIG = {
  current: 'cliak',
  profiles: [
    {
      name: 'cliak',
      mode: 'AK',
      access_key_id: 'CLI_AK',
      access_key_secret: 'CLI_SK_SECRET',
      region_id: 'cn-shanghai',
    },
    {
      name: 'clists',
      mode: 'StsToken',
      access_key_id: 'STS.CLI',
      access_key_secret: 'CLI_STS_SECRET',
      sts_token: 'CLI-TOKEN',
      region_id: 'cn-beijing',
    },
    {
      name: 'role',
      mode: 'RamRoleArn',
      access_key_id: 'A',
      access_key_secret: 'B',
      ram_role_arn: 'acs:ram::1:role/x',
      ram_session_name: 's',
    },
    { name: 'ecs', mode: 'EcsRamRole', ram_role_name: 'r' },
    { name: 'chain', mode: 'ChainableRamRoleArn', source_profile: 'cliak', ram_role_arn: 'acs:ram::1:role/y' },
    { name: 'shared', mode: 'AK', access_key_id: 'CLI_SHARED', access_key_secret: 'CLI_SHARED_SECRET' },
  ],
};

export const INI = `
[default]
type = access_key
access_key_id = INI_AK
access_key_secret = INI_SK_SECRET ; trailing comment

# a comment
[dev]
type = ram_role_arn
access_key_id = X
access_key_secret = Y
role_arn = acs:ram::123:role/kms

[shared]
type = access_key
access_key_id = INI_SHARED
access_key_secret = INI_SHARED_SECRET
`;

export function makeHome(files: { cli?: unknown; ini?: string }): string {
  const home = mkdtempSync(join(tmpdir(), 'kms-home-'));
  if (files.cli) {
    mkdirSync(join(home, '.aliyun'));
    writeFileSync(join(home, '.aliyun', 'config.json'), JSON.stringify(files.cli));
  }
  if (files.ini !== undefined) {
    mkdirSync(join(home, '.alibabacloud'));
    writeFileSync(join(home, '.alibabacloud', 'credentials'), files.ini);
  }
  return home;
}
