import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulator } from '../../../src/emulator/server';
import { AK } from './helpers';

const ROOT = resolve(__dirname, '../../../..');

/**
 * The credentials library reaches STS over https only and trusts a private CA only via NODE_EXTRA_CA_CERTS (read at
 * process start), so the RamRoleArn client runs in a child process against the emulator served with a throw-away
 * openssl cert.
 */
describe('emulator STS AssumeRole over TLS (RamRoleArn credentials)', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'kms-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1,DNS:localhost',
        ],
        { stdio: 'ignore' },
      );
    } catch {
      this.skip(); // no openssl CLI on this machine
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('issues STS credentials whose token the KMS actions then require', async () => {
    const emulator = await startEmulator({
      credentials: [AK],
      tls: { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) },
      seed: {
        secrets: [{ name: 'via/role', versions: [{ versionId: 'v1', value: 'role-value', stages: ['ACSCurrent'] }] }],
      },
    });
    try {
      assert.match(emulator.url, /^https:\/\//);
      const script = `
        const Credential = require('@alicloud/credentials').default;
        const { Config: CredConfig } = require('@alicloud/credentials');
        const Client = require('@alicloud/kms20160120').default;
        const KMS = require('@alicloud/kms20160120');
        const { Config } = require('@alicloud/rpc-client');
        (async () => {
          const credential = new Credential(new CredConfig({ type: 'ram_role_arn', accessKeyId: '${AK.accessKeyId}', accessKeySecret: '${AK.accessKeySecret}',
            roleArn: 'acs:ram::1234567890123456:role/kms-reader', roleSessionName: 'test', stsEndpoint: '127.0.0.1:${emulator.port}' }));
          const c = await credential.getCredential();
          const client = new Client(new Config({ credential, endpoint: '127.0.0.1:${emulator.port}', protocol: 'https', regionId: 'cn-hangzhou' }));
          const v = await client.getSecretValue(new KMS.GetSecretValueRequest({ secretName: 'via/role' }));
          console.log(JSON.stringify({ id: c.accessKeyId, hasToken: !!c.securityToken, value: v.secretData }));
        })().catch((e) => { console.error(e.message); process.exit(1); });`;
      // Asynchronous on purpose: the emulator runs in this process and must keep serving while the child talks to it.
      const child = await promisify(execFile)(process.execPath, ['-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') },
      });
      const out = JSON.parse(child.stdout);
      assert.match(out.id, /^STS\./);
      assert.deepEqual([out.hasToken, out.value], [true, 'role-value']);
      assert.equal(emulator.stats().byAction.AssumeRole, 1);
    } finally {
      await emulator.close();
    }
  });
});
