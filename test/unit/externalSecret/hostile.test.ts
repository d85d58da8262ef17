import * as assert from 'node:assert/strict';
import { findExternalSecrets, manifestLimit, MAX_MANIFEST_CHARS } from '../../../src/core/externalSecret';

// The editor reads every YAML file it opens for ExternalSecrets: whatever a cloned repository's YAML holds, that
// must take time in proportion to its size, and a file past the limits is not read at all.
const HEAD = `apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: s
spec:
  data:
`;

describe('ExternalSecret parsing of hostile YAML', () => {
  it('resolves thousands of aliases in linear time (each alias used to walk the whole document)', function () {
    this.timeout(30_000);
    const text = `${HEAD}    - &a {key: app/db, name: n}\n${'    - *a\n'.repeat(8000)}`;
    const started = Date.now();
    const [manifest] = findExternalSecrets(text);
    // Quadratic, this took about half a minute; linear, well under a second (slack for a loaded machine).
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    assert.equal(manifest.entries.length, 8001);
    assert.ok(manifest.entries.every((e) => e.key?.value === 'app/db'));
  });

  it('resolves an alias to the last anchor of that name before it, as YAML says', () => {
    const text = `${HEAD}    - &e {key: first, name: a}\n    - *e\n    - &e {key: second, name: b}\n    - *e\n    - *nothing\n`;
    const [manifest] = findExternalSecrets(text);
    assert.deepEqual(
      manifest.entries.map((e) => e.key?.value),
      ['first', 'first', 'second', 'second'],
    );
  });

  it('does not read a text nested deeper than real manifests are, or one over the size limit', () => {
    const deep = `${HEAD}    - key: ${'['.repeat(25_000)}\n`;
    const started = Date.now();
    assert.deepEqual(findExternalSecrets(deep), []);
    assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
    assert.match(manifestLimit(deep) ?? '', /nested more than 64 brackets deep/);
    const large = `${HEAD}    - key: app/db\n      name: x\n${'# padding\n'.repeat(MAX_MANIFEST_CHARS / 10)}`;
    assert.match(manifestLimit(large) ?? '', /larger than 512 KB/);
    assert.deepEqual(findExternalSecrets(large), []);
  });

  it('reads real manifests: flow mappings, templates, brackets in comments and in many documents', () => {
    const real = `${HEAD}    - {key: app/db, name: db, jmesPath: [{path: a, objectAlias: b}]}\n    - key: "{{ .Values.key }}"\n      name: t\n`;
    const comments = `${'# [TODO [later [\n'.repeat(100)}${real}`;
    const documents = Array.from({ length: 100 }, () => `---\n${real}`).join('');
    for (const text of [real, comments, documents]) {
      assert.equal(manifestLimit(text), undefined);
      assert.ok(findExternalSecrets(text).length >= 1);
    }
  });
});
