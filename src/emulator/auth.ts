/**
 * Request authentication as the gateway does it: known AccessKeyId, valid signature, matching STS token, fresh
 * timestamp, unused nonce. The nonce is recorded only after the signature verified, so unsigned junk cannot burn
 * nonces.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { errors } from './errors';
import { Params } from './params';
import { signatureMatches } from './signature';
import { parseTime } from './time';

export interface EmulatorCredential {
  accessKeyId: string;
  accessKeySecret: string;
  /** When set, requests with this AccessKeyId must carry exactly this `SecurityToken` (STS credentials). */
  securityToken?: string;
  /** Optional expiry of an STS token; later requests get `InvalidSecurityToken.Expired`. */
  expiration?: Date;
}

/** Documented, obviously fake defaults so `emulator` works with no flags; never valid anywhere else. */
export const DEFAULT_CREDENTIALS: readonly EmulatorCredential[] = [
  { accessKeyId: 'emulator-access-key-id', accessKeySecret: 'emulator-access-key-secret' },
];

/** The gateway accepts a request whose Timestamp is within 15 minutes of its clock, either way (kms-api.md §8). */
export const MAX_SKEW_MS = 15 * 60 * 1000;

export class CredentialTable {
  private readonly byId = new Map<string, EmulatorCredential>();

  constructor(credentials: readonly EmulatorCredential[]) {
    for (const c of credentials) this.add(c);
  }

  add(credential: EmulatorCredential): void {
    this.byId.set(credential.accessKeyId, credential);
  }

  get(accessKeyId: string): EmulatorCredential | undefined {
    return this.byId.get(accessKeyId);
  }
}

/** Remembers nonces for as long as a request carrying them could still pass the timestamp check. */
export class NonceCache {
  // Insertion order == expiry order (expiry is now + constant), so pruning only ever looks at the front.
  private readonly seen = new Map<string, number>();

  /**
   * `record` is told each newly used nonce before the request goes on (with `--state`: a journal, so a restart does
   * not reopen the replay window); if it throws, the request fails.
   */
  constructor(private readonly record?: (key: string, expiry: number) => void) {}

  /** Returns false when the nonce was already used by this AccessKeyId. */
  remember(accessKeyId: string, nonce: string, nowMs: number): boolean {
    this.prune(nowMs);
    const key = `${accessKeyId}\n${nonce}`;
    if (this.seen.has(key)) return false;
    const expiry = nowMs + 2 * MAX_SKEW_MS;
    this.seen.set(key, expiry);
    try {
      this.record?.(key, expiry);
    } catch (error) {
      this.seen.delete(key);
      throw error;
    }
    return true;
  }

  /** Nonces used before a restart, oldest first. */
  restore(entries: Iterable<readonly [string, number]>, nowMs: number): void {
    for (const [key, expiry] of [...entries].sort((a, b) => a[1] - b[1])) {
      if (expiry > nowMs) this.seen.set(key, expiry);
    }
  }

  /** The nonces still remembered, with their expiry. */
  entries(nowMs: number): Array<[string, number]> {
    this.prune(nowMs);
    return [...this.seen];
  }

  private prune(nowMs: number): void {
    for (const [key, expiry] of this.seen) {
      if (expiry > nowMs) break;
      this.seen.delete(key);
    }
  }
}

export interface AuthContext {
  credentials: CredentialTable;
  nonces: NonceCache;
  nowMs: number;
}

/** Throws the gateway's error for the first check that fails; returns the caller's credential otherwise. */
export function authenticate(method: string, params: Params, ctx: AuthContext): EmulatorCredential {
  const accessKeyId = params.required('AccessKeyId');
  params.required('Signature');
  const signatureMethod = params.optional('SignatureMethod') ?? 'HMAC-SHA1';
  const signatureVersion = params.optional('SignatureVersion') ?? '1.0';
  if (signatureMethod !== 'HMAC-SHA1' || signatureVersion !== '1.0') throw errors.unsupportedSignatureMethod();
  const timestampText = params.required('Timestamp');
  const nonce = params.required('SignatureNonce');

  const credential = ctx.credentials.get(accessKeyId);
  if (!credential) throw errors.accessKeyNotFound();
  if (!signatureMatches(method, params.all as Record<string, string>, credential.accessKeySecret)) {
    throw errors.signatureDoesNotMatch();
  }

  const token = params.optional('SecurityToken');
  if (credential.securityToken !== undefined) {
    if (token === undefined) throw errors.missingSecurityToken();
    if (!constantTimeEquals(token, credential.securityToken)) throw errors.tokenMismatch();
    if (credential.expiration && credential.expiration.getTime() <= ctx.nowMs) throw errors.tokenExpired();
  } else if (token !== undefined) {
    // INFERRED: a token sent with a long-term AccessKey is refused; the real gateway's exact code is not documented.
    throw errors.tokenMalformed();
  }

  const timestamp = parseTime(timestampText);
  if (timestamp === undefined) throw errors.timestampFormat();
  if (Math.abs(ctx.nowMs - timestamp) > MAX_SKEW_MS) throw errors.timestampExpired();
  if (!ctx.nonces.remember(accessKeyId, nonce, ctx.nowMs)) throw errors.nonceUsed();
  return credential;
}

function constantTimeEquals(a: string, b: string): boolean {
  // Compare fixed-size digests so neither content nor length leaks through timing.
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}
