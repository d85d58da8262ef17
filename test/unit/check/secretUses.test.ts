import * as assert from 'node:assert/strict';
import { findSecretUses } from '../../../src/core/secretUses';

describe('findSecretUses', () => {
  const text = `# kms://app/in-comment
apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata: {name: es}
spec:
  data:
    - key: acs:kms:cn-shanghai:123456789012:secret/app/arn
      versionStage: Blue
    - key: app/plain
      jmesPath: [{path: token, objectAlias: token}]
    - name: no-key
`;

  it('finds references anywhere and ExternalSecret entries in manifests, each once', () => {
    const uses = findSecretUses(text, { manifests: true });
    assert.deepEqual(
      uses.map((u) => [text.slice(u.start, u.end), u.use?.name, u.use?.stage, u.use?.jsonKeys, u.problem?.code]),
      [
        ['kms://app/in-comment', 'app/in-comment', undefined, undefined, undefined],
        ['acs:kms:cn-shanghai:123456789012:secret/app/arn', 'app/arn', 'Blue', [], undefined],
        ['app/plain', 'app/plain', undefined, ['token'], undefined],
        ['name: no-key\n', undefined, undefined, undefined, 'reference-syntax'],
      ],
    );
    const [, arn, plain] = uses;
    const stage = { code: 'unknown-stage' as const, message: '', severity: 'error' as const };
    assert.equal(text.slice(arn.place(stage).start, arn.place(stage).end), 'Blue');
    assert.equal(arn.label(stage), 'kms://app/arn?region=cn-shanghai&stage=Blue');
    const key = { code: 'json-key-absent' as const, message: '', severity: 'error' as const, jsonKey: 'token' };
    assert.equal(plain.label(key), 'kms://app/plain#token');
    assert.equal(text.slice(plain.place(key).start, plain.place(key).end), 'token');
  });

  it('reads only references when the file is not a manifest', () => {
    assert.deepEqual(
      findSecretUses(text, { manifests: false }).map((u) => u.use?.name),
      ['app/in-comment', 'app/arn'],
    );
  });
});
