import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findKubernetesSecrets, planExternalSecretRewrite } from '../../../src/core/externalSecret';
import { KmsClient } from '../../../src/core/kms';
import { RunningEmulator, startEmulator } from '../../../src/emulator/server';
import { startPermissionGateway, type PermissionGateway } from './permissionGateway';

// The built CLI, the real SDK and the emulator's signature checks: `check` end to end, as CI would call it.
const CLI = join(resolve(__dirname, '../../../..'), 'dist/cli.js');
const CI_KEY = { accessKeyId: 'ci-reader', accessKeySecret: 'ci-reader-secret' };
const DB_PASSWORD = 'canary-check-db-Pw-4471';
const TOKEN = 'canary-check-token-9902';
const MOVED = 'canary-check-moved-3318';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Row {
  file: string;
  line: number;
  column: number;
  reference: string;
  problem: string;
  message: string;
}

const EXTERNAL_SECRETS = `# Synced by ack-secret-manager
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders}
---
apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: orders
spec:
  data:
    - key: app/db                # good: JSON keys that exist
      versionStage: Canary
      jmesPath:
        - path: password
          objectAlias: password
        - path: '"user"'
          objectAlias: user
    - key: app/token             # good: pinned version
      versionId: t1
      name: token
    - key: app/nope              # unknown secret
      name: nope
    - key: app/db
      versionStage: Blue         # unknown stage
      name: blue
    - key: app/db
      versionId: v9              # unknown version
      name: v9
    - key: app/db
      jmesPath:
        - path: passwd           # missing JSON key
          objectAlias: pw
    - key: old/gone              # pending deletion
      name: gone
    - key: team/other            # the CI identity may not use it
      name: other
    - key: "{{ .Values.secret }}"  # a template: not a name yet
      name: templated
---
apiVersion: v1
kind: List
items:
  - apiVersion: alibabacloud.com/v1alpha1
    kind: ExternalSecret
    metadata: {name: listed}
    spec:
      data:
        - key: app/token
          versionId: 7
`;

const ENV_FILE = `DB_PASSWORD=kms://app/db#password
TOKEN=kms://app/token?stage=ACSCurrent
ARN=acs:kms:cn-hangzhou:1234567890123456:secret/app/token
BAD_KEY=kms://app/token#password
GONE=kms://old/gone
MALFORMED=kms://app/db?stage=A&version=B
TEMPLATE=kms://\${SECRET_NAME}
`;

describe('kms-secrets check against the emulator (built CLI)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let gateway: PermissionGateway;
  let dir: string;

  const check = (args: string[], key = CI_KEY, cwd = dir): Promise<Outcome> => {
    const child = spawn(process.execPath, [CLI, 'check', ...args], {
      cwd,
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        ALIBABA_CLOUD_ACCESS_KEY_ID: key.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.accessKeySecret,
        KMS_SECRETS_ENDPOINT: gateway.url,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
  };
  const noValues = (outcome: Outcome) => {
    for (const value of [DB_PASSWORD, TOKEN, MOVED])
      assert.ok(!outcome.stdout.includes(value) && !outcome.stderr.includes(value), `${value} was printed`);
  };

  before(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
    emulator = await startEmulator({
      credentials: [CI_KEY],
      seed: {
        secrets: [
          {
            name: 'app/db',
            versions: [
              { versionId: 'v1', value: { user: 'old', password: 'old-pw' }, stages: ['ACSPrevious'] },
              { versionId: 'v2', value: { user: 'orders', password: DB_PASSWORD }, stages: ['ACSCurrent', 'Canary'] },
            ],
          },
          { name: 'app/token', versions: [{ versionId: 't1', value: TOKEN, stages: ['ACSCurrent'] }] },
          { name: 'team/other', versions: [{ versionId: 'o1', value: 'other-team-value', stages: ['ACSCurrent'] }] },
          {
            name: 'old/gone',
            versions: [{ versionId: 'g1', value: 'gone', stages: ['ACSCurrent'] }],
            pendingDeletion: { recoveryWindowInDays: 7 },
          },
        ],
      },
    });
    gateway = await startPermissionGateway(emulator.url, { accessKeyId: CI_KEY.accessKeyId, secretName: 'team/other' });
    dir = mkdtempSync(join(tmpdir(), 'kms-check-'));
    mkdirSync(join(dir, 'deploy'));
    mkdirSync(join(dir, 'config'));
    mkdirSync(join(dir, 'good'));
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'deploy', 'secrets.yaml'), EXTERNAL_SECRETS);
    writeFileSync(join(dir, 'config', 'app.env'), ENV_FILE);
    writeFileSync(join(dir, 'config', 'ignored.env'), 'X=kms://app/ignored-by-gitignore\n');
    writeFileSync(join(dir, '.gitignore'), 'config/ignored.env\n');
    writeFileSync(join(dir, 'node_modules', 'dep', 'x.env'), 'X=kms://app/in-dependencies\n');
    writeFileSync(join(dir, 'good', 'app.env'), 'DB=kms://app/db?stage=Canary#user\nT=kms://app/token\n');
    writeFileSync(
      join(dir, 'good', 'es.yml'),
      'apiVersion: alibabacloud.com/v1alpha1\nkind: ExternalSecret\nmetadata: {name: ok}\nspec:\n  data:\n    - key: app/db\n      jmesPath: [{path: password, objectAlias: pw}]\n',
    );
  });

  after(async () => {
    await gateway?.close();
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 with an empty JSON array when every reference resolves', async () => {
    const outcome = await check(['--format', 'json', 'good']);
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.deepEqual(JSON.parse(outcome.stdout), []);
  });

  it('reports every kind of broken reference with 1-based positions on the offending entry, and exits 1', async () => {
    const outcome = await check(['--format', 'json', '.']);
    assert.equal(outcome.code, 1, outcome.stderr);
    const rows = JSON.parse(outcome.stdout) as Row[];
    const lines = { yaml: EXTERNAL_SECRETS.split('\n'), env: ENV_FILE.split('\n') };
    const lineOf = (text: string[], needle: string) => text.findIndex((l) => l.includes(needle)) + 1;
    assert.deepEqual(
      rows.map((r) => [r.file, r.line, r.column, r.reference, r.problem]),
      [
        ['config/app.env', 4, 9, 'kms://app/token#password', 'not-json'],
        ['config/app.env', 5, 6, 'kms://old/gone', 'pending-deletion'],
        ['config/app.env', 6, 11, 'kms://app/db?stage=A&version=B', 'reference-syntax'],
        ['deploy/secrets.yaml', lineOf(lines.yaml, 'app/nope'), 12, 'kms://app/nope', 'unknown-secret'],
        ['deploy/secrets.yaml', lineOf(lines.yaml, 'Blue'), 21, 'kms://app/db?stage=Blue', 'unknown-stage'],
        ['deploy/secrets.yaml', lineOf(lines.yaml, 'v9 '), 18, 'kms://app/db?version=v9', 'unknown-version'],
        ['deploy/secrets.yaml', lineOf(lines.yaml, 'passwd'), 17, 'kms://app/db#passwd', 'json-key-absent'],
        ['deploy/secrets.yaml', lineOf(lines.yaml, 'old/gone'), 12, 'kms://old/gone', 'pending-deletion'],
        ['deploy/secrets.yaml', lineOf(lines.yaml, 'team/other'), 12, 'kms://team/other', 'no-permission'],
        [
          'deploy/secrets.yaml',
          lineOf(lines.yaml, 'versionId: 7'),
          22,
          'ExternalSecret listed spec.data[0].versionId',
          'reference-syntax',
        ],
      ],
    );
    const byProblem = Object.fromEntries(rows.map((r) => [r.problem, r.message]));
    assert.equal(byProblem['unknown-secret'], "There is no secret 'app/nope' in KMS.");
    assert.match(byProblem['no-permission'], /^No permission to use the secret 'team\/other': Your RAM identity/);
    assert.match(byProblem['json-key-absent'], /has no key 'passwd' \(it has 'user', 'password'\)/);
    assert.match(
      rows[rows.length - 1].message,
      /^Invalid ExternalSecret listed: spec\.data\[0\]\.versionId must be a string/,
    );
    noValues(outcome);
    assert.ok(!outcome.stdout.includes('ignored-by-gitignore') && !outcome.stdout.includes('in-dependencies'));
  });

  it('asks KMS for values only where a JSON key must be checked', async () => {
    const before = emulator.stats().byAction.GetSecretValue ?? 0;
    const outcome = await check(['--format', 'json', 'good']);
    assert.equal(outcome.code, 0, outcome.stderr);
    // good/: kms://app/db?stage=Canary#user and the ExternalSecret's app/db jmesPath; kms://app/token reads no value.
    assert.equal((emulator.stats().byAction.GetSecretValue ?? 0) - before, 2);
  });

  it('prints text for people and SARIF for code scanning', async () => {
    const text = await check(['config/app.env']);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^config\/app\.env:5:6 {2}error {2}The secret 'old\/gone' is pending deletion/m);
    assert.match(text.stderr, /3 problem\(s\) in 1 file\(s\); 6 reference\(s\) found\./);
    const sarif = JSON.parse((await check(['--format', 'sarif', 'deploy'])).stdout);
    const [run] = sarif.runs;
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]).slice(0, 2), [
      ['unknown-secret', 'error'],
      ['unknown-stage', 'error'],
    ]);
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'no-permission');
    assert.equal(rule.shortDescription.text, 'Reference to a secret the checking identity may not use');
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'deploy/secrets.yaml');
    assert.equal(run.results[0].locations[0].physicalLocation.region.startColumn, 12);
  });

  it('exits 2, not 0, when KMS cannot be asked, naming why', async () => {
    const outcome = await check(['--format', 'json', 'good'], { ...CI_KEY, accessKeySecret: 'wrong-secret-5150' });
    assert.equal(outcome.code, 2);
    assert.deepEqual(JSON.parse(outcome.stdout), []);
    assert.match(outcome.stderr, /could not check 3 reference\(s\): The AccessKey secret does not match/);
    assert.ok(!outcome.stderr.includes('wrong-secret-5150'));
  });

  it('exits 2 on misuse', async () => {
    assert.equal((await check([])).code, 2);
    assert.equal((await check(['--format', 'xml', '.'])).code, 2);
    const missing = await check(['no-such-dir']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: no-such-dir/);
  });

  it('passes a Secret moved to KMS as an ExternalSecret once the plan’s writes are in KMS', async () => {
    const file = join(dir, 'moved.yaml');
    const original = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: api\n  namespace: prod\ntype: Opaque\nstringData:\n  token: ${MOVED}\n  db-password: ${MOVED}-2\n`;
    writeFileSync(file, original);
    const [secret] = findKubernetesSecrets(original);
    for (const layout of [
      { kind: 'json' as const, secretName: 'prod/api' },
      { kind: 'perKey' as const, secretNames: { token: 'prod/api/token', 'db-password': 'prod/api/db-password' } },
    ]) {
      const plan = planExternalSecretRewrite(original, secret.start, layout);
      const moved = original.slice(0, plan.edit.start) + plan.edit.newText + original.slice(plan.edit.end);
      writeFileSync(file, moved);
      assert.equal((await check(['--format', 'json', 'moved.yaml'])).code, 1, 'not in KMS yet');
      const client = new KmsClient({
        source: { kind: 'static', ...CI_KEY },
        region: 'cn-hangzhou',
        endpoint: emulator.url,
      });
      for (const write of plan.writes)
        await client.createSecret({ name: write.secretName, value: write.value, dataType: write.dataType });
      const outcome = await check(['--format', 'json', 'moved.yaml']);
      assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
      assert.ok(!readFileSync(file, 'utf8').includes(MOVED));
      noValues(outcome);
    }
  });
});
