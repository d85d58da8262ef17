import * as assert from 'node:assert/strict';
import {
  RULES,
  fingerprintContext,
  fingerprintFor,
  loadIgnoreFile,
  scanText,
  type Finding,
} from '../../../src/core/scanner';
import { cpuMs } from './cpuTime';
import { REALISTIC, REALISTIC_CLEAN } from './realistic';

const secretsOf = (text: string, findings: Finding[]): string[] => findings.map((f) => text.slice(f.start, f.end));

describe('scanner: realistic files in every format', () => {
  for (const c of REALISTIC) {
    it(`${c.name} (${c.path})`, () => {
      const { findings } = scanText(c.text, { path: c.path });
      assert.deepEqual(secretsOf(c.text, findings), c.secrets);
    });
  }
  for (const c of REALISTIC_CLEAN) {
    it(`stays silent: ${c.name} (${c.path})`, () => {
      const { findings } = scanText(c.text, { path: c.path });
      assert.deepEqual(secretsOf(c.text, findings), []);
    });
  }

  it('every finding: known rule id, kind, sorted, non-overlapping, positions agree with offsets, message without the value', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const c of REALISTIC) {
      const { findings } = scanText(c.text, { path: c.path });
      const lines = c.text.split('\n');
      let previousEnd = -1;
      for (const f of findings) {
        assert.ok(ids.has(f.ruleId), `${f.ruleId} is listed in RULES`);
        assert.ok(f.kind && f.message.includes(f.kind), 'the message names the kind');
        const secret = c.text.slice(f.start, f.end);
        assert.ok(!f.message.includes(secret) && !f.fingerprint.includes(secret), 'no value in message or fingerprint');
        assert.ok(f.start >= previousEnd, 'sorted and non-overlapping');
        previousEnd = f.end;
        const offsetOf = (line: number, column: number): number =>
          lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + column;
        assert.equal(offsetOf(f.line, f.column), f.start);
        assert.equal(offsetOf(f.endLine, f.endColumn), f.end);
        assert.ok(f.literal.start <= f.start && f.literal.end >= f.end, 'the literal contains the secret');
        assert.equal(offsetOf(f.literal.line, f.literal.column), f.literal.start);
        assert.equal(offsetOf(f.literal.endLine, f.literal.endColumn), f.literal.end);
      }
    }
  });
});

describe('scanner: rule catalogue', () => {
  it('has unique ids, a kind and a severity for each rule', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RULES) assert.ok(r.kind && ['error', 'warning', 'info'].includes(r.severity), r.id);
  });
});

/** One line, one expected rule: table-driven positives and negatives per rule. */
const T = {
  ak: 'LTAI' + '5tBq7nHv2XkPz9WcRm4Y',
  akLegacy: 'LTAI' + 'k3Ph9sQx2Wv7',
  sk: 'nY4kQp8WzR2vLx7c' + 'B3mT9hJs6DfG1a',
  aws: 'AKIA' + 'Q3V7ZR2LMNXK5TPW',
  awsSession: 'FwoGZXIvYXdzEJr//////////wEaDH' + 'q7Zr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0GeUi2OqRtYw3Hx/'.repeat(3),
  gh: 'ghp_' + 'K8fR2mW9xQ4vL7nP3sT6yB1cJ5hD0gA8eZ2u',
  ghFine: 'github_pat_' + '11ABCDEFG0' + 'q7Zr2Lm9Pw4Xk8Vn3Bc6Tj_1Fd5Sy0GeUi2OqRtYw3Hb7Nq7Zr2Lm9Pw4Xk8Vn3Bc6T',
  gl: 'glpat-' + 'x7Kq2Rz9Lm4Pw8Vn3Bc6',
  slack: 'xoxb-' + '2048113579-4096227153-Qm7Zr2Lx9Pw4Kv8Tn3Bc6Hd',
  slackHook: 'https://hooks.slack.com/services/' + 'T0A1B2C3D/B0A1B2C3D/q7Zr2Lm9Pw4Xk8Vn3Bc6Tj1F',
  stripe: 'sk_live_' + '51HqZr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0Ge',
  google: 'AIza' + 'SyB7q2Lz9Kp4Rn8Tv3Bm6Hc1Fd5Sy0Ge7Ux',
  npm: 'npm_' + 'q7Zr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0GeUi2Ox',
  sendgrid: 'SG.' + 'q7Zr2Lm9Pw4Xk8Vn3Bc6Tj' + '.' + 'q7Zr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0GeUi2OqRtYw3Hx',
  jwt: 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiJhcHAtMTIzIn0' + '.Kx7Zr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0Ge',
  openai: 'sk-proj-' + 'q7Zr2Lm9Pw4Xk8Vn3Bc6' + 'T3BlbkFJ' + 'Tj1Fd5Sy0GeUi2OqRtYw',
};

const RULE_CASES: { rule: string; path: string; line: string; secret: string }[] = [
  { rule: 'alibaba-access-key-id', path: 'a.env', line: `ALIBABA_CLOUD_ACCESS_KEY_ID=${T.ak}`, secret: T.ak },
  { rule: 'alibaba-access-key-id', path: 'a.py', line: `ak = "${T.akLegacy}"`, secret: T.akLegacy },
  { rule: 'alibaba-access-key-secret', path: 'a.yml', line: `access_key_secret: ${T.sk}`, secret: T.sk },
  { rule: 'aws-access-key-id', path: 'a.ini', line: `aws_access_key_id = ${T.aws}`, secret: T.aws },
  { rule: 'aws-session-token', path: 'a.sh', line: `export AWS_SESSION_TOKEN=${T.awsSession}`, secret: T.awsSession },
  { rule: 'github-token', path: 'a.sh', line: `git clone https://x-access-token:${T.gh}@github.com/o/r`, secret: T.gh },
  { rule: 'github-fine-grained-token', path: 'a.txt', line: `token ${T.ghFine}`, secret: T.ghFine },
  { rule: 'gitlab-token', path: 'a.yml', line: `private_token: ${T.gl}`, secret: T.gl },
  { rule: 'slack-token', path: 'a.js', line: `const slack = new WebClient('${T.slack}');`, secret: T.slack },
  { rule: 'slack-webhook', path: 'a.json', line: `{ "webhook": "${T.slackHook}" }`, secret: T.slackHook },
  { rule: 'stripe-secret-key', path: 'a.rb', line: `Stripe.api_key = '${T.stripe}'`, secret: T.stripe },
  { rule: 'google-api-key', path: 'a.kt', line: `val maps = "${T.google}"`, secret: T.google },
  { rule: 'npm-token', path: '.npmrc', line: `//registry.npmjs.org/:_authToken=${T.npm}`, secret: T.npm },
  { rule: 'sendgrid-api-key', path: 'a.php', line: `$sg = new \\SendGrid('${T.sendgrid}');`, secret: T.sendgrid },
  { rule: 'jwt', path: 'a.http', line: `X-Session: ${T.jwt}`, secret: T.jwt },
  { rule: 'openai-api-key', path: 'a.py', line: `openai.api_key = "${T.openai}"`, secret: T.openai },
  {
    rule: 'bearer-token',
    path: 'a.sh',
    line: 'curl -H "Authorization: Bearer q7Zr2Lm9Pw4Xk8Vn3Bc6Tj1F" https://api',
    secret: 'q7Zr2Lm9Pw4Xk8Vn3Bc6Tj1F',
  },
  {
    rule: 'authorization-header',
    path: 'a.conf',
    line: 'proxy_set_header Authorization "Basic YWRtaW46TmdpbngtUHc5OQ==";',
    secret: 'YWRtaW46TmdpbngtUHc5OQ==',
  },
  {
    rule: 'db-connection-string',
    path: 'a.go',
    line: 'dsn := "app:G0-Dsn-Pw-7@tcp(db:3306)/shop"',
    secret: 'G0-Dsn-Pw-7',
  },
  {
    rule: 'db-connection-string',
    path: 'a.java',
    line: 'String u = "jdbc:sqlserver://db;user=sa;password=Jdbc-Ms-Pw9;";',
    secret: 'Jdbc-Ms-Pw9',
  },
  {
    rule: 'db-connection-string',
    path: 'a.env',
    line: 'MONGO_URL=mongodb+srv://app:M0ng0-Srv-Pw@cluster0.x.mongodb.net/db',
    secret: 'M0ng0-Srv-Pw',
  },
  {
    rule: 'db-connection-string',
    path: 'a.yml',
    line: 'broker: amqps://app:Amqp-Pw-77@mq.internal:5671/vhost',
    secret: 'Amqp-Pw-77',
  },
  {
    rule: 'basic-auth-url',
    path: 'a.ts',
    line: 'fetch("https://deploy:Htt9s-Pw-4@artifacts.internal/x")',
    secret: 'Htt9s-Pw-4',
  },
  {
    rule: 'db-connection-string',
    path: 'a.cs',
    line: 'var cs = "Data Source=sql;Initial Catalog=x;User ID=sa;Password=AdoN3t-Pw;";',
    secret: 'AdoN3t-Pw',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.cs',
    line: 'var cs = "Server=sql.internal,1433 Database=x Password=AdoN3t-Pw2";',
    secret: 'AdoN3t-Pw2',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.sh',
    line: 'keytool -importkeystore -srckeystore a.p12 -storepass St0re-Pass-9',
    secret: 'St0re-Pass-9',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.js',
    line: "const c = mysql.createConnection({ host: 'db', user: 'u', password: 'Cr3ate-Conn-Pw' });",
    secret: 'Cr3ate-Conn-Pw',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.py',
    line: "conn = psycopg2.connect(dbname='x', user='u', password='Psy-Kw-Pw-1')",
    secret: 'Psy-Kw-Pw-1',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.sh',
    line: 'mysql -h db -uroot -pMy5ql-Flag-Pw shop',
    secret: 'My5ql-Flag-Pw',
  },
  { rule: 'hardcoded-password', path: 'a.sh', line: "sshpass -p 'Ssh-P4ss-77' ssh u@h", secret: 'Ssh-P4ss-77' },
  { rule: 'hardcoded-password', path: 'a.sh', line: 'PGPASSWORD=Pg-Env-Pw-5 psql -h db -U app', secret: 'Pg-Env-Pw-5' },
  {
    rule: 'hardcoded-password',
    path: 'a.sh',
    line: 'curl -u admin:Cur1-Adm1n https://ci.internal',
    secret: 'Cur1-Adm1n',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.sql',
    line: "ALTER ROLE app WITH PASSWORD 'Sql-R0le-Pw';",
    secret: 'Sql-R0le-Pw',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.java',
    line: 'Connection c = DriverManager.getConnection(url, "u", "Dm-Pos-Pw-1");',
    secret: 'Dm-Pos-Pw-1',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.php',
    line: '$db = mysqli_connect("db", "shop", "Mysqli-Pw-3", "shop");',
    secret: 'Mysqli-Pw-3',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.js',
    line: "const s = new Sequelize('shop', 'app', 'Sequel-Pw-8', { dialect: 'mysql' });",
    secret: 'Sequel-Pw-8',
  },
  {
    rule: 'hardcoded-password',
    path: 'a.py',
    line: "server.login('alerts@shop.io', 'Smtp-L0gin-Pw')",
    secret: 'Smtp-L0gin-Pw',
  },
  { rule: 'hardcoded-password', path: 'a.ts', line: "const password: string = 'Typed-Pw-42';", secret: 'Typed-Pw-42' },
  { rule: 'hardcoded-password', path: 'a.go', line: 'var dbPassword string = "G0-Var-Pw-1"', secret: 'G0-Var-Pw-1' },
  {
    rule: 'hardcoded-password',
    path: 'a.py',
    line: "os.environ['DB_PASSWORD'] = 'Env-Set-Pw-9'",
    secret: 'Env-Set-Pw-9',
  },
  { rule: 'hardcoded-password', path: 'a.xml', line: '<password>Mvn-D3ploy-Pw</password>', secret: 'Mvn-D3ploy-Pw' },
  {
    rule: 'hardcoded-password',
    path: 'a.properties',
    line: 'spring.datasource.password=Pr0ps-Pw!9',
    secret: 'Pr0ps-Pw!9',
  },
  { rule: 'hardcoded-password', path: 'Dockerfile', line: 'ENV DB_PASSWORD D0ck-Sp4ce-Pw', secret: 'D0ck-Sp4ce-Pw' },
  {
    rule: 'hardcoded-api-key',
    path: 'a.swift',
    line: 'static let apiKey = "sW7Kq2Rz9Lm4Pw8Vn3Bc6Tj1"',
    secret: 'sW7Kq2Rz9Lm4Pw8Vn3Bc6Tj1',
  },
  {
    rule: 'hardcoded-token',
    path: 'a.toml',
    line: 'auth_token = "t0Kq2Rz9Lm4Pw8Vn3Bc6"',
    secret: 't0Kq2Rz9Lm4Pw8Vn3Bc6',
  },
  {
    rule: 'hardcoded-secret',
    path: 'a.env',
    line: 'CLIENT_SECRET=c1Kq2Rz9Lm4Pw8Vn3Bc6',
    secret: 'c1Kq2Rz9Lm4Pw8Vn3Bc6',
  },
  {
    rule: 'high-entropy-secret',
    path: 'a.yml',
    line: 'signature_key: Q7zR2lM9pW4xK8vN3bC6tJ1f',
    secret: 'Q7zR2lM9pW4xK8vN3bC6tJ1f',
  },
];

const NEGATIVE_LINES: { path: string; line: string; why: string }[] = [
  { path: 'a.env', line: 'DB_PASSWORD=changeme', why: 'placeholder word' },
  { path: 'a.env', line: 'DB_PASSWORD=<password>', why: 'angle placeholder' },
  { path: 'a.yml', line: 'password: ${DB_PASSWORD}', why: 'variable' },
  { path: 'a.yml', line: 'password: "{{ .Values.db.password }}"', why: 'template' },
  { path: 'a.py', line: 'dsn = "host=db password=%(password)s"', why: 'printf placeholder' },
  { path: 'a.env', line: 'API_KEY=your-api-key-here', why: 'instruction' },
  { path: 'a.env', line: 'TOKEN=***', why: 'mask' },
  { path: 'a.env', line: 'SECRET=TODO', why: 'todo' },
  { path: 'a.env', line: 'PASSWORD=xxxxxxxx', why: 'filler' },
  { path: 'a.js', line: 'const password = process.env.DB_PASSWORD;', why: 'env lookup' },
  { path: 'a.py', line: "token = os.environ['TOKEN']", why: 'env lookup' },
  { path: 'a.go', line: 'secret := os.Getenv("SECRET")', why: 'env lookup' },
  { path: 'a.php', line: "$password = getenv('DB_PASSWORD');", why: 'env lookup' },
  { path: 'a.env', line: 'DB_PASSWORD=kms://shop/db#password', why: 'reference' },
  { path: 'a.yml', line: 'token: acs:kms:cn-hangzhou:123456789012:secret/shop/token', why: 'ARN reference' },
  {
    path: 'a.json',
    line: '"integrity": "sha512-q7Zr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0GeUi2OqRtYw3Hb7N=="',
    why: 'integrity hash',
  },
  {
    path: 'a.yml',
    line: 'secret_checksum: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    why: 'checksum',
  },
  { path: 'a.yml', line: 'token_id: 3f2a8b9c-1d4e-4f6a-8b8c-9d0e1f2a3b4c', why: 'uuid' },
  { path: 'a.env', line: 'DB_PASSWORD=', why: 'empty' },
  { path: 'a.json', line: '"password": ""', why: 'empty' },
  { path: 'a.ts', line: "const label = 'Enter password';", why: 'UI string' },
  { path: 'a.ts', line: "errors.password = 'Password must be at least 12 characters.';", why: 'message' },
  { path: 'a.ts', line: 'function f(password: string) {}', why: 'type annotation' },
  { path: 'a.py', line: 'password = password', why: 'identifier' },
  { path: 'a.java', line: 'String password = getPassword();', why: 'call' },
  { path: 'a.md', line: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', why: 'documentation key' },
  { path: 'a.txt', line: 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', why: 'filler token' },
  { path: 'a.ts', line: 'const u = "postgres://db:5432/shop";', why: 'URL without credentials' },
  { path: 'a.yml', line: 'existingSecret: shop-db', why: 'a Secret name' },
  { path: 'a.json', line: '"@alicloud/credentials": "2.4.7"', why: 'a version' },
  { path: 'a.ts', line: "createSecret: 'kmsSecrets.createSecret',", why: 'a command id' },
  { path: 'a.sh', line: 'mysql -u root -p"$MYSQL_ROOT_PASSWORD" shop', why: 'shell variable' },
  { path: 'a.tf', line: '  password = var.db_password', why: 'HCL expression' },
  { path: 'a.ts', line: "const kind = isSecret ? 'password' : 'text';", why: 'ternary' },
];

describe('scanner: each rule, positives and negatives', () => {
  for (const c of RULE_CASES) {
    it(`${c.rule}: ${c.path} ${c.line.slice(0, 60)}`, () => {
      const { findings } = scanText(`${c.line}\n`, { path: c.path });
      assert.deepEqual(
        findings.map((f) => [f.ruleId, c.line.slice(f.start, f.end)]),
        [[c.rule, c.secret]],
      );
      assert.equal(findings[0].column, c.line.indexOf(c.secret));
    });
  }
  for (const c of NEGATIVE_LINES) {
    it(`silent on ${c.why}: ${c.line.slice(0, 60)}`, () => {
      assert.deepEqual(secretsOf(c.line, scanText(c.line, { path: c.path }).findings), []);
    });
  }
});

describe('scanner: ranges for the editor', () => {
  it('gives the literal with its quotes for quoted values and the whole string for connection strings', () => {
    const text =
      'const a = { password: "Qu0ted-Pw-1" };\nconst url = "postgres://app:Url-Pw-22@db/shop";\nDB_PASSWORD=Bare-Pw-333\n';
    const [quoted, url, bare] = scanText(text, { path: 'a.js' }).findings;
    assert.equal(text.slice(quoted.literal.start, quoted.literal.end), '"Qu0ted-Pw-1"');
    assert.equal(text.slice(url.start, url.end), 'Url-Pw-22');
    assert.equal(text.slice(url.literal.start, url.literal.end), '"postgres://app:Url-Pw-22@db/shop"');
    assert.equal(url.literal.line, 1);
    assert.equal(url.literal.column, 'const url = '.length);
    const env = scanText('DB_PASSWORD=Bare-Pw-333\n', { path: '.env' }).findings[0];
    assert.deepEqual([env.literal.start, env.literal.end], [env.start, env.end]);
    assert.equal(bare, undefined, 'a bare value in code is an expression');
  });

  it('spans a multi-line private key from BEGIN to END, with 0-based end positions', () => {
    const body = Array.from(
      { length: 5 },
      (_, i) => `MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7${i}xq7Zr2Lm9`,
    ).join('\n');
    const pem = `-----BEGIN EC ${'PRIVATE'} KEY-----\n${body}\n-----END EC PRIVATE KEY-----`;
    const text = `key: |\n  ${pem.replace(/\n/g, '\n  ')}\n`;
    const [f] = scanText(text, { path: 'a.yml' }).findings;
    assert.equal(f.ruleId, 'private-key');
    assert.equal(f.line, 1);
    assert.equal(f.endLine, 7);
    assert.equal(f.column, 2);
    assert.equal(f.endColumn, 2 + '-----END EC PRIVATE KEY-----'.length);
  });

  it('gives a name hint from the key, the subscript, the preceding name line or the variable block', () => {
    const hint = (text: string, path: string): (string | undefined)[] =>
      scanText(text, { path }).findings.map((f) => f.nameHint);
    assert.deepEqual(hint("os.environ['DB_PASSWORD'] = 'Env-Set-Pw-9'\n", 'a.py'), ['DB_PASSWORD']);
    assert.deepEqual(hint('env:\n  - name: SMTP_PASSWORD\n    value: "Smtp-Pw-42"\n', 'd.yaml'), ['SMTP_PASSWORD']);
    assert.deepEqual(hint('variable "admin_password" {\n  default = "Tf-Def-Pw-1"\n}\n', 'v.tf'), ['admin_password']);
    assert.deepEqual(hint('[{ "name": "API_TOKEN", "value": "t0Kq2Rz9Lm4Pw8Vn3B" }]\n', 'task.json'), ['API_TOKEN']);
  });
});

describe('scanner: severity filter, fingerprints and the ignore file', () => {
  it('drops findings below minSeverity', () => {
    const text = `DB_PASSWORD=Tr0ub4dor-3x\nGITHUB=${T.gh}\n`;
    assert.equal(scanText(text, { path: '.env' }).findings.length, 2);
    assert.deepEqual(
      scanText(text, { path: '.env', config: { minSeverity: 'error' } }).findings.map((f) => f.ruleId),
      ['github-token'],
    );
  });

  it("fingerprintFor reproduces a finding's fingerprint from rule, path and the line without the secret", () => {
    const line = '  password: "Fp-Stable-Pw-1"';
    const [f] = scanText(`${line}\n`, { path: 'conf/app.yml' }).findings;
    assert.equal(
      f.fingerprint,
      fingerprintFor({ ruleId: f.ruleId, path: 'conf/app.yml', context: fingerprintContext(line, 'Fp-Stable-Pw-1') }),
    );
    assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
    const moved = scanText(`# header\n\n${line}\n`, { path: 'conf/app.yml' }).findings[0];
    assert.equal(moved.fingerprint, f.fingerprint, 'stable when other lines change');
    const rotated = scanText('  password: "An0ther-Value-9"\n', { path: 'conf/app.yml' }).findings[0];
    assert.equal(rotated.fingerprint, f.fingerprint, 'carries nothing of the value');
  });

  it('loadIgnoreFile reads fingerprints, comments and blank lines; an ignore file never holds the value', () => {
    const text = 'TOKEN=t0Kq2Rz9Lm4Pw8Vn3Bc6\nAPI_KEY=k3Yq2Rz9Lm4Pw8Vn3Bc6\n';
    const findings = scanText(text, { path: '.env' }).findings;
    const file = `# reviewed\n\n${findings[0].fingerprint}   # hardcoded-token in .env\n`;
    assert.ok(!file.includes('t0Kq2Rz9'));
    const ignore = loadIgnoreFile(file);
    assert.deepEqual(ignore.fingerprints, [findings[0].fingerprint]);
    const left = scanText(text, { path: '.env', config: { ignoredFingerprints: ignore.fingerprints } }).findings;
    assert.deepEqual(
      left.map((f) => f.nameHint),
      ['API_KEY'],
    );
  });

  it('honours the inline comment in any comment syntax', () => {
    const cases = [
      ['a.js', "const password = 'Inl1ne-Pw-1'; // kms-secrets-ignore"],
      ['a.py', "password = 'Inl1ne-Pw-1'  # kms-secrets-ignore"],
      ['a.sql', "CREATE USER a IDENTIFIED BY 'Inl1ne-Pw-1'; -- kms-secrets-ignore"],
      ['a.xml', '<password>Inl1ne-Pw-1</password> <!-- kms-secrets-ignore -->'],
      ['a.cs', '/* kms-secrets-ignore-next-line */\nvar password = "Inl1ne-Pw-1";'],
      ['a.ini', '; kms-secrets-ignore-next-line\npassword = Inl1ne-Pw-1'],
    ];
    for (const [path, text] of cases) assert.deepEqual(scanText(text, { path }).findings, [], text);
    assert.equal(
      scanText("# kms-secrets-ignore-next-line\nx = 1\npassword = 'Inl1ne-Pw-1'\n", { path: 'a.py' }).findings.length,
      1,
      'only the next line',
    );
  });

  it('applies custom patterns with their id, kind and severity, and skips disabled rules', () => {
    const text = 'acme = "ACME-q7zr2lm9pw4x"\npassword = "Disabled-Pw-1"\n';
    const { findings } = scanText(text, {
      path: 'a.py',
      config: {
        customPatterns: [{ id: 'acme-key', pattern: 'ACME-([a-z0-9]{12})', kind: 'ACME key', severity: 'error' }],
        disabledRules: ['hardcoded-password'],
      },
    });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.kind, f.severity, text.slice(f.start, f.end)]),
      [['acme-key', 'ACME key', 'error', 'q7zr2lm9pw4x']],
    );
    assert.ok(!findings[0].message.includes('q7zr2lm9pw4x'));
  });
});

describe('scanner: guards', () => {
  it('looks for known formats only in binary content, and scans text of any size', () => {
    const gh = 'ghp_' + 'K8fR2mW9xQ4vL7nP3sT6yB1cJ5hD0gA8eZ2u';
    const binary = scanText(`PK\u0003\u0004\0\0password=Bin4ry-Pw-1 ${gh}\0`);
    assert.equal(binary.binary, true);
    assert.match(binary.notice ?? '', /[Bb]inary/);
    assert.deepEqual(
      binary.findings.map((f) => f.ruleId),
      ['github-token'],
      'a NUL does not hide a token, and the generic rules stay quiet on binary noise',
    );
    const huge = scanText(`password=Hug3-Pw-1\n${'x'.repeat(2 * 1024 * 1024)}\nAPI_TOKEN=Hug3-T0ken-2\n`, {
      path: 'a.env',
    });
    assert.deepEqual(
      huge.findings.map((f) => [f.line, f.ruleId]),
      [
        [0, 'hardcoded-password'],
        [2, 'hardcoded-token'],
      ],
    );
    assert.equal(
      scanText(`DB_PASSWORD=Big-F1le-Pw\n${'# filler line\n'.repeat(100_000)}`, { path: 'a.env' }).findings.length,
      1,
    );
  });

  it('handles minified one-line code: known formats and quoted values of secret keys, quickly', () => {
    const min = `${'var a=b.password||c;'.repeat(5000)}x={password:"Min1fied-Pw"};y="${T.gh}";`;
    let findings: Finding[] = [];
    const ms = cpuMs(() => ({ findings } = scanText(min, { path: 'app.min.js' })));
    assert.ok(ms < 200, `${ms.toFixed(0)} ms of CPU`);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, min.slice(f.start, f.end)]),
      [
        ['hardcoded-password', 'Min1fied-Pw'],
        ['github-token', T.gh],
      ],
    );
  });

  it('no adversarial input takes more than 1 s per MB (linear-time patterns)', function () {
    this.timeout(60_000);
    const n = 200_000;
    scanText('warm-up password = "x"\n'.repeat(100), { path: 'a.js' });
    const inputs = [
      'a'.repeat(n),
      '='.repeat(n),
      '"'.repeat(n),
      "'".repeat(n),
      `"${'a'.repeat(n)}`,
      `password="${'a'.repeat(n)}`,
      'password: '.repeat(n / 10),
      'a: b = '.repeat(n / 7),
      "['".repeat(n / 2),
      `${"['password'] = ".repeat(n / 15)}`,
      'IDENTIFIED BY '.repeat(n / 14),
      '.login('.repeat(n / 7),
      `new PDO(${'"a", '.repeat(n / 5)}`,
      '- name: DB_PASSWORD\n  value: '.repeat(n / 30),
      'variable "password" {\n'.repeat(n / 22),
      'LTAI'.repeat(n / 4),
      `${'ab:cd@'.repeat(n / 6)}`,
      `postgres://${'a:'.repeat(n / 2)}`,
      `${'Authorization '.repeat(n / 14)}`,
      `${'Bearer '.repeat(n / 7)}`,
      `-----BEGIN PRIVATE KEY-----\n${'-----BEGIN RSA PRIVATE KEY-----\n'.repeat(n / 32)}`,
      `${'<password>'.repeat(n / 10)}`,
      `${'--password '.repeat(n / 11)}`,
      `mysql ${' -p'.repeat(n / 3)}`,
      `${'x'.repeat(n)}\n`.repeat(10),
      `${'password = "a'.repeat(n / 14)}`,
      `${'\\"'.repeat(n / 2)}`,
      `${'key:'.repeat(n / 4)}`,
      `${'value: '.repeat(n / 7)}`,
      `${'eyJ'.repeat(n / 3)}`,
      `${'sk_live_'.repeat(n / 8)}`,
      `${'abc_def.'.repeat(n / 8)}["a", "b"].join("")`,
      `${'["a", '.repeat(n / 6)}"b"].join("")`,
      `${'"sk_live_" + '.repeat(n / 13)}"x"`,
      `${'334 UGFzc3dvcmQ6\n'.repeat(n / 16)}`,
      `${'AUTH PLAIN '.repeat(n / 11)}`,
      `${'"--password",\n'.repeat(n / 15)}`,
    ];
    for (const input of inputs) {
      for (const path of ['a.env', 'a.js', 'a.yml', 'a.sql']) {
        const ms = cpuMs(() => scanText(input, { path }));
        const mb = input.length / 1e6;
        assert.ok(
          ms < 1000 * mb + 500, // CPU time, with room for a machine shared with others; quadratic paths take seconds
          `${JSON.stringify(input.slice(0, 24))}… (${path}) took ${ms.toFixed(0)} ms for ${(input.length / 1e6).toFixed(2)} MB`,
        );
      }
    }
  });
});
