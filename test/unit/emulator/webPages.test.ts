import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { AK, clientFor, handSign, raw, rpcParams, withEmulator } from './helpers';
import type { RunningEmulator } from '../../../src/emulator/server';

// The emulator's default keys are public, so a web page could sign requests itself. It must not get answers (DNS
// rebinding: its own host name resolving to 127.0.0.1) nor make changes (cross-site requests to 127.0.0.1).
const SEED = {
  secrets: [{ name: 'w/db', versions: [{ versionId: 'v1', value: 'canary-web-7731', stages: ['ACSCurrent'] }] }],
};

/** A signed GET with the headers a browser would add (node:http, so nothing else is added). */
function browserGet(emulator: RunningEmulator, action: string, headers: Record<string, string>) {
  const params = rpcParams(action, { SecretName: 'w/db' });
  const signed = { ...params, Signature: handSign('GET', params, AK.accessKeySecret) };
  const query = new URLSearchParams(signed).toString().replace(/\+/g, '%20');
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${emulator.url}/?${query}`, { method: 'GET', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('emulator: web pages get no answers', () => {
  it('refuses a DNS-rebound page (its own host name) and a cross-site request (Origin, Sec-Fetch-Site)', () =>
    withEmulator({ seed: SEED }, async (emulator) => {
      const port = new URL(emulator.url).port;
      const attempts: Record<string, string>[] = [
        { host: `rebind.attacker.example:${port}` },
        { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
        { origin: 'https://attacker.example' },
      ];
      for (const headers of attempts) {
        const read = await browserGet(emulator, 'GetSecretValue', headers);
        assert.equal(read.status, 403, JSON.stringify(headers));
        assert.equal(JSON.parse(read.text).Code, 'Forbidden.WebPage');
        assert.ok(!read.text.includes('canary-web-7731'));
        const write = await browserGet(emulator, 'DeleteSecret', headers);
        assert.equal(write.status, 403);
      }
      assert.equal(emulator.store.find('w/db')?.plannedDeleteTime, undefined, 'nothing was deleted');
    }));

  it('answers programs: the SDK, Node fetch, and every loopback name', () =>
    withEmulator({ seed: SEED }, async (emulator) => {
      const body = await raw(clientFor(emulator), 'GetSecretValue', { SecretName: 'w/db' });
      assert.equal(body.SecretData, 'canary-web-7731');
      const port = new URL(emulator.url).port;
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `127.0.0.2:${port}`, `[::1]:${port}`]) {
        const res = await browserGet(emulator, 'GetSecretValue', { host });
        assert.equal(res.status, 200, host);
      }
      // Node's fetch sends Sec-Fetch-Mode (never Sec-Fetch-Site): a program, not a page.
      const res = await browserGet(emulator, 'GetSecretValue', { 'sec-fetch-mode': 'cors' });
      assert.equal(res.status, 200);
    }));
});
