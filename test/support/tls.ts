/**
 * A throw-away self-signed certificate for the emulator's HTTPS, made with the openssl CLI (a system package the
 * preflight checks for). Clients trust it the way a user trusts a private CA: NODE_EXTRA_CA_CERTS, read at process
 * start — so a test that needs it runs a child process (or a host) started with that variable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Names the certificate is valid for: loopback, a second loopback address, and host names only a test proxy resolves. */
export const TLS_NAMES = {
  ips: ['127.0.0.1', '127.0.0.2', '::1'],
  dns: ['localhost', 'kms.proxy.test', 'sts.proxy.test'],
};

export interface TestCertificate {
  /** PEM file: the value for NODE_EXTRA_CA_CERTS. */
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
}

/** Creates cert.pem/key.pem in `dir` (kept if already there, so a host run and its tests share one pair). */
export function testCertificate(dir: string): TestCertificate {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(dir, { recursive: true });
    const altNames = [...TLS_NAMES.ips.map((ip) => `IP:${ip}`), ...TLS_NAMES.dns.map((name) => `DNS:${name}`)];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '2',
        '-subj',
        '/CN=kms-secrets test',
        '-addext',
        `subjectAltName=${altNames.join(',')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  }
  return { certFile, keyFile, cert: readFileSync(certFile), key: readFileSync(keyFile) };
}
