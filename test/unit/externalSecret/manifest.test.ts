import * as assert from 'node:assert/strict';
import {
  entryFieldAt,
  entryUse,
  findExternalSecrets,
  keyPath,
  problemField,
  topLevelKey,
  type ManifestField,
} from '../../../src/core/externalSecret';
import { positionsOf } from '../../../src/core/positions';

const MANIFESTS = `# Deployment first: not a secret manifest
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template: { spec: { containers: [{ name: web, image: "nginx" }] } }
---
apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: web-secrets   # synced as Secret "web-secrets"
  namespace: prod
spec:
  data:
    - key: &db app/db
      name: db
      versionStage: 'Canary'
      jmesPath:
        - path: "password"
          objectAlias: db-password
        - path: '"db-user"'
          objectAlias: db-user
        - path: hosts[0].name
          objectAlias: host
        - path: length(hosts)
          objectAlias: count
    - key: *db
      versionId: "v1"
      name: previous
    - { key: "acs:kms:cn-shanghai:123456789012:secret/app/token", name: token }
  dataProcess:
    - extract:
        key: app/json
        versionStage: ACSPrevious
      replaceRule:
        - { source: "^a", target: "b" }
---
apiVersion: v1
kind: List
items:
  - apiVersion: alibabacloud.com/v1alpha1
    kind: ExternalSecret
    metadata: { name: listed }
    spec:
      data:
        - key: listed/secret
`;

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('ExternalSecret manifests (core/externalSecret)', () => {
  const manifests = findExternalSecrets(MANIFESTS);

  it('finds ExternalSecrets in documents and in List items, and nothing in other kinds', () => {
    assert.deepEqual(
      manifests.map((m) => [m.document, m.name, m.namespace, m.provider, m.entries.length]),
      [
        [1, 'web-secrets', 'prod', 'kms', 4],
        [2, 'listed', undefined, 'kms', 1],
      ],
    );
  });

  it('gives each field its exact span, quotes excluded from the inner span', () => {
    const [first, second, third, extract] = manifests[0].entries;
    const at = (field: ManifestField | undefined) =>
      field && [slice(MANIFESTS, field), slice(MANIFESTS, field.inner), field.value];
    assert.deepEqual(at(first.key), ['app/db', 'app/db', 'app/db'], 'the anchor is not part of the value');
    assert.deepEqual(at(first.versionStage), ["'Canary'", 'Canary', 'Canary']);
    assert.deepEqual(at(first.jmesPath[0].path), ['"password"', 'password', 'password']);
    assert.deepEqual(at(first.jmesPath[1].path), [`'"db-user"'`, '"db-user"', '"db-user"']);
    assert.deepEqual(at(first.jmesPath[0].objectAlias), ['db-password', 'db-password', 'db-password']);
    assert.deepEqual(
      at(second.key),
      ['*db', '*db', 'app/db'],
      'an alias is reported where it is written, with its value',
    );
    assert.deepEqual(at(second.versionId), ['"v1"', 'v1', 'v1']);
    assert.equal(third.key?.value, 'acs:kms:cn-shanghai:123456789012:secret/app/token');
    assert.deepEqual(
      [extract.section, extract.index, extract.key?.value, extract.versionStage?.value],
      ['dataProcess', 0, 'app/json', 'ACSPrevious'],
    );
  });

  it('puts each field on its own line (0-based) for diagnostics', () => {
    const position = positionsOf(MANIFESTS);
    const [first] = manifests[0].entries;
    const line = (field?: { start: number }) => field && position(field.start).line;
    const lines = MANIFESTS.split('\n');
    assert.match(lines[line(first.key)!], /- key: &db app\/db/);
    assert.match(lines[line(first.versionStage)!], /versionStage: 'Canary'/);
    assert.match(lines[line(first.jmesPath[2].path)!], /path: hosts\[0\]\.name/);
    assert.equal(position(first.key!.start).column, MANIFESTS.split('\n')[line(first.key)!].indexOf('app/db'));
  });

  it('turns entries into secret uses for the shared rules', () => {
    const [first, second, third, extract] = manifests[0].entries;
    const use = (entry: typeof first) => {
      const result = entryUse(manifests[0], entry);
      return result && 'use' in result ? result.use : result;
    };
    assert.deepEqual(use(first), {
      name: 'app/db',
      stage: 'Canary',
      jsonKeys: ['password', 'db-user', 'hosts'],
      yamlValue: true,
    });
    assert.deepEqual(use(second), { name: 'app/db', versionId: 'v1', jsonKeys: [], yamlValue: true });
    assert.deepEqual(use(third), {
      name: 'app/token',
      region: 'cn-shanghai',
      arn: { region: 'cn-shanghai', accountId: '123456789012' },
      jsonKeys: [],
      yamlValue: true,
    });
    assert.deepEqual(use(extract), { name: 'app/json', stage: 'ACSPrevious', jsonKeys: [], yamlValue: true });
  });

  it('places each problem on the field it is about', () => {
    const [first] = manifests[0].entries;
    const place = (code: string, jsonKey?: string) =>
      slice(MANIFESTS, problemField(first, { code: code as never, message: '', severity: 'error', jsonKey }));
    assert.equal(place('unknown-secret'), 'app/db');
    assert.equal(place('pending-deletion'), 'app/db');
    assert.equal(place('unknown-stage'), "'Canary'");
    assert.equal(place('json-key-absent', 'db-user'), `'"db-user"'`);
    assert.equal(place('not-json'), '"password"');
    assert.equal(place('unknown-version'), 'app/db', 'no versionId field: the key');
  });

  it('says which entry field the cursor is in, also in an empty value, for completion', () => {
    const at = (needle: string, delta = 0) => {
      const found = entryFieldAt(manifests, MANIFESTS.indexOf(needle) + delta);
      return found && [found.field, found.entry.index, found.jmesPathIndex, slice(MANIFESTS, found.value.inner)];
    };
    assert.deepEqual(at('app/db', 3), ['key', 0, undefined, 'app/db']);
    assert.deepEqual(at("Canary'", 0), ['versionStage', 0, undefined, 'Canary']);
    assert.deepEqual(at('hosts[0]', 5), ['jmesPath.path', 0, 2, 'hosts[0].name']);
    assert.equal(at('objectAlias: db-password', 0), undefined, 'objectAlias names a Kubernetes key, not KMS');
    assert.equal(at('spec:'), undefined);
    const empty =
      'apiVersion: alibabacloud.com/v1alpha1\nkind: ExternalSecret\nmetadata: {name: x}\nspec:\n  data:\n    - key: \n';
    const found = entryFieldAt(findExternalSecrets(empty), empty.indexOf('key: ') + 5);
    assert.deepEqual(
      [found?.field, found?.value.value, found?.value.inner.start],
      ['key', undefined, empty.indexOf('key: ') + 5],
    );
  });

  it('checks nothing for OOS manifests or templated values, and flags a key that cannot be a secret name', () => {
    const text = (spec: string) =>
      `apiVersion: alibabacloud.com/v1alpha1\nkind: ExternalSecret\nmetadata: {name: x}\nspec:\n${spec}`;
    const [oos] = findExternalSecrets(text('  provider: oos\n  data:\n    - key: param\n'));
    assert.equal(entryUse(oos, oos.entries[0]), undefined);
    const [templated] = findExternalSecrets(text('  data:\n    - key: "{{ .Values.secret }}"\n'));
    assert.equal(entryUse(templated, templated.entries[0]), undefined);
    const [bad] = findExternalSecrets(text('  data:\n    - key: app db\n'));
    const result = entryUse(bad, bad.entries[0]);
    assert.ok(result && 'problem' in result);
    assert.equal(result.problem.code, 'reference-syntax');
    assert.match(result.problem.message, /^This key does not name a KMS secret: Secret names may contain only/);
  });

  it('reports where a manifest breaks the CRD schema, at the offending text', () => {
    const text = `apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata: {name: x}
spec:
  provider: vault
  data:
    - name: no-key
    - key: app/db
      versionId: 3
      jmesPath:
        - path: password
      secretStoreRef: {name: store}
      extra: true
`;
    const [manifest] = findExternalSecrets(text);
    assert.deepEqual(
      manifest.issues.map((i) => [i.path, i.message, slice(text, i)]),
      [
        ['spec.provider', "spec.provider must be one of: 'kms', 'oos'.", 'vault'],
        ['spec.data[0].key', 'spec.data[0].key is required.', 'name: no-key\n'],
        ['spec.data[1].versionId', 'spec.data[1].versionId must be a string (quote it).', '3'],
        [
          'spec.data[1].jmesPath[0].objectAlias',
          'spec.data[1].jmesPath[0].objectAlias is required.',
          'path: password\n',
        ],
        [
          'spec.data[1].secretStoreRef.namespace',
          'spec.data[1].secretStoreRef.namespace is required.',
          '{name: store}',
        ],
        ['spec.data[1].extra', 'spec.data[1].extra is not a field of ExternalSecret.', 'extra'],
      ],
    );
  });

  it('reads YAML 1.1 like kubectl: `on` is a boolean, so not a stage name', () => {
    const [manifest] = findExternalSecrets(
      'apiVersion: alibabacloud.com/v1alpha1\nkind: ExternalSecret\nmetadata: {name: x}\nspec:\n  data:\n    - key: a\n      versionStage: on\n',
    );
    assert.equal(manifest.entries[0].versionStage?.value, undefined);
    assert.match(manifest.issues[0].message, /versionStage must be a string/);
  });

  it('survives text that is not YAML, broken YAML and alias bombs without throwing', () => {
    assert.deepEqual(findExternalSecrets('{"kind": "ExternalSecret", ]'), []);
    assert.doesNotThrow(() => findExternalSecrets('kind: ExternalSecret\n  bad: [indent\n- x'));
    const lists = Array.from({ length: 12 }, (_, i) => `  l${i + 1}: &l${i + 1} [*l${i}, *l${i}, *l${i}, *l${i}]`);
    const bomb = ['apiVersion: alibabacloud.com/v1alpha1', 'kind: ExternalSecret', 'metadata: {name: x}', 'status:']
      .concat('  l0: &l0 [{key: a}]', lists, 'spec:', '  data: *l12', '  dataProcess: &self [*self]')
      .join('\n');
    const started = Date.now();
    const [manifest] = findExternalSecrets(bomb);
    assert.equal(manifest.entries.length, 0);
    assert.ok(Date.now() - started < 2000, 'aliases are never expanded wholesale');
  });
});

describe('jmesPath helpers', () => {
  it('names the top-level key of plain chains only', () => {
    assert.equal(topLevelKey('password'), 'password');
    assert.equal(topLevelKey(' "db-password" '), 'db-password');
    assert.equal(topLevelKey('friends[0].name'), 'friends');
    assert.equal(topLevelKey('a.b.c'), 'a');
    assert.equal(topLevelKey('"a\\"b".c'), 'a"b');
    for (const complex of ['length(a)', 'a || b', '[0]', '*', 'a[*].b', '@', '"unterminated'])
      assert.equal(topLevelKey(complex), undefined, complex);
  });

  it('writes keys as paths that read them back', () => {
    for (const key of ['password', 'db-user', 'tls.crt', '_x9', '9lives', 'a"b'])
      assert.equal(topLevelKey(keyPath(key)), key, key);
    assert.equal(keyPath('password'), 'password');
    assert.equal(keyPath('tls.crt'), '"tls.crt"');
  });
});
