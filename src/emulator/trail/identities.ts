/**
 * Who made a call, as ActionTrail's `userIdentity` would say. Long-term keys are RAM users (name configurable per key,
 * default `emulator-user`); STS keys issued by the emulator's own AssumeRole are role sessions (`role:session`, learnt
 * from the AssumeRole answer); other STS keys are an anonymous role session.
 */
import { createHash } from 'node:crypto';
import type { EmulatorCredential } from '../auth';
import type { EventIdentity } from './event';

export interface ConfiguredIdentity {
  type?: 'ram-user' | 'root-account' | 'assumed-role' | 'system';
  userName?: string;
}

export const DEFAULT_USER_NAME = 'emulator-user';

const ROLE_SESSION_ARN = /^acs:ram::\d+:role\/([^/]+)\/([^/]+)$/;

/** A stable, number-like principal id per key, as the real ones look. */
function principalId(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  return (digest.readBigUInt64BE(0) % 10n ** 17n).toString().padStart(17, '2');
}

export class Identities {
  private readonly sessions = new Map<string, { role: string; session: string }>();

  constructor(
    private readonly accountId: string,
    private readonly configured: Readonly<Record<string, ConfiguredIdentity>> = {},
  ) {}

  /** Remembers the role session behind STS keys this emulator issued (from AssumeRole's answer). */
  learnAssumedRole(accessKeyId: string, assumedRoleArn: string): void {
    const match = ROLE_SESSION_ARN.exec(assumedRoleArn);
    if (match) this.sessions.set(accessKeyId, { role: match[1], session: match[2] });
  }

  of(credential: EmulatorCredential): EventIdentity {
    const { accessKeyId } = credential;
    const base = { accountId: this.accountId, accessKeyId };
    const configured = this.configured[accessKeyId];
    if (configured) {
      const type = configured.type ?? 'ram-user';
      const userName = configured.userName ?? (type === 'root-account' ? 'root' : DEFAULT_USER_NAME);
      const id = type === 'root-account' ? this.accountId : principalId(`${type}:${userName}`);
      return { ...base, type, userName, principalId: type === 'assumed-role' ? `${id}:${userName}` : id };
    }
    const session = this.sessions.get(accessKeyId);
    if (session || credential.securityToken !== undefined) {
      const { role, session: name } = session ?? { role: 'emulator-role', session: 'emulator-session' };
      return {
        ...base,
        type: 'assumed-role',
        userName: `${role}:${name}`,
        principalId: `${principalId(role)}:${name}`,
      };
    }
    return { ...base, type: 'ram-user', userName: DEFAULT_USER_NAME, principalId: principalId(accessKeyId) };
  }
}
