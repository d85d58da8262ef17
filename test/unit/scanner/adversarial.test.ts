import * as assert from 'node:assert/strict';
import { scanText } from '../../../src/core/scanner';
import { cpuMs } from './cpuTime';
import { REALISTIC } from './realistic';

/** Deterministic pseudo-random tokens, so every run scans the same text. */
function tokens(seed: number): (length: number) => string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let state = seed;
  return (length) => {
    let token = '';
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      token += alphabet[state % alphabet.length];
    }
    return token;
  };
}

const MB = 2_000_000;
const repeated = (unit: string, size = MB): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const lines = (make: (i: number) => string, size = MB): string => {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const line = make(i);
    parts.push(line);
    length += line.length + 1;
  }
  return parts.join('\n');
};

const tok = tokens(7);
/** Inputs that made earlier versions quadratic (issue #12) and their relatives: 2 MB each. */
/** Each input's name, text and the paths it is scanned as (default: a.env and a.js). */
const HOSTILE: [string, string, string[]?][] = [
  ['BEGIN markers on one line (94 s before)', repeated('-----BEGIN RSA PRIVATE KEY-----')],
  ['BEGIN markers on lines (11.6 s before)', repeated('-----BEGIN RSA PRIVATE KEY-----\n')],
  ['BEGIN markers, one END at the very end', `${repeated('-----BEGIN PRIVATE KEY-----\n')}-----END PRIVATE KEY-----`],
  ['api_key lines with random values (55 s before)', lines(() => `api_key = "${tok(32)}"`)],
  ['a .env of random assignments (8 s before at 1.8 MB)', lines(() => `${tok(8).toUpperCase()}_SECRET=${tok(24)}`)],
  ['GitHub tokens on one line', repeated(`ghp_${tok(36)} `)],
  ['quoted tokens on one line', repeated(`"ghp_${tok(36)}",`)],
  ['open quotes, then tokens, never closed', `${'"'.repeat(4000)} ${repeated(`ghp_${tok(36)} `)}`],
  ['AccessKey pairs on one line', repeated(`"LTAI${tok(20)}","${tok(30)}",`)],
  ['AccessKey pairs on lines', lines(() => `LTAI${tok(20)} ${tok(30)}`)],
  // cubic and quadratic before their fix: spaces runs that several `\s*` could split between them
  [
    'fallback chains whose literal is followed by thousands of spaces',
    lines(() => `var token = a\n  ?? "abc"${' '.repeat(3900)}x`),
  ],
  ['Ruby fetch blocks opened before thousands of spaces', lines(() => `ENV.fetch("SECRET") { ${' '.repeat(3800)}x`)],
  ['fallbacks after runs of `a:`', lines(() => `token = ${'a:'.repeat(1950)} ||`)],
  ['JWTs on one line', repeated(`eyJ${tok(20)}.eyJ${tok(20)}.${tok(20)} `)],
  ['JSON Web Keys without braces', repeated(`"kty":"oct","k":"${tok(40)}",`)],
  [
    'signing calls and the literals of their keys',
    lines((i) => (i % 2 ? `jwt.sign(p, K${i % 97});` : `K${i % 89} = "${tok(24)}"`)),
  ],
  ['one JSON Web Key object holding thousands of kty members', `{${repeated(`"kty":"RSA","d":"${tok(40)}",`)}}`],
  ['a Kubernetes Secret with 60,000 keys', `kind: Secret\ndata:\n${lines(() => `  k${tok(6)}: ${tok(20)}`)}`],
  [
    'PuTTY headers, Private-Lines only at the end',
    `${repeated('PuTTY-User-Key-File-2: ssh-rsa\n')}Private-Lines: 1\nAAAA\n`,
  ],
  ['XML password elements', lines(() => `<password>${tok(12)}</password>`)],
  ['generic values named on the line above', lines((i) => (i % 2 ? `  value: ${tok(12)}` : '- name: DB_PASSWORD'))],
  ['many generic values on one line', lines(() => `${'value: x '.repeat(400)}name: a_token value: ${tok(12)}`)],
  [
    'ternaries and keys on 3,999-character lines',
    lines(() => `${'a ? "password" : '.repeat(200)}token = "${tok(20)}"`),
  ],
  ['connection strings without an @', repeated(`postgres://u:${tok(10)}`)],
  [
    'secret names followed by runs of alignment spaces, never an operator',
    lines(() => `token${' '.repeat(39)}x `.repeat(40)),
  ],
  ['a minified bundle of password properties', repeated(`p={password:"${tok(12)}"};`)],
  ['a minified bundle of key words without values', repeated('keytokenpasswordsecret')],
  ['a minified bundle of JWT sign calls', repeated(`t.sign(e,"${tok(24)}",{expiresIn:"1h"});`)],
  ['a minified bundle of call words without calls', repeated('expiresInalgorithmcreateHmacjwt.sign(BasicAuth(')],
  ['a minified bundle of unclosed sign calls', repeated('jwt.sign({a:(b,[c,"')],
  [
    'AWS key pairs on one line',
    repeated(
      `"AKIA${tok(16)
        .toUpperCase()
        .replace(/[^A-Z2-7]/g, 'Q')}","${tok(40)}",`,
    ),
  ],
  ['INSERT statements without rows', repeated('INSERT INTO t (password) VALUES ')],
  [
    'one INSERT with a megabyte of rows',
    `INSERT INTO users (email, password) VALUES ${repeated(`('a@b.c', '${tok(12)}'),`)}`,
  ],
  ['an INSERT row that never closes', `INSERT INTO users (password) VALUES (${repeated("'a', ")}`],
  // quadratic before their fix: every statement's row read on through all the parentheses after it
  ['INSERT statements whose rows open parentheses that never close', repeated('INSERT INTO t (password) VALUES ((((')],
  ['tables of values whose rows open parentheses that never close', repeated('(VALUES (((((')],
  ['SQL encryption calls that never close', repeated("AES_ENCRYPT('a', UNHEX(x")],
  ['Redis ACL users with rules and no password', lines(() => `ACL SETUSER u${tok(4)} on ${'~* '.repeat(600)}`)],
  [
    'MERGE statements, each with a table of values and its columns',
    lines(() => `MERGE INTO t USING (VALUES (N'smtp', N'PASSWORD', N'${tok(16)}')) AS s (Kind, KeyName, KeyValue)`),
  ],
  ['backslashes and quotes', repeated('\\"')],
  [
    'CREATE TABLE statements that never close',
    `${repeated("CREATE TABLE t (a int, b text DEFAULT '")}\nINSERT INTO t VALUES (1, 'x');`,
  ],
  [
    'a dump: one table, a megabyte of rows without a column list',
    `CREATE TABLE users (id int, password text);\nINSERT INTO users VALUES ${repeated(`(1, '${tok(12)}'),`)}`,
  ],
  [
    'a COPY block of a thousand columns, rows without a tab, never closed',
    `COPY t (${Array.from({ length: 1000 }, (_, i) => `password${i}`).join(', ')}) FROM stdin;\n${lines(() => tok(40))}`,
  ],
  ['COPY headers on every line', lines(() => `COPY t (id, password) FROM stdin;\n1\t${tok(12)}`)],
  [
    'format calls with a password placeholder, never closed',
    lines(() => 'fmt.Sprintf("password=%s", a, b, '.repeat(100)),
  ],
  ['the shortest format calls with a password placeholder', lines(() => 'format("pwd=%s",'.repeat(230))],
  ['format calls with a password placeholder on one line', repeated(`fmt.Sprintf("u:%s@h", u, "${tok(12)}");`)],
  ['comparisons of a password with literals', lines(() => `if (password == "${tok(12)}") {}`)],
  ['assignments nested in values, a secret name at the end', lines(() => `${'env=a'.repeat(600)}password=${tok(12)}`)],
  ['assignments nested in values, one after the other', lines(() => `e=password=${tok(12)},`.repeat(150))],
  ['calls broken over lines, each holding a secret', lines((i) => (i % 2 ? `'${tok(12)}',` : 'jwt.sign(a,'))],
  ['calls broken over lines that never close', lines(() => 'token = hmac(a, b,')],
  ['ternaries without an end on one line', lines(() => 'password = a ? b '.repeat(230))],
  ['ternaries with literal branches on one line', lines(() => `token: x ? '${tok(8)}' : `.repeat(150))],
  ['values in braces that never close', lines(() => `password={"${'a'.repeat(499)}`)],
  ['base64 PEM prefixes run together on one line', repeated('LS0tLS1CRUdJTi')],
  ['base64 PEM prefixes after spaces, never a key', repeated(` LS0tLS1CRUdJTi${tok(300)}`)],
  ['Redis ACL users with many rules and no password', lines(() => `user a on ${'~k:* +@all '.repeat(20)}`)],
  [
    'generic defaults under deep blocks',
    lines((i) => `${' '.repeat(i % 40)}${i % 3 ? 'Default' : 'DBPassword'}: ${tok(12)}`),
  ],
  ['JSON text in strings under secret names', lines(() => `secret = "{\\"value\\":\\"${tok(12)}\\",`.repeat(20))],
  ['Redis ACL users whose `on` never comes', lines(() => `redis-cli ACL SETUSER a ${'~k:* >x '.repeat(40)}`)],
  [
    'clients and their flags repeated, never a password',
    lines(() => 'ldapsearch -x mosquitto_pub lftp -u a '.repeat(20)),
  ],
  ['four-argument credentials that never close', lines(() => `Credentials("a", "b", "c", ${'"d", '.repeat(60)}`)],
  ['pairs of literals in lists', lines(() => `[("api_key", "${tok(16)}"), `.repeat(30))],
  ['Go DSNs with many at signs', lines(() => `"u:${'p@'.repeat(100)}@tcp(db:3306)/x"`)],
  ['PL/SQL declarations that never assign', lines(() => `  c_api_key CONSTANT VARCHAR2(64) ${':'.repeat(200)}`)],
  [
    'SQL rows of expressions holding strings',
    repeated(`INSERT t (kind, value) VALUES ((SELECT 'a'), 'api_key', N'${tok(20)}'), `),
  ],
  [
    'EF Core seeding calls whose values never close',
    repeated('InsertData(columns: new[] { "Password" }, values: new object[,] { { "'),
  ],
  [
    'EF Core seeding calls, each with a secret',
    lines(() => `InsertData(columns: new[] { "ApiKey" }, values: new object[] { "${tok(20)}" });`),
  ],
  [
    'literal-first comparisons with long member chains',
    repeated(`"${tok(12)}"===a.b.c.d.e.f.password&&${'x'.repeat(60)}&&`),
  ],
  ['literal-first comparisons that never name', lines(() => `${'"x" == a.b.c.d.e.f.g.'.repeat(80)}password`)],
  [
    "Terraform state's random passwords, each with a result",
    lines(() => `{"type": "random_password", "instances": [{"attributes": {"result": "${tok(24)}"}}]},`),
  ],
  [
    "Terraform state's random password followed by results only",
    `"type": "random_password",\n${lines(() => `"result": "${tok(24)}",`)}`,
  ],
  [
    'minified uses of short names, each traced back',
    lines(() => `${'x'.repeat(300)}${`,t="${tok(20)}";e={apiKey:t,token:t}`.repeat(8)}`),
  ],
  ['minified uses of short names never defined', repeated('{apiKey:t,secret:n,password:r,"Bearer "+a};')],
  [
    'test rows of many arguments above a signature',
    lines((i) =>
      i % 2 ? `void T(${'string password, '.repeat(60)}string x)` : `[InlineData(${`"${tok(12)}", `.repeat(60)}"x")]`,
    ),
  ],
  [
    'positional records built many times',
    lines((i) => `record R${i % 60}(string Host, string Password); var x = new R${i % 60}("h", "${tok(16)}");`),
  ],
  [
    'Cookie headers of many short cookies before a session',
    lines(() => `Cookie: ${'a=b; '.repeat(900)}sid=${tok(20)}`),
  ],
  ['Cookie headers opened again and again on one line', repeated('Cookie: a=b; ')],
  ['tables named for keys, opened line after line', lines(() => `API_KEYS = {`)],
  ['a table named for keys with random entries', `API_KEYS = {\n${lines(() => `  "svc": "${tok(24)}",`)}`],
  [
    'EF Core seeding rows nested deep',
    `InsertData(columns: new[] { "Password" }, values: new object[,] { ${repeated('{ (', MB - 200)}`,
  ],
  ['named lines of one long word opening a list of bytes', lines(() => `password = ${'a'.repeat(3900)} {`)],
  ['lists of bytes that never end', lines((i) => (i % 9 ? ` 0x1f, 0x2e,`.repeat(300) : 'key = []byte{'))],
  ['keys opening heredocs and triple quotes, line after line', lines((i) => (i % 2 ? 'KEY = <<~KEY' : 'key = """'))],
  // (tables and sentences in documents: 4 s for 1 MB of open cells, minutes for a rule of spaces, before the fix)
  ['HTML cells that never close', `<table><tr><th>Password</th></tr>\n${repeated('<tr><td>')}`],
  ['a table rule followed by spaces that never end', `| password | x |\n|---${' '.repeat(MB)}x`, ['a.md']],
  ['passwords in sentences that never end', repeated(`pw is ${'a'.repeat(250)}\` `), ['a.md', 'notes.txt']],
  ['AsciiDoc tables opened line after line', repeated('|===\n|password |user\n'), ['a.adoc']],
  // (a regex of four arguments, each after `\s*` and free to start with a space: minutes for 1 MB, before the fix)
  [
    "Jenkins' credential calls of space-padded arguments",
    lines(() => `new UsernamePasswordCredentialsImpl(a,${`${' '.repeat(150)},`.repeat(6)}x`),
    ['init.groovy'],
  ],
  // (two `\s*` around an optional `**` in the label rule; a text file's tab-separated header read with a leading `\s*`:
  // minutes for 1 MB, before the fixes)
  ['a label line whose colon spaces never end', `Password:${' '.repeat(MB)}x`, ['a.md', 'notes.txt']],
  // (a document's label patterns open with `^\s*` and read spaces again: a long indentation, an email's quote marks or
  // HTML read as spaces before a label took minutes for 1 MB)
  ['a label after a megabyte of indentation', `${' '.repeat(MB)}Passwort: x`, ['a.md', 'mail.eml']],
  ['a label after a megabyte of quote marks', `${'>'.repeat(MB)}Passwort: x`, ['a.md', 'mail.eml']],
  ['a label after a megabyte of paragraph tags', `${'<p>'.repeat(MB / 3)}Passwort: x`, ['mail.eml']],
];

/**
 * The bound of issue #12 is 1 s per MB + 2 s on the project's machine. A shared machine under load stretches even CPU
 * time, so the bound also allows 6 times what the same amount of ordinary, finding-dense source costs on this run: a
 * quadratic path (tens of seconds for 2 MB) fails either way.
 */
describe('scanner: hostile input costs linear time (1 s per MB + 2 s of CPU at most)', function () {
  this.timeout(300_000);
  let ordinaryMsPerMb = 0;
  before(() => {
    const ordinary = lines((i) => REALISTIC[i % REALISTIC.length].text);
    for (const path of ['a.env', 'a.js']) scanText(ordinary.slice(0, 100_000), { path }); // warm up
    ordinaryMsPerMb = cpuMs(() => scanText(ordinary, { path: 'a.js' })) / (ordinary.length / 1e6);
  });
  for (const [name, input, paths = ['a.env', 'a.js']] of HOSTILE) {
    it(name, () => {
      for (const path of paths) {
        const ms = cpuMs(() => scanText(input, { path }));
        const mb = input.length / 1e6;
        const bound = Math.max(1000 * mb + 2000, 6 * ordinaryMsPerMb * mb);
        assert.ok(
          ms < bound,
          `${path}: ${ms.toFixed(0)} ms of CPU for ${mb.toFixed(1)} MB (bound ${bound.toFixed(0)} ms; ordinary source ${ordinaryMsPerMb.toFixed(0)} ms per MB)`,
        );
      }
    });
  }
});
