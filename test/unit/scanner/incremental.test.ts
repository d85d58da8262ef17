import * as assert from 'node:assert/strict';
import { DocumentScanner, scanText, type Finding, type TextChange } from '../../../src/core/scanner';
import { REALISTIC, REALISTIC_CLEAN } from './realistic';
import { CONTEXT_LINES } from '../../../src/core/scanner/incremental';

/** Everything a finding says, for comparing an incremental result with a whole-text scan. */
const shape = (findings: Finding[]) =>
  findings.map((f) => [
    f.ruleId,
    f.start,
    f.end,
    f.line,
    f.column,
    f.endLine,
    f.endColumn,
    f.fingerprint,
    f.literal.start,
    f.literal.end,
  ]);

let seed = Number(process.env.SEED ?? 11);
const random = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

const SNIPPETS = [
  'DB_PASSWORD=Wint3r-Harb0r-22\n',
  `const token = "${'ghp_' + 'K8fR2mW9xQ4vL7nP3sT6yB1cJ5hD0gA8eZ2u'}";\n`,
  `ak = "${'LTAI' + '5tBq7nHv2XkPz9WcRm4Y'}"\n`,
  `sk = "${'nY4kQp8WzR2vLx7c' + 'B3mT9hJs6DfG1a'}"\n`,
  '# kms-secrets-ignore-next-line\n',
  '-----BEGIN RSA PRIVATE KEY-----\n',
  '-----END RSA PRIVATE KEY-----\n',
  '- name: API_TOKEN\n  value: q9Vt2Lx7Kp4Rz8Wm\n',
  'INSERT INTO users (email, password)\nVALUES\n',
  "('a@b.c', 'Adm1n-Seed-Pw'),\n",
  'db.internal:5432:shop:app:Pg-Pass-F1le!\n',
  'CREATE TABLE users (id int, password text);\n',
  "INSERT INTO users VALUES (1, 'Dump-Row-Pw9');\n",
  'COPY users (id, password) FROM stdin;\n',
  '7\tC0py-Row-Pw8\n',
  '\\.\n',
  '  password: >-\n',
  '    Bl0ck-Sc4lar-Pw\n',
  '  <key>APIKey</key>\n',
  '  <string>Pl1st-Xk9mQ2vLp7wRz4</string>\n',
  ';\n',
  `var c={accessKeyId:"${'LTAI' + '5tBq7nHv2XkPz9WcRm4Y'}",accessKeySecret:"${'nY4kQp8WzR2vLx7c' + 'B3mT9hJs6DfG1a'}"};${'x'.repeat(4000)}\n`,
  'USING (VALUES\n',
  "  (N'algolia', N'ADMIN_KEY', N'4be1c07d29a8f35e6d0c9b12a7f4e853'),\n",
  ') AS source (Vendor, KeyName, KeyValue)\n',
  '// an expired sample token\n',
  "const T = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfODgxMiIsInNjb3BlIjoicmVwb3J0czpyZWFkIiwiaWF0IjoxNjAwMDAwMDAwLCJleHAiOjE2MDAwMDM2MDB9.oK7gajZg4IzrkG7ejGb5ouSPC66qSFuSwO79QwCjldk';\n",
  'const secretAccessKey =\n',
  "  'Wm4tQ9zR2vXk7' +\n",
  "twilio('SK7d2e9b41c6a08f35e1b94d7c2a6f0e83', 'Hq3VzR8mWk1TpL6yNc9XfB2sJd4GaE7u')\n",
  '```yaml\n',
  '```\n',
  'x',
  '"',
  '\n',
  '',
];

describe('scanner: incremental scanning after edits', () => {
  const base = [...REALISTIC, ...REALISTIC_CLEAN].map((c) => c.text).join('\n');

  for (const path of [
    'app/config.env',
    'src/app.ts',
    'deploy/values.yaml',
    'docs/setup.md',
    'ops/.pgpass',
    'db/seed.sql',
  ]) {
    it(`gives exactly the findings of a whole scan after 300 random edits (${path})`, function () {
      this.timeout(60_000);
      const scanner = new DocumentScanner({ path });
      let text = base;
      scanner.open(text);
      for (let i = 0; i < 300; i++) {
        const changes: TextChange[] = [];
        for (let c = 0, n = 1 + random(3); c < n; c++) {
          const start = random(text.length + 1);
          const end = Math.min(text.length, start + (random(4) === 0 ? random(400) : random(3)));
          const change = { start, end, text: SNIPPETS[random(SNIPPETS.length)] };
          text = text.slice(0, start) + change.text + text.slice(end);
          changes.push(change);
        }
        const result = scanner.edit(changes);
        assert.equal(scanner.text, text);
        assert.deepEqual(shape(result.findings), shape(scanText(text, { path }).findings), `after edit ${i}`);
      }
    });
  }

  it('reports what an ignored private-key block hid once an edit closes the block earlier', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const text = [
      '# kms-secrets-ignore-next-line',
      '-----BEGIN RSA PRIVATE KEY-----',
      filler,
      'MIDDLE',
      filler,
      'DB_PASSWORD=Wint3r-Harb0r-22',
      filler,
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    const scanner = new DocumentScanner({ path: 'app/config.env' });
    assert.deepEqual(scanner.open(text).findings, [], 'the ignored block hides the password');
    const at = text.indexOf('MIDDLE');
    const result = scanner.edit([{ start: at, end: at + 'MIDDLE'.length, text: '-----END RSA PRIVATE KEY-----' }]);
    assert.equal(result.rescanned.whole, false);
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['hardcoded-password'],
    );
    assert.deepEqual(shape(result.findings), shape(scanText(scanner.text, { path: 'app/config.env' }).findings));
  });

  it('scans a file holding a SealedSecret whole: its kind line decides values far away', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `# note ${i}`).join('\n');
    const text = [
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      filler,
      'spec:',
      '  encryptedData:',
      '    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq8Zr2lM9pW4xK8vN3bC6tJ1fD5sY0gE7uI2oQrTyW3hB7n',
    ].join('\n');
    const path = 'deploy/sealed.yaml';
    const scanner = new DocumentScanner({ path });
    assert.deepEqual(scanner.open(text).findings, []);
    const far = scanner.edit([{ start: text.indexOf('# note 29'), end: text.indexOf('# note 29'), text: 'x' }]);
    assert.deepEqual(far.findings, [], 'an edit far from the kind line changes nothing');
    const kind = scanner.text.indexOf('SealedSecret');
    const result = scanner.edit([{ start: kind, end: kind + 'SealedSecret'.length, text: 'ConfigMap' }]);
    assert.equal(result.rescanned.whole, true);
    assert.deepEqual(shape(result.findings), shape(scanText(scanner.text, { path }).findings));
    assert.equal(result.findings.length, 1, 'without the SealedSecret kind the value is judged by its key');
  });

  /** A dump whose password column is named far above its one row: renaming the column and back rescans it whole. */
  function assertColumnDecidesRows(text: string, column: number): void {
    assertNameDecidesFarBelow('backup/shop.sql', text, column, 'password', 'nickname');
  }

  /**
   * A name far above the one finding decides it: renaming it rescans the file whole and the finding goes; naming it
   * back brings the finding back, as a whole scan finds it.
   */
  function assertNameDecidesFarBelow(path: string, text: string, at: number, name: string, other: string): void {
    const scanner = new DocumentScanner({ path });
    assert.equal(scanner.open(text).findings.length, 1);
    const renamed = scanner.edit([{ start: at, end: at + name.length, text: other }]);
    assert.equal(renamed.rescanned.whole, true);
    assert.deepEqual(renamed.findings, [], `under ${other} the value is no secret`);
    const back = scanner.edit([{ start: at, end: at + other.length, text: name }]);
    assert.deepEqual(shape(back.findings), shape(scanText(scanner.text, { path }).findings));
    assert.equal(back.findings.length, 1);
  }

  it("scans an HTML table whole: its header's Password decides a cell far below", () => {
    const rows = Array.from({ length: 80 }, (_, i) => `<tr><td>host${i}</td><td>see vault</td></tr>`).join('\n');
    const text = [
      '<table><tr><th>Host</th><th>Password</th></tr>',
      rows,
      '<tr><td>legacy</td><td>Wq7#Lm2pRzXv</td></tr>',
      '</table>',
    ].join('\n');
    assertNameDecidesFarBelow('export/Accounts.html', text, text.indexOf('Password'), 'Password', 'Location');
  });

  it('scans a pg_dump whole: a COPY header decides the columns of the rows far below', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i}\tuser${i}\t\\N`).join('\n');
    const text = ['COPY public.users (id, username, password) FROM stdin;', rows, '99\tadmin\tC0py-Adm1n!', '\\.'].join(
      '\n',
    );
    assertColumnDecidesRows(text, text.indexOf('password)'));
  });

  it('scans a dump whole: a CREATE TABLE decides the columns of INSERTs without a column list far below', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `-- note ${i}`).join('\n');
    const text = [
      'CREATE TABLE users (id int, username text, password text);',
      filler,
      "INSERT INTO users VALUES (1, 'admin', 'Dump-Adm1n!');",
    ].join('\n');
    assertColumnDecidesRows(text, text.indexOf('password text'));
  });

  it("scans a Terraform state whole: a resource's type decides the result far below", () => {
    const path = 'infra/terraform.tfstate';
    const filler = Array.from({ length: 30 }, (_, i) => `            "min_upper_${i}": 0,`).join('\n');
    const text = [
      '  "resources": [',
      '    { "mode": "managed", "type": "random_password", "name": "db",',
      '      "instances": [ { "attributes": {',
      filler,
      `            "result": "${'Tq7ZvK2mR9' + 'xL4pW8nB3c'}",`,
      '            "special": false } } ] }',
      '  ]',
    ].join('\n');
    assertNameDecidesFarBelow(path, text, text.indexOf('random_password'), 'random_password', 'random_pet_name');
  });

  it('scans a CSV export whole: its header decides the columns of rows far below', () => {
    const path = 'data/users.csv';
    const rows = Array.from({ length: 30 }, (_, i) => `${i},user${i}@example.com,`).join('\n');
    const text = ['id,email,password', rows, `99,admin@example.com,${'Tq7Zv!K2mR9' + 'xL4pW'}`].join('\n');
    assertNameDecidesFarBelow(path, text, text.indexOf('password'), 'password', 'nickname');
  });

  it("scans a C# file whole when a record's parameter names a credential far above its construction", () => {
    const filler = Array.from({ length: 40 }, (_, i) => `    // note ${i}`).join('\n');
    const text = [
      'public record Smtp(string Host, string Password);',
      filler,
      `    static readonly Smtp Prod = new("smtp.example.com", "${'Be3fe@WN8q' + '~6elP9'}");`,
    ].join('\n');
    assertNameDecidesFarBelow('src/Smtp.cs', text, text.indexOf('Password'), 'Password', 'Nickname');
  });

  it('reads the lines of a multi-line string as the text they hold, before and after the edit that opens it', () => {
    const path = 'tests/fixtures.py';
    const filler = Array.from({ length: 40 }, (_, i) => `value_${i} = compute(${i})`).join('\n');
    const config = ['database:', '  host: db', '  password: Tq-Emb3dded-Pw', '"""'].join('\n');
    const text = `${filler}\nCONFIG = dedent(\n${config}\n)\n${filler}\n`;
    const scanner = new DocumentScanner({ path });
    assert.deepEqual(scanner.open(text).findings, [], 'no string is opened: `password: …` is code');
    const at = text.indexOf('CONFIG = dedent(') + 'CONFIG = dedent('.length;
    const opened = scanner.edit([{ start: at, end: at, text: '"""' }]);
    assert.equal(opened.rescanned.whole, false);
    assert.deepEqual(shape(opened.findings), shape(scanText(scanner.text, { path }).findings));
    assert.deepEqual(
      opened.findings.map((f) => scanner.text.slice(f.start, f.end)),
      ['Tq-Emb3dded-Pw'],
    );
    const closed = scanner.edit([{ start: at, end: at + 3, text: '' }]);
    assert.deepEqual(closed.findings, []);
  });

  it('re-scans only the edited lines and their context in a 10,000-line file', () => {
    const lines = base.split('\n');
    const text = Array.from({ length: 10_000 }, (_, i) => lines[i % lines.length]).join('\n');
    const scanner = new DocumentScanner({ path: 'src/big.ts' });
    scanner.open(text);
    const at = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
    const result = scanner.edit([{ start: at, end: at, text: 'const apiKey = "Zq8Lm2Xr7Pw4Kv9T";\n' }]);
    assert.equal(result.rescanned.whole, false);
    // the lines whose findings may change (CONTEXT_LINES either side), and as many again for their own context
    const window = 4 * CONTEXT_LINES + 1;
    assert.ok(result.rescanned.toLine - result.rescanned.fromLine < window, JSON.stringify(result.rescanned));
    assert.deepEqual(shape(result.findings), shape(scanText(scanner.text, { path: 'src/big.ts' }).findings));
  });

  it('re-judges a literal far from the signing call that names it, and leaves the rest of the file alone', () => {
    const path = 'src/auth/tokens.ts';
    const filler = Array.from({ length: 100 }, (_, i) => `export const limit${i} = ${i};`).join('\n');
    const text = `const S = 'short';\n${filler}\nexport const issue = (p: object) => jwt.sign(p, S);\n${filler}\n`;
    const scanner = new DocumentScanner({ path });
    assert.deepEqual(scanner.open(text).findings, []);
    const far = scanner.edit([{ start: text.length, end: text.length, text: 'export const z = 1;\n' }]);
    assert.equal(far.rescanned.whole, false, 'an edit far from the call and its name is scanned alone');
    const at = text.indexOf('short');
    const keyed = scanner.edit([{ start: at, end: at + 'short'.length, text: 'Kq8vL2mZp9xWbN3cRt5Y' }]);
    assert.deepEqual(shape(keyed.findings), shape(scanText(scanner.text, { path }).findings));
    assert.equal(keyed.findings.length, 1, 'the literal is the key of the call 101 lines below');
  });

  it("re-reads kubeseal's JSON when an edit far above its SealedSecret kind makes that kind the first", () => {
    const path = 'deploy/sealed.json';
    const filler = Array.from({ length: 60 }, (_, i) => `  "note${i}": "n${i}",`).join('\n');
    const value = 'Tq7ZvK2mR9' + 'xL4pW8nB3cYh';
    const text = `{\n  "kind": "List",\n${filler}\n  "kind": "SealedSecret",\n  "spec": { "encryptedData": { "password": "${value}" } }\n}\n`;
    const scanner = new DocumentScanner({ path });
    assert.equal(scanner.open(text).findings.length, 1, 'a List is read by its keys');
    const at = text.indexOf('"kind"') + 1;
    const renamed = scanner.edit([{ start: at, end: at + 4, text: 'type' }]);
    assert.deepEqual(renamed.findings, [], 'now the first kind is the SealedSecret: its values are ciphertext');
  });

  it('re-scans a dump whole when an INSERT loses its column list, its keyword many blank lines above', () => {
    const path = 'backup/shop.sql';
    const filler = Array.from({ length: 40 }, (_, i) => `-- note ${i}`).join('\n');
    const insert = `INSERT INTO users${'\n'.repeat(1500)}(id, nick, note) VALUES (1, 'admin', 'Dump-Adm1n!');`;
    const text = `CREATE TABLE users (id int, username text, password text);\n${filler}\n${insert}\n`;
    const scanner = new DocumentScanner({ path });
    assert.deepEqual(scanner.open(text).findings, [], 'its own columns say nothing of passwords');
    const at = text.indexOf('(id, nick');
    const result = scanner.edit([{ start: at, end: at + '(id, nick, note) '.length, text: '' }]);
    assert.equal(result.rescanned.whole, true);
    assert.deepEqual(shape(result.findings), shape(scanText(scanner.text, { path }).findings));
    assert.equal(result.findings.length, 1, "the table's third column is its password");
  });

  it('rejects an edit outside the text instead of guessing', () => {
    const scanner = new DocumentScanner({ path: 'a.env' });
    scanner.open('A=1\n');
    assert.throws(() => scanner.edit([{ start: 2, end: 9, text: '' }]), /outside a text of 4 characters/);
  });
  it("re-judges an Algolia client's key when a call far below writes to the index", () => {
    const path = 'scripts/reindex.js';
    const text = `const client = algoliasearch('E7ADZATDBQ', '286e21dfb5c820d02044218b9c72aaab');\n${'const x = 1;\n'.repeat(60)}`;
    const scanner = new DocumentScanner({ path });
    assert.equal(scanner.open(text).findings.length, 0, "a search-only key is the browser's");
    const write = 'await index.saveObjects(rows);\n';
    const edited = scanner.edit([{ start: text.length, end: text.length, text: write }]);
    assert.deepEqual(edited.findings, scanText(text + write, { path }).findings);
    assert.equal(edited.findings.length, 1);
  });
});
