import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handSign, raw, rejectsWith, rpcParams, sendRaw, AK, clientFor, withEmulator } from './helpers';
import { startEmulator } from '../../../src/emulator/server';
import { MAX_BODY_BYTES } from '../../../src/emulator/request';

// The emulator is what every test trusts: it must not be easier to fool than the real gateway.

const SEED = {
  secrets: [{ name: 'h/db', versions: [{ versionId: 'v1', value: 'canary-h-1', stages: ['ACSCurrent'] }] }],
};

describe('emulator hardening', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kms-emu-hard-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the action only from the signed parameters, never from the unsigned x-acs-action header', () =>
    withEmulator({ seed: SEED }, async (emulator) => {
      const params = rpcParams('', { SecretName: 'h/db' });
      delete (params as Record<string, string>).Action;
      const signed = { ...params, Signature: handSign('POST', params, AK.accessKeySecret) };
      const query = new URLSearchParams(signed).toString().replace(/\+/g, '%20');
      const res = await fetch(`${emulator.url}/?${query}`, {
        method: 'POST',
        headers: { 'x-acs-action': 'GetSecretValue', 'x-acs-version': '2016-01-20' },
      });
      const text = await res.text();
      assert.equal(res.status, 400);
      assert.equal(JSON.parse(text).Code, 'MissingParameter');
      assert.ok(!text.includes('canary-h-1'));

      // A signed DescribeSecret with a header naming another action stays a DescribeSecret.
      const describe = rpcParams('DescribeSecret', { SecretName: 'h/db' });
      const header = await fetch(
        `${emulator.url}/?${new URLSearchParams({ ...describe, Signature: handSign('POST', describe, AK.accessKeySecret) })}`,
        { method: 'POST', headers: { 'x-acs-action': 'DeleteSecret' } },
      );
      assert.equal(header.status, 200);
      assert.equal(emulator.store.find('h/db')?.plannedDeleteTime, undefined, 'nothing was deleted');
    }));

  it('remembers used nonces across a restart with --state (a captured request cannot be replayed)', async () => {
    const statePath = join(dir, 'state.json');
    const params = rpcParams('GetSecretValue', { SecretName: 'h/db' });
    const first = await startEmulator({ credentials: [AK], seed: SEED, statePath });
    try {
      const ok = await sendRaw(first, params);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.SecretData, 'canary-h-1');
    } finally {
      await first.close();
    }
    assert.equal(statSync(`${statePath}.nonces`).mode & 0o777, 0o600);
    const second = await startEmulator({ credentials: [AK], statePath });
    try {
      const replay = await sendRaw(second, params);
      assert.equal(replay.status, 400);
      assert.equal(replay.body.Code, 'SignatureNonceUsed');
      assert.ok(!replay.text.includes('canary-h-1'));
      assert.equal((await sendRaw(second, rpcParams('GetSecretValue', { SecretName: 'h/db' }))).status, 200);
    } finally {
      await second.close();
    }
  });

  it('refuses a state file of an unknown format, or of none, and leaves it alone', async () => {
    const statePath = join(dir, 'state.json');
    for (const content of [
      '{"format":"kms-emulator-state/99","secrets":[]}\n',
      '{"secrets":[]}\n',
      '{"format":{"x":1},"secrets":[]}\n',
    ]) {
      writeFileSync(statePath, content);
      await assert.rejects(startEmulator({ credentials: [AK], statePath }), /format/);
      assert.equal(readFileSync(statePath, 'utf8'), content, 'untouched');
    }
  });

  it('answers an oversized body with an error response, not a connection reset', () =>
    withEmulator({ seed: SEED }, async (emulator) => {
      const body = `SecretName=${'x'.repeat(MAX_BODY_BYTES)}`;
      const result = await sendRaw(emulator, rpcParams('DescribeSecret'), {
        body,
        contentType: 'application/x-www-form-urlencoded',
      });
      assert.equal(result.status, 413);
      assert.equal(result.body.Code, 'RequestEntityTooLarge');
      assert.equal((await sendRaw(emulator, rpcParams('DescribeSecret', { SecretName: 'h/db' }))).status, 200);
    }));

  it('leaves memory as the state file has it when the file cannot be written', async () => {
    const statePath = join(dir, 'state.json');
    const emulator = await startEmulator({ credentials: [AK], seed: SEED, statePath });
    try {
      const client = clientFor(emulator);
      // A directory where the file should be: the rename fails, also for root.
      rmSync(statePath);
      mkdirSync(join(statePath, 'blocker'), { recursive: true });
      await rejectsWith(
        raw(client, 'PutSecretValue', { SecretName: 'h/db', SecretData: 'canary-h-2', VersionId: 'v2' }),
        'InternalFailure',
        500,
      );
      await rejectsWith(
        raw(client, 'CreateSecret', { SecretName: 'h/new', SecretData: 'canary-h-3', VersionId: 'v1' }),
        'InternalFailure',
        500,
      );
      assert.equal((await raw(client, 'GetSecretValue', { SecretName: 'h/db' })).SecretData, 'canary-h-1');
      assert.equal(emulator.store.find('h/new'), undefined);
      assert.deepEqual(
        emulator.store.find('h/db')?.versions.map((v) => v.versionId),
        ['v1'],
      );
      rmSync(statePath, { recursive: true });
      await raw(client, 'CreateSecret', { SecretName: 'h/new', SecretData: 'canary-h-3', VersionId: 'v1' });
      assert.ok(existsSync(statePath), 'written again once possible');
      assert.deepEqual(
        JSON.parse(readFileSync(statePath, 'utf8')).secrets.map((s: { name: string }) => s.name),
        ['h/db', 'h/new'],
      );
    } finally {
      await emulator.close();
    }
  });

  it('refuses a non-loopback --host with the default (public) credentials', async () => {
    for (const host of ['0.0.0.0', '::']) {
      await assert.rejects(startEmulator({ host }), /refusing to listen on .* default credentials/);
    }
    const own = await startEmulator({ host: '0.0.0.0', credentials: [AK] });
    await own.close();
    const loopback = await startEmulator({ host: '127.0.0.1' });
    await loopback.close();
  });
});
