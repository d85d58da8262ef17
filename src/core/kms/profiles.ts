/**
 * Credential profiles on this machine, for the profile picker and for connecting "by profile name". Two files, the same
 * ones @alicloud/credentials reads: the Aliyun CLI's `~/.aliyun/config.json` (every mode: AK, StsToken, RamRoleArn,
 * EcsRamRole, OIDC, ChainableRamRoleArn, CloudSSO, OAuth, External) and the INI file `~/.alibabacloud/credentials`
 * (or ALIBABA_CLOUD_CREDENTIALS_FILE). Only names, modes and regions leave this module — never key material.
 */
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type ProfileOrigin = 'cli' | 'ini';

export interface DetectedProfile {
  name: string;
  /** CLI mode (AK, StsToken, RamRoleArn, …) or, for INI sections, the `type` (access_key, ram_role_arn, ecs_ram_role). */
  mode: string;
  /** `region_id` of a CLI profile (INI sections have none). */
  regionId?: string;
  origin: ProfileOrigin;
  /** The file it came from, for the picker's detail line. */
  path: string;
  /** The CLI config's `current` profile. */
  current?: boolean;
}

export interface ProfileEnvironment {
  /** Defaults to os.homedir() at call time (tests point HOME at a temp dir). */
  homeDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

export function cliConfigPath(environment: ProfileEnvironment = {}): string {
  return join(environment.homeDir ?? homedir(), '.aliyun', 'config.json');
}

export function iniCredentialsPath(environment: ProfileEnvironment = {}): string {
  const env = environment.env ?? process.env;
  return env.ALIBABA_CLOUD_CREDENTIALS_FILE || join(environment.homeDir ?? homedir(), '.alibabacloud', 'credentials');
}

/** Parses the CLI config text. Malformed files give no profiles rather than an error: the picker just shows fewer. */
export function parseCliConfig(text: string, path = 'config.json'): DetectedProfile[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const { current, profiles } = parsed as { current?: unknown; profiles?: unknown };
  if (!Array.isArray(profiles)) return [];
  const out: DetectedProfile[] = [];
  for (const p of profiles as Record<string, unknown>[]) {
    if (typeof p !== 'object' || p === null || typeof p.name !== 'string' || !p.name) continue;
    out.push({
      name: p.name,
      mode: typeof p.mode === 'string' && p.mode ? p.mode : 'AK',
      ...(typeof p.region_id === 'string' && p.region_id && { regionId: p.region_id }),
      origin: 'cli',
      path,
      ...(p.name === current && { current: true }),
    });
  }
  return out;
}

/** Minimal INI reader: `[section]`, `key = value`, `;`/`#` comments. Returns sections with their keys. */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let section: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = sections[header[1].trim()] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (section && eq > 0)
      section[line.slice(0, eq).trim()] = line
        .slice(eq + 1)
        .replace(/\s+[;#].*$/, '')
        .trim();
  }
  return sections;
}

export function parseIniProfiles(text: string, path = 'credentials'): DetectedProfile[] {
  return Object.entries(parseIni(text)).map(([name, keys]) => ({
    name,
    mode: keys.type || 'unknown',
    origin: 'ini',
    path,
  }));
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every profile in both files, CLI first (the default chain also prefers the CLI config for the same name). */
export async function detectProfiles(environment: ProfileEnvironment = {}): Promise<DetectedProfile[]> {
  const cliPath = cliConfigPath(environment);
  const iniPath = iniCredentialsPath(environment);
  const [cli, ini] = await Promise.all([readIfPresent(cliPath), readIfPresent(iniPath)]);
  return [...(cli ? parseCliConfig(cli, cliPath) : []), ...(ini ? parseIniProfiles(ini, iniPath) : [])];
}

/** The profile a name refers to: the CLI's wins over an INI section of the same name. */
export async function findProfile(
  name: string,
  environment: ProfileEnvironment = {},
): Promise<DetectedProfile | undefined> {
  const profiles = await detectProfiles(environment);
  return profiles.find((p) => p.name === name && p.origin === 'cli') ?? profiles.find((p) => p.name === name);
}
