import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import {
  entryUse,
  findExternalSecrets,
  findKubernetesSecrets,
  kubernetesSecretAt,
  planExternalSecretRewrite,
  suggestSecretNames,
  type ExternalSecretPlan,
} from '../../../src/core/externalSecret';

const PASSWORD = 'canary-db-Pw-9183';
const USER = 'canary-user-2210';
const CERT = '-----BEGIN CERTIFICATE-----\ncanary-cert-7731\n-----END CERTIFICATE-----\n';
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const CANARIES = [PASSWORD, USER, 'canary-cert-7731', b64(PASSWORD), 'canary-annotation-5521'];

const FILE = `# Rendered for prod
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: &labels
    app: web
---
# Database credentials (moving to KMS)
apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: prod
  labels:
    app: web
    "on": "yes"
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"note":"canary-annotation-5521"}}'
type: kubernetes.io/basic-auth
data:
  password: ${b64(PASSWORD)}   # canary comment
stringData:
  username: '${USER}'
  tls.crt: |
${CERT.replace(/^/gm, '    ').trimEnd()}
immutable: true
# trailing comment of the document
---
apiVersion: v1
kind: ConfigMap
data:
  LOG_LEVEL: debug
`;

const apply = (text: string, plan: ExternalSecretPlan) =>
  text.slice(0, plan.edit.start) + plan.edit.newText + text.slice(plan.edit.end);

describe('Kubernetes Secret → ExternalSecret rewrite (core/externalSecret)', () => {
  const [secret] = findKubernetesSecrets(FILE);

  it('finds the Secret, its keys (stringData wins) and the text of each value', () => {
    assert.deepEqual(
      [secret.document, secret.name, secret.namespace, secret.type],
      [1, 'db', 'prod', 'kubernetes.io/basic-auth'],
    );
    assert.deepEqual(
      secret.keys.map((k) => [k.key, k.from, FILE.slice(k.value.start, k.value.end).split('\n')[0]]),
      [
        ['password', 'data', b64(PASSWORD)],
        ['username', 'stringData', `'${USER}'`],
        ['tls.crt', 'stringData', '|'],
      ],
    );
    assert.equal(kubernetesSecretAt(FILE, FILE.indexOf(b64(PASSWORD)))?.name, 'db');
    assert.equal(kubernetesSecretAt(FILE, FILE.indexOf('LOG_LEVEL')), undefined);
  });

  it('one JSON secret: writes every key once, reads them back with jmesPath, keeps name, namespace, labels, type', () => {
    const plan = planExternalSecretRewrite(FILE, secret.keys[0].value.start, { kind: 'json', secretName: 'prod/db' });
    assert.deepEqual(plan.writes, [
      {
        secretName: 'prod/db',
        value: JSON.stringify({ password: PASSWORD, username: USER, 'tls.crt': CERT }),
        dataType: 'text',
        keys: ['password', 'username', 'tls.crt'],
      },
    ]);
    const after = apply(FILE, plan);
    assert.equal(
      plan.edit.newText,
      [
        'apiVersion: alibabacloud.com/v1alpha1',
        'kind: ExternalSecret',
        'metadata:',
        '  name: db',
        '  namespace: prod',
        '  labels:',
        '    app: web',
        '    "on": "yes"',
        'spec:',
        '  provider: kms',
        '  type: kubernetes.io/basic-auth',
        '  data:',
        '    - key: prod/db',
        '      versionStage: ACSCurrent',
        '      jmesPath:',
        '        - path: password',
        '          objectAlias: password',
        '        - path: username',
        '          objectAlias: username',
        `        - path: '"tls.crt"'`,
        '          objectAlias: tls.crt',
      ].join('\n'),
    );
    // Everything around the Secret is unchanged, byte for byte: other documents and the comments outside it.
    assert.equal(after.slice(0, plan.edit.start), FILE.slice(0, plan.edit.start));
    assert.equal(after.slice(plan.edit.start + plan.edit.newText.length), FILE.slice(plan.edit.end));
    assert.ok(after.includes('# Database credentials (moving to KMS)\napiVersion: alibabacloud.com/v1alpha1'));
    assert.ok(after.includes('objectAlias: tls.crt\n# trailing comment of the document\n---'));
    for (const canary of CANARIES) assert.ok(!after.includes(canary), `the value ${canary} left the file`);
    assert.ok(!after.includes('immutable') && !after.includes('annotations'));
  });

  it('the rewritten manifest conforms to the CRD schema and names exactly the moved keys', () => {
    const plan = planExternalSecretRewrite(FILE, secret.start, { kind: 'json', secretName: 'prod/db' });
    const [manifest] = findExternalSecrets(apply(FILE, plan));
    assert.deepEqual(manifest.issues, []);
    const result = entryUse(manifest, manifest.entries[0]);
    assert.ok(result && 'use' in result);
    assert.deepEqual(result.use.jsonKeys, ['password', 'username', 'tls.crt']);
    assert.deepEqual(
      plan.manifest,
      parseAllDocuments(apply(FILE, plan), { version: '1.1' })[1].toJS(),
      'the edit says what the plan says',
    );
  });

  it('one secret per key: each key names its own secret, value as it was (binary stays base64)', () => {
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0x81]);
    const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: tls}\ndata:\n  keystore: ${b64(binary)}\n  pass: ${b64(PASSWORD)}\n`;
    const [tls] = findKubernetesSecrets(text);
    const names = suggestSecretNames(tls).perKey;
    assert.deepEqual(names, { keystore: 'tls/keystore', pass: 'tls/pass' });
    const plan = planExternalSecretRewrite(text, 0, { kind: 'perKey', secretNames: names });
    assert.deepEqual(plan.writes, [
      { secretName: 'tls/keystore', value: b64(binary), dataType: 'binary', keys: ['keystore'] },
      { secretName: 'tls/pass', value: PASSWORD, dataType: 'text', keys: ['pass'] },
    ]);
    assert.equal(
      plan.edit.newText,
      'apiVersion: alibabacloud.com/v1alpha1\nkind: ExternalSecret\nmetadata:\n  name: tls\nspec:\n  provider: kms\n  data:\n' +
        '    - key: tls/keystore\n      name: keystore\n      versionStage: ACSCurrent\n' +
        '    - key: tls/pass\n      name: pass\n      versionStage: ACSCurrent',
    );
    assert.deepEqual(findExternalSecrets(apply(text, plan))[0].issues, []);
    assert.throws(
      () => planExternalSecretRewrite(text, 0, { kind: 'json', secretName: 'tls' }),
      /The key "keystore" holds binary data, which a JSON secret cannot carry; use one secret per key\./,
    );
  });

  it('rewrites a Secret inside a List in place, at its indentation, leaving the other items alone', () => {
    const text = `apiVersion: v1\r\nkind: List\r\nitems:\r\n  - kind: ConfigMap\r\n    data: {a: b}\r\n  - kind: Secret\r\n    metadata:\r\n      name: api\r\n    stringData:\r\n      token: ${PASSWORD}\r\n  - kind: Service\r\n`;
    const [listed] = findKubernetesSecrets(text);
    const plan = planExternalSecretRewrite(
      text,
      listed.start,
      {
        kind: 'perKey',
        secretNames: { token: 'api/token' },
      },
      { secretStoreRef: { name: 'kms-store', namespace: 'infra' } },
    );
    const after = apply(text, plan);
    assert.equal(
      after,
      `apiVersion: v1\r\nkind: List\r\nitems:\r\n  - kind: ConfigMap\r\n    data: {a: b}\r\n  - apiVersion: alibabacloud.com/v1alpha1\r\n    kind: ExternalSecret\r\n    metadata:\r\n      name: api\r\n    spec:\r\n      provider: kms\r\n      data:\r\n        - key: api/token\r\n          name: token\r\n          versionStage: ACSCurrent\r\n          secretStoreRef:\r\n            name: kms-store\r\n            namespace: infra\r\n  - kind: Service\r\n`,
    );
    assert.deepEqual(findExternalSecrets(after)[0].issues, []);
  });

  it('quotes what YAML 1.1 would read as something else, so keys stay strings', () => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: "true"}\nstringData:\n  "on": x1\n  "123": x2\n`;
    const plan = planExternalSecretRewrite(text, 0, { kind: 'json', secretName: 'flags' });
    const [manifest] = findExternalSecrets(apply(text, plan));
    assert.deepEqual(manifest.issues, []);
    assert.equal(manifest.name, 'true');
    assert.deepEqual(
      manifest.entries[0].jmesPath.map((j) => [j.path?.value, j.objectAlias?.value]),
      [
        ['"123"', '123'],
        ['on', 'on'],
      ],
    );
  });

  it('refuses with one sentence what it cannot do safely, before any KMS write', () => {
    const secretDoc = (body: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n${body}`;
    const cases: [string, RegExp, Parameters<typeof planExternalSecretRewrite>[2]?][] = [
      [secretDoc('data:\n  a: not*base64\n'), /data\.a is not valid base64\.$/],
      [
        secretDoc('stringData:\n  a: ""\n'),
        /The key "a" is empty; KMS does not store empty values\.$/,
        { kind: 'perKey', secretNames: { a: 's/a' } },
      ],
      [
        secretDoc('stringData:\n  a: x\n  b: y\n'),
        /Two keys would share the KMS secret "s"/,
        { kind: 'perKey', secretNames: { a: 's', b: 's' } },
      ],
      [
        secretDoc('stringData:\n  a: x\n'),
        /Choose a KMS secret name for the key "a"\.$/,
        { kind: 'perKey', secretNames: {} },
      ],
      [
        secretDoc('stringData:\n  a: x\n'),
        /"bad name" cannot be a KMS secret name/,
        { kind: 'json', secretName: 'bad name' },
      ],
      [
        secretDoc('stringData:\n  a: x\n'),
        /Generic secret names cannot start with "acs\/"\.$/,
        { kind: 'json', secretName: 'acs/x' },
      ],
      [secretDoc('stringData:\n  a: x\n  b: [oops\n'), /This YAML document has syntax errors/],
      [
        `kind: List\nitems:\n  - kind: Secret\n    stringData: {a: &v x}\n  - kind: ConfigMap\n    data: {b: *v}\n`,
        /uses the anchor &v defined in the Secret/,
      ],
      [`kind: List\nitems: [{kind: Secret, stringData: {a: x}}]\n`, /flow-style list/],
      ['kind: ConfigMap\ndata: {a: b}\n', /There is no Kubernetes Secret with data at this position\.$/],
    ];
    for (const [text, message, layout] of cases)
      assert.throws(
        () =>
          planExternalSecretRewrite(
            text,
            Math.max(0, text.indexOf('kind: Secret')),
            layout ?? { kind: 'json', secretName: 's' },
          ),
        message,
        text,
      );
  });

  it('resolves anchors used inside the Secret itself', () => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  labels: {app: &app web}\nstringData:\n  user: *app\n`;
    const plan = planExternalSecretRewrite(text, 0, { kind: 'json', secretName: 's' });
    assert.equal(plan.writes[0].value, JSON.stringify({ user: 'web' }));
    assert.ok(!plan.edit.newText.includes('*') && !plan.edit.newText.includes('&'));
  });

  it('suggests names from namespace and name', () => {
    assert.deepEqual(suggestSecretNames(secret), {
      json: 'prod/db',
      perKey: { password: 'prod/db/password', username: 'prod/db/username', 'tls.crt': 'prod/db/tls.crt' },
    });
  });
});
