import * as KMS from '@alicloud/kms20160120';
import * as assert from 'node:assert/strict';
import { rejectsWith, withEmulator } from './helpers';

/** Plays back the given draws, then keeps returning 0.99 (no fault). */
const scripted =
  (...draws: number[]) =>
  () =>
    draws.length ? draws.shift()! : 0.99;
const list = () => new KMS.ListSecretsRequest({});

describe('emulator fault injection', () => {
  it('throttles with 429 Rejected.Throttling when the throttle draw hits', async () => {
    await withEmulator({ throttleRate: 0.5, random: scripted(0.1, 0.9) }, async (emulator, client) => {
      await rejectsWith(client.listSecrets(list()), 'Rejected.Throttling', 429);
      assert.equal((await client.listSecrets(list())).totalCount, 0);
      assert.deepEqual(emulator.stats(), {
        requests: 2,
        byAction: { ListSecrets: 2 },
        throttledByAction: { ListSecrets: 1 },
      });
    });
  });

  it('fails with 503, 500 or a non-JSON 502 depending on the kind draw', async () => {
    await withEmulator({ failRate: 0.5, random: scripted(0.1, 0.2, 0.1, 0.6, 0.1, 0.95) }, async (emulator, client) => {
      await rejectsWith(client.listSecrets(list()), 'ServiceUnavailableTemporary', 503);
      await rejectsWith(client.listSecrets(list()), 'InternalFailure', 500);
      await assert.rejects(client.listSecrets(list()), SyntaxError);
      assert.equal((await client.listSecrets(list())).totalCount, 0);
      emulator.setFaults({ failRate: 0 });
      assert.equal((await client.listSecrets(list())).totalCount, 0);
    });
  });

  it('faults never change state', async () => {
    await withEmulator({ failRate: 1, random: () => 0 }, async (emulator, client) => {
      await rejectsWith(
        client.createSecret(new KMS.CreateSecretRequest({ secretName: 's', secretData: 'x', versionId: 'v1' })),
        'ServiceUnavailableTemporary',
        503,
      );
      assert.equal(emulator.store.secrets.size, 0);
    });
  });

  it('delays every response by latencyMs, adjustable at run time', async () => {
    await withEmulator({ latencyMs: 150 }, async (emulator, client) => {
      let t = Date.now();
      await client.listSecrets(list());
      assert.ok(Date.now() - t >= 140, 'slow');
      emulator.setFaults({ latencyMs: 0 });
      t = Date.now();
      await client.listSecrets(list());
      assert.ok(Date.now() - t < 140, 'fast again');
      assert.throws(() => emulator.setFaults({ failRate: 2 }), RangeError);
    });
  });
});
