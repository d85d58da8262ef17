import * as KMS from '@alicloud/kms20160120';
import * as assert from 'node:assert/strict';
import { raw, rejectsWith, withEmulator, Json } from './helpers';

describe('emulator tags and random passwords', () => {
  it('tags and untags one secret (JSON parameters)', async () => {
    await withEmulator({}, async (emulator, client) => {
      await client.createSecret(new KMS.CreateSecretRequest({ secretName: 's', secretData: 'x', versionId: 'v1' }));
      await client.tagResource(
        new KMS.TagResourceRequest({
          secretName: 's',
          tags: JSON.stringify([
            { TagKey: 'a', TagValue: '1' },
            { TagKey: 'b', TagValue: '2' },
          ]),
        }),
      );
      await client.tagResource(
        new KMS.TagResourceRequest({ secretName: 's', tags: JSON.stringify([{ TagKey: 'a', TagValue: '3' }]) }),
      );
      assert.deepEqual(emulator.store.find('s')!.tags, [
        { key: 'a', value: '3' },
        { key: 'b', value: '2' },
      ]);
      await client.untagResource(new KMS.UntagResourceRequest({ secretName: 's', tagKeys: JSON.stringify(['a']) }));
      assert.deepEqual(emulator.store.find('s')!.tags, [{ key: 'b', value: '2' }]);
      await rejectsWith(
        client.tagResource(
          new KMS.TagResourceRequest({ secretName: 's', tags: JSON.stringify([{ TagKey: 'acs:x', TagValue: '1' }]) }),
        ),
        'InvalidParameter',
        400,
      );
      await rejectsWith(
        client.tagResource(new KMS.TagResourceRequest({ keyId: 'key-1', tags: '[]' })),
        'Forbidden.ResourceNotFound',
        404,
      );
      const many = Array.from({ length: 20 }, (_, i) => ({ TagKey: `k${i}`, TagValue: 'v' }));
      await rejectsWith(
        client.tagResource(new KMS.TagResourceRequest({ secretName: 's', tags: JSON.stringify(many) })),
        'Rejected.LimitExceeded',
        400,
      );
    });
  });

  it('tags, lists and untags several secrets with RPC-flattened parameters', async () => {
    await withEmulator({}, async (_e, client) => {
      for (const name of ['a', 'b/c'])
        await client.createSecret(new KMS.CreateSecretRequest({ secretName: name, secretData: 'x', versionId: 'v1' }));
      await raw(client, 'TagResources', {
        RegionId: 'cn-hangzhou',
        ResourceType: 'secret',
        ResourceId: ['a', 'b/c'],
        Tag: [
          { Key: 'env', Value: 'dev' },
          { Key: 'team', Value: 'x' },
        ],
      });
      const listed = await raw(client, 'ListTagResources', {
        RegionId: 'cn-hangzhou',
        ResourceType: 'secret',
        ResourceId: ['b/c'],
      });
      assert.deepEqual(listed.TagResources.TagResource, [
        { ResourceId: 'b/c', ResourceType: 'secret', TagKey: 'env', TagValue: 'dev' },
        { ResourceId: 'b/c', ResourceType: 'secret', TagKey: 'team', TagValue: 'x' },
      ]);
      await raw(client, 'UntagResources', {
        RegionId: 'cn-hangzhou',
        ResourceType: 'secret',
        ResourceId: ['a'],
        TagKey: ['env'],
      });
      const byTag = await raw(client, 'ListTagResources', { ResourceType: 'secret', Tag: [{ Key: 'env' }] });
      assert.deepEqual(
        byTag.TagResources.TagResource.map((r: Json) => r.ResourceId),
        ['b/c'],
      );
      await raw(client, 'UntagResources', { ResourceType: 'secret', ResourceId: ['b/c'], All: 'true' });
      assert.equal(
        (await raw(client, 'ListTagResources', { ResourceType: 'secret' })).TagResources.TagResource.length,
        1,
      );
      await rejectsWith(
        raw(client, 'TagResources', { ResourceType: 'secret', ResourceId: ['nope'], Tag: [{ Key: 'k', Value: 'v' }] }),
        'Forbidden.ResourceNotFound',
        404,
      );
      await rejectsWith(
        raw(client, 'TagResources', { ResourceType: 'secret', Tag: [{ Key: 'k', Value: 'v' }] }),
        'MissingParameter',
        400,
      );
      await rejectsWith(raw(client, 'ListTagResources', {}), 'MissingParameter', 400);
    });
  });

  it('generates random passwords honouring the options', async () => {
    await withEmulator({}, async (_e, client) => {
      const dflt = await client.getRandomPassword(new KMS.GetRandomPasswordRequest({}));
      assert.equal(dflt.randomPassword.length, 32);
      for (const re of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) assert.match(dflt.randomPassword, re);
      const digits = await client.getRandomPassword(
        new KMS.GetRandomPasswordRequest({
          passwordLength: '12',
          excludeLowercase: 'true',
          excludeUppercase: 'true',
          excludePunctuation: 'true',
          excludeCharacters: '0',
        }),
      );
      assert.match(digits.randomPassword, /^[1-9]{12}$/);
      await rejectsWith(
        client.getRandomPassword(new KMS.GetRandomPasswordRequest({ passwordLength: '7' })),
        'InvalidParameter',
        400,
      );
    });
  });
});
