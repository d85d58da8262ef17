import * as assert from 'node:assert/strict';
import { scanText } from '../../../src/core/scanner';

/** One line per form in which code and configuration hold credentials, across languages: each must be found. */
const S = 'Xq7Zr2Lm9Pw4' + 'Kv8Tn3';
const STRIPE = 'sk_live_' + '51HqZr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0Ge';
const STRIPE_TEST = 'sk_test_' + '51HqZr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0Ge';
const STRIPE_RESTRICTED = 'rk_live_' + '51HqZr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0Ge';
const AWS_ID = 'AKIA' + 'Q3V7ZR2LMNXK5TPW';
const AWS_SECRET = 'wJa7Xq2Lz9Kp4Rn8' + 'Tv3Bm6Hc1Fd5Sy0Ge7Ui2Oq';
const GH = 'ghp_' + 'K8fR2mW9xQ4vL7nP3sT6yB1cJ5hD0gA8eZ2u';
const AK = 'LTAI' + '5tBq7nHv2XkPz9WcRm4Y';
const SK = 'nY4kQp8WzR2vLx7c' + 'B3mT9hJs6DfG1a';

const FORMS: [string, string][] = [
  ['a.py', `API_KEY = "${S}"`],
  ['a.py', `self.api_key = '${S}'`],
  ['a.py', `client = OpenAI(api_key="${S}")`],
  ['a.py', `requests.get(url, headers={"X-API-KEY": "${S}"})`],
  ['a.py', `conn = pymysql.connect(host="db", user="root", passwd="${S}")`],
  ['a.py', `redis.Redis(host='r', port=6379, password='${S}')`],
  ['a.py', `app.config["SECRET_KEY"] = "${S}"`],
  ['a.py', `os.environ["AWS_SECRET_ACCESS_KEY"] = "${S}"`],
  ['a.js', `const stripe = require('stripe')('${STRIPE}');`],
  ['a.js', `axios.defaults.headers.common['Authorization'] = 'Bearer ${S}abc';`],
  ['a.js', `fetch(url, { headers: { 'x-api-key': '${S}' } })`],
  ['a.js', `module.exports = { db: { password: '${S}' } }`],
  ['a.js', `const mongoUri = "mongodb+srv://admin:${S}@cluster0.mongodb.net/app";`],
  ['a.ts', `export const environment = { production: true, apiKey: '${S}' };`],
  ['a.java', `private static final String SECRET = "${S}";`],
  ['a.java', `props.put("mail.smtp.password", "${S}");`],
  ['a.java', `props.setProperty("password", "${S}");`],
  ['a.java', `BasicAWSCredentials creds = new BasicAWSCredentials("${AWS_ID}", "${AWS_SECRET}");`],
  [
    'a.kt',
    `val client = OkHttpClient.Builder().addInterceptor { it.proceed(it.request().newBuilder().header("Authorization", "Bearer ${S}abc").build()) }`,
  ],
  ['a.cs', `var client = new SmtpClient("smtp") { Credentials = new NetworkCredential("u", "${S}") };`],
  ['a.cs', `string connectionString = "Server=tcp:x.database.windows.net;Database=db;User ID=admin;Password=${S};";`],
  ['a.cs', `_apiKey = "${S}";`],
  ['a.go', `client := github.NewClient(nil).WithAuthToken("${GH}")`],
  ['a.go', `secret := "${S}"`],
  ['a.go', `var APIKey = "${S}"`],
  ['a.go', `req.Header.Set("X-Api-Key", "${S}")`],
  ['a.go', `req.Header.Add("Authorization", "Bearer ${S}abc")`],
  ['a.rb', `config.api_key = "${S}"`],
  ['a.rb', `ENV['DB_PASSWORD'] ||= '${S}'`],
  ['a.php', `$password = "${S}";`],
  ['a.php', `'password' => '${S}',`],
  ['a.php', `$mail->Password = '${S}';`],
  ['a.swift', `let apiKey = "${S}"`],
  ['a.rs', `let token = "${S}";`],
  ['a.rs', `const API_KEY: &str = "${S}";`],
  ['a.sh', `export DB_PASSWORD="${S}"`],
  ['a.sh', `curl -H "X-Auth-Token: ${S}" https://x`],
  ['a.sh', `mysql -u root -p${S} db`],
  ['a.ps1', `$env:API_TOKEN = "${S}"`],
  ['a.ps1', `$password = ConvertTo-SecureString "${S}" -AsPlainText -Force`],
  ['Dockerfile', `ENV API_TOKEN=${S}`],
  ['docker-compose.yml', `      - POSTGRES_PASSWORD=${S}`],
  ['a.yml', `  password: ${S}`],
  ['a.tf', `  password = "${S}"`],
  ['a.tf', `  access_key = "${AWS_ID}"\n  secret_key = "${AWS_SECRET}"`],
  ['a.ini', `password=${S}`],
  ['a.toml', `token = "${S}"`],
  ['a.properties', `db.password=${S}`],
  ['a.xml', `<entry key="password">${S}</entry>`],
  ['a.xml', `<property name="password" value="${S}"/>`],
  ['a.json', `{"client_secret": "${S}"}`],
  ['a.sql', `CREATE USER bob WITH PASSWORD '${S}';`],
  ['a.ipynb', `    "openai.api_key = \\"${S}\\"\\n",`],
  ['a.vue', `const API_KEY = '${S}'`],
  ['a.gradle', `password '${S}'`],
  ['a.scala', `val dbPassword = "${S}"`],
  ['a.lua', `local password = "${S}"`],
  ['a.dart', `const apiKey = '${S}';`],
  ['a.py', `ACCESS_KEY_SECRET = "${SK}"`],
  ['a.py', `auth = oss2.Auth('${AK}', '${SK}')`],
  ['a.env', `ALIYUN_AK=${AK}\nALIYUN_SK=${SK}`],
  ['a.js', `const jwtSecret = "${S}";`],
  ['a.js', `jwt.sign(user, process.env.SECRET || '${S}')`],
  ['a.yml', `jwt:\n  secret: ${S}`],
  ['a.js', `headers: { Authorization: \`Bearer ${S}abc\` }`],
  ['a.cs', `request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "${S}abc");`],
  ['a.txt', `Authorization: Bearer ${S}abc`],
  ['a.java', `.header("Authorization", "Bearer ${S}abc")`],
  ['a.py', `stripe.api_key = "${STRIPE_RESTRICTED}"`],
  ['a.go', `stripe.Key = "${STRIPE_TEST}"`],
  ['a.cs', `StripeConfiguration.ApiKey = "${STRIPE}";`],
  ['a.sql', `INSERT INTO config (name, value) VALUES ('stripe_key', '${STRIPE}');`],
  ['a.sql', `INSERT INTO settings (setting_key, setting_value) VALUES ('smtp_password', '${S}');`],
  ['a.go', `aws.Config{Credentials: credentials.NewStaticCredentialsProvider("${AWS_ID}", "${AWS_SECRET}", "")}`],
  ['a.yml', `aws_access_key_id: ${AWS_ID}\naws_secret_access_key: ${AWS_SECRET}`],
  ['a.js', `var e={key:"${AWS_ID}",secret:"${AWS_SECRET}"}` + 'x'.repeat(5000)],
];

/** Look-alikes of the same forms that must stay silent. */
const SILENT: [string, string][] = [
  ['a.js', "const password = process.env.DB_PASSWORD || '';"],
  ['a.js', "const token = process.env.API_TOKEN || 'changeme';"],
  ['a.py', 'secret = os.getenv("SECRET") or None'],
  ['a.rb', "ENV['DB_PASSWORD'] ||= ENV.fetch('FALLBACK_PASSWORD')"],
  ['a.ps1', '$env:API_TOKEN = $token'],
  ['a.xml', '<entry key="password.label">Password</entry>'],
  ['a.sql', "INSERT INTO settings (setting_key, setting_value) VALUES ('smtp_host', 'smtp.example.com');"],
  ['a.js', 'jwt.sign(user, process.env.SECRET)'],
  ['a.py', 'token_range = "%d,%d-%d,%d:" % (start, end)'],
  ['a.py', "credentials = '{0}:{1}'.format(user, passwd)"],
  ['a.py', "user_pass = '%s:%s' % (unquote(user), unquote(password))"],
  ['a.py', 'authorization = base64.decodebytes(authorization).decode()'],
];

describe('scanner: credential forms across languages', () => {
  for (const [path, text] of FORMS) {
    it(`finds: ${path} ${text.slice(0, 70)}`, () => {
      assert.ok(scanText(text, { path }).findings.length > 0, text);
    });
  }
  for (const [path, text] of SILENT) {
    it(`stays silent: ${path} ${text.slice(0, 70)}`, () => {
      assert.deepEqual(
        scanText(text, { path }).findings.map((f) => text.slice(f.start, f.end)),
        [],
      );
    });
  }
});
