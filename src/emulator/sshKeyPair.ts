/**
 * A fresh SSH key pair for ECS secrets in seeds (`"generateSshKeyPair": true`): generated when the emulator loads, so
 * the repository holds no private key for scanners to flag and no two demo runs share one. ECDSA P-256: instant to
 * generate, and OpenSSH reads its SEC1 PEM form (`ssh-add -` on 9.2 rejects PKCS#8 Ed25519).
 */
import { generateKeyPairSync } from 'node:crypto';

export interface SshKeyPair {
  /** OpenSSH one-line form: `ecdsa-sha2-nistp256 AAAA… comment`. */
  publicKey: string;
  /** PEM (`-----BEGIN EC PRIVATE KEY-----`). */
  privateKey: string;
}

/** RFC 4251 `string`: uint32 length, then the bytes. */
const sshString = (bytes: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
};

export function generateSshKeyPair(comment: string): SshKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x as string, 'base64url'),
    Buffer.from(jwk.y as string, 'base64url'),
  ]);
  // RFC 5656 §3.1: string "ecdsa-sha2-nistp256", string "nistp256", string Q (uncompressed point).
  const blob = Buffer.concat([
    sshString(Buffer.from('ecdsa-sha2-nistp256')),
    sshString(Buffer.from('nistp256')),
    sshString(point),
  ]);
  return {
    publicKey: `ecdsa-sha2-nistp256 ${blob.toString('base64')} ${comment}`,
    privateKey: privateKey.export({ type: 'sec1', format: 'pem' }) as string,
  };
}
