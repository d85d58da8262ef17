import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { findExternalSecrets, keyPath, scalarStyle, topLevelKey, yamlScalar } from '../../../src/core/externalSecret';
import { YAML_OPTIONS } from '../../../src/core/externalSecret/documents';
import { findSecretUses } from '../../../src/core/secretUses';

const MANIFEST = `apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: web
spec:
  data:
    - key: plain/name
      versionStage: "ACSCurrent"
      jmesPath:
        - path: 'password'
          objectAlias: password
  bogus: 1
---
password: kms://refs/app/db#password
`;

describe('ExternalSecret helpers for the editor (core/externalSecret)', () => {
  describe('yamlScalar: what a completion or quick fix writes into a field reads back as the same string', () => {
    const readBack = (text: string) => (parse(`k: ${text}\n`, YAML_OPTIONS) as { k: unknown }).k;
    const samples = [
      'prod/db',
      'prod/db-2',
      'ACSCurrent',
      'password',
      '"tls.crt"',
      '"it\'s"',
      '123',
      '1_000',
      'on',
      'yes',
      'null',
      '~',
      '@team/db',
      'a: b',
      '- x',
      'x #y',
      '',
      '0x1F',
      '1.5e3',
    ];
    for (const style of ['plain', 'single', 'double'] as const) {
      it(`in ${style} style`, () => {
        for (const value of samples) assert.equal(readBack(yamlScalar(value, style)), value, `${style}: ${value}`);
      });
    }

    it('stays plain when plain reads back, and keeps the quotes the user chose', () => {
      assert.equal(yamlScalar('prod/db'), 'prod/db');
      assert.equal(yamlScalar('123'), "'123'");
      assert.equal(yamlScalar('on'), "'on'", 'YAML 1.1, as kubectl reads it: on is a boolean');
      assert.equal(yamlScalar(keyPath('tls.crt')), `'"tls.crt"'`);
      assert.equal(yamlScalar('prod/db', 'double'), '"prod/db"');
      assert.equal(yamlScalar('prod/db', 'single'), "'prod/db'");
      assert.equal(topLevelKey(readBack(yamlScalar(keyPath('tls.crt'))) as string), 'tls.crt');
    });

    it('scalarStyle tells how a field is written', () => {
      const [manifest] = findExternalSecrets(MANIFEST);
      const [entry] = manifest.entries;
      assert.equal(scalarStyle(MANIFEST, entry.key!), 'plain');
      assert.equal(scalarStyle(MANIFEST, entry.versionStage!), 'double');
      assert.equal(scalarStyle(MANIFEST, entry.jmesPath[0].path!), 'single');
    });
  });

  it('findSecretUses says where each use comes from: a reference, an entry, or the CRD schema', () => {
    const origins = findSecretUses(MANIFEST, { manifests: true }).map((u) => [
      u.origin,
      MANIFEST.slice(u.start, u.end).split('\n')[0],
    ]);
    assert.deepEqual(origins, [
      ['entry', 'plain/name'],
      ['schema', 'bogus'],
      ['reference', 'kms://refs/app/db#password'],
    ]);
  });
});
