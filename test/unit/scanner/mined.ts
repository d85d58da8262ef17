/**
 * Cases shaped after real public code (found by search, every credential swapped for a fake of the same shape) that
 * the scanner missed or misread: Go, SQL and C# sources, minified bundles, JWT and bearer secrets in many languages,
 * and the look-alikes that must stay silent (secret names and paths, message strings, encrypted values). Fake
 * credentials are assembled from pieces so no file here reads as a live credential.
 */
import type { FileCase } from './realistic';

const PASSWORD = 'Kq8vL2' + 'mZp9xW';
const AWS_SECRET = 'q8Zr2Lm9Pw4Xk8Vn3Bc6' + 'Tj1Fd5Sy0Ge7Ui2OqRt/';
const STRIPE_SHORT = 'sk_test_' + '4eC39HqLyjWDarjt2b';
const STRIPE = 'sk_live_' + 'FqJjz59N22sGgFV1PCtQrXUH';
const AK = 'LTAI' + '5tQz8Rk2Vn7Wp3Xm9Ya4';
const AK_SECRET = 'Rk8Wq2Zp5Xn7Lm3Vt9Bc4' + 'Hj6Df1Gs0';
const AWS_ID = 'AKIA' + 'FNGPA2XQRVCMYPO5';
const B64_KEY = 'jpxLMGhZwH5POlMcZRaWK' + 'DL/sP6VSt1';
const HEX32 = '286e21dfb5c820d0' + '2044218b9c72aaab';
const HEX32_B = '3bc16516918f4c2f' + '1affe3eacd8a6ef7';
const HEX64 = '99ea9eca13fd0ae3039ce80eb010d903' + 'd8f670a0dd9f8c2b578b47a28b5b68b2';
const RANDOM = 'Kq8vL2mZp9xW' + 'bN3cT1fD5sY0';
const JWT = [
  Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
  Buffer.from('{"sub":"42","name":"Ops"}').toString('base64url'),
  'Q7zR2lM9pW4xK8vN3bC6tJ1fD5sY0gE7uI2oRqW8eR3',
].join('.');
const TELEGRAM = '8930166367:' + 'AA_wkljrV2v132JkBbCRoaiBeWXu7sG7eF0';
const HF = 'hf_' + 'QsHucbpw3Bjg9F0MmnUJMIuFm2iwSUIpfG';
const TWITTER = 'A'.repeat(21) + 'wqDDgbtzOxC8HMhgbt0gggWLF%3D' + 'Wb1dGUq5b6Xd5HphzvTcxdSNlrbzHWwtJB9xZqyRjZM7cQKVXr';
const MAPBOX =
  'sk.' +
  Buffer.from('{"u":"acme63rml","a":"cldqx55zicuzbfvah96swwda4"}').toString('base64url') +
  '.T2ufSOCIdSD1EILvtj3l2Y';
const STS_ID = 'STS.' + 'NUgYrLnoC37mZZCNnAbez4Kq2';
const STS_SECRET = 'NoD5fCMv8CfWp6eBD5bUjsiX52' + 'SAW6LFM4hsYVzA6f7e';
const SANCTUM = '65|' + 'ooRMwXq8Zr2Lm9Pw4Xk8Vn3Bc6Tj1Fd5Sy0Ge7Ui2';

export const MINED: FileCase[] = [
  {
    name: 'Copies and templates of a config file are read as config',
    path: 'src/main/resources/application.properties.example',
    text: ['spring.datasource.username=springuser', `spring.datasource.password=${PASSWORD}`].join('\n'),
    secrets: [PASSWORD],
  },
  {
    name: 'A Jinja template of a YAML file',
    path: 'roles/app/templates/config.yml.j2',
    text: ['database:', '  user: app', `  password: ${PASSWORD}`, '  host: "{{ db_host }}"'].join('\n'),
    secrets: [PASSWORD],
  },
  {
    name: 'AWS credential objects given the secret beside a key ID from elsewhere',
    path: 'src/main/java/com/example/S3Config.java',
    text: [
      'AmazonS3 s3 = new AmazonS3Client(new BasicAWSCredentials(ACCESS_KEY, "' + AWS_SECRET + '"));',
      'creds := credentials.NewStaticCredentials(os.Getenv("AWS_ID"), "' + AWS_SECRET + '", "")',
      "Aws::Credentials.new(ENV['AWS_ID'], '" + AWS_SECRET + "')",
      'AwsBasicCredentials.create(accessKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")',
      `AwsCredentials creds = AwsBasicCredentials.builder().secretAccessKey("${AWS_SECRET}").build();`,
    ].join('\n'),
    secrets: [AWS_SECRET, AWS_SECRET, AWS_SECRET, AWS_SECRET],
  },
  {
    name: 'A Stripe key shorter than issued ones, passed to the client unnamed',
    path: 'server/payments.js',
    text: [
      `const stripe = new Stripe('${STRIPE_SHORT}');`,
      "const sample = new Stripe('sk_test_yourstripekey');",
      "const digits = new Stripe('sk_test_1234567890');",
    ].join('\n'),
    secrets: [STRIPE_SHORT],
  },
  {
    name: 'gofmt aligns struct fields far from their values; go-sql-driver DSNs without the protocol; Gin accounts',
    path: 'internal/db/mysql.go',
    text: [
      'cfg := mysql.Config{',
      '\t\tUser:                 "app",',
      `\t\tPasswd:               "${PASSWORD}",`,
      '\t\tNet:                  "tcp",',
      '\t}',
      `db, err = sql.Open("mysql", "root:${PASSWORD}@(127.0.0.1:3333)/mydb?parseTime=true")`,
      'admin := r.Group("/admin", gin.BasicAuth(gin.Accounts{ // the operators',
      `\t"admin": "${RANDOM}",`,
      '}))',
      `ops := r.Group("/ops", gin.BasicAuth(gin.Accounts{"ops": "${PASSWORD}"}))`,
    ].join('\n'),
    secrets: [PASSWORD, PASSWORD, RANDOM, PASSWORD],
  },
  {
    name: 'Go var blocks and fallbacks aligned far from their values',
    path: 'internal/config/vars.go',
    text: [
      'var (',
      `\tdbPassword            string = "${PASSWORD}"`,
      '\tport                  int    = 8080',
      ')',
      `apiToken :=             os.Getenv("API_TOKEN") + "${RANDOM}"`,
    ].join('\n'),
    secrets: [PASSWORD],
  },
  {
    name: 'SQL: tables named for keys, JSON inside a string, digests stored beside their salt',
    path: 'db/seed.sql',
    text: [
      "insert into `api_keys`(`key_value`, `version`) values( '2_" + RANDOM + "', 2 );",
      'INSERT INTO `api_keys` (`id`, `key`, `status`) VALUES',
      `(1, '${HEX32_B}', 'active');`,
      'create database scoped credential [https://acme-openai.openai.azure.com]',
      `    with identity = 'HTTPEndpointHeaders', secret = '{"api-key":"${HEX32}"}';`,
      "INSERT INTO `user` (`username`,`password`,`salt`) VALUES ('ops', '" + HEX64 + "', 'q8Zr2Lm9');",
    ].join('\n'),
    secrets: ['2_' + RANDOM, HEX32_B, HEX32],
  },
  {
    name: 'Hiera keys namespaced with ::, and the documents of a YAML file beside a SealedSecret',
    path: 'deploy/app.yaml',
    text: [
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      'spec:',
      '  encryptedData:',
      `    password: AgB${RANDOM}${RANDOM}`,
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'stringData:',
      `  password: "${PASSWORD}#1"`,
      '---',
      `mysql::server::root_password: '${PASSWORD}'`,
    ].join('\n'),
    secrets: [PASSWORD + '#1', PASSWORD],
  },
  {
    name: 'reStructuredText code blocks and AsciiDoc listings are read as their language',
    path: 'docs/quickstart.rst',
    text: [
      'Authentication',
      '--------------',
      '',
      '.. code-block:: python',
      '',
      `   api_key = "${RANDOM}"`,
      '',
      'The client then logs in::',
      '',
      `    export API_TOKEN=${RANDOM}`,
    ].join('\n'),
    secrets: [RANDOM, RANDOM],
  },
  {
    name: 'An AsciiDoc listing',
    path: 'docs/modules/ROOT/pages/security.adoc',
    text: [
      '[source,java]',
      '----',
      `String secret = "${B64_KEY}";`,
      'SecretKey key = Keys.hmacShaKeyFor(secret.getBytes());',
      '----',
    ].join('\n'),
    secrets: [B64_KEY],
  },
  {
    name: "Markdown: a variable's row in a table, an assignment in a sentence's code span, base64 that starts with /",
    path: 'docs/ENVIRONMENT.md',
    text: [
      '| Variable | Value |',
      '|----------|-------|',
      '| NODE_ENV | production |',
      `| JWT_SECRET | ${HEX64} |`,
      '',
      `Before deploying set \`JWT_SECRET = "${RANDOM}"\` in the Heroku config vars.`,
      '',
      '    passport.use(new JwtStrategy({',
      `        secretOrKey: "/${B64_KEY}",`,
      '    }, verify));',
    ].join('\n'),
    secrets: [HEX64, RANDOM, '/' + B64_KEY],
  },
  {
    name: 'JWT signing keys of Nimbus, lcobucci, jwt-simple, lua-resty-jwt, jwcrypto; HMAC keys in Rust',
    path: 'src/auth/keys.txt.java',
    text: [
      `signedJwt.sign(new MACSigner("${B64_KEY}"));`,
      `$config = Configuration::forSymmetricSigner(new Sha256(), InMemory::plainText('${RANDOM}'));`,
      `let key = HS256Key::from_bytes(b"${HEX64}");`,
      `let mac = HmacSha256::new_from_slice(b"${RANDOM}").unwrap();`,
      `local token = jwt:sign("${RANDOM}", { header = { typ = "JWT", alg = "HS256" } })`,
      `KEY = jwk.JWK(kty='oct', k='${B64_KEY}')`,
      `new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("${RANDOM}")`,
    ].join('\n'),
    secrets: [B64_KEY, RANDOM, HEX64, RANDOM, RANDOM, B64_KEY, RANDOM],
  },
  {
    name: 'Bearer tokens of Ktor, RestAssured, Faraday, Sanctum, the JWT scheme and X',
    path: 'src/clients.kt',
    text: [
      `bearerAuth("${RANDOM}")`,
      `given().auth().oauth2("${JWT}").get("/users")`,
      `conn.authorization :Bearer, '${RANDOM}'`,
      `Authorization: Bearer ${SANCTUM}`,
      `headers = {'Authorization': 'JWT ${JWT}'}`,
      `client = tweepy.Client(bearer_token="${TWITTER}")`,
    ].join('\n'),
    secrets: [RANDOM, JWT, RANDOM, SANCTUM, JWT, TWITTER],
  },
  {
    name: "Tokens as a URL's user, keys in query strings, Telegram's bot URLs, Hugging Face tokens with digits",
    path: 'scripts/calls.py',
    text: [
      `os.system('curl "https://${STRIPE}:@api.stripe.com/v1/charges?limit=3"')`,
      `conn = Connection(uri="aws://${AWS_ID}:${AK_SECRET}@/?region_name=eu-west-1")`,
      `url = base + '?q=' + city + '&units=metric&appid=${HEX32}'`,
      `wx = "https://api.weixin.qq.com/sns/jscode2session?appid=wx4f8a2b3c&secret=${HEX32_B}&js_code="`,
      `requests.get(f"https://api.telegram.org/bot${TELEGRAM}/sendMessage")`,
      `client = InferenceClient(token="${HF}")`,
      `MAPBOX = "${MAPBOX}"`,
    ].join('\n'),
    secrets: [STRIPE, AWS_ID, AK_SECRET, HEX32, HEX32_B, TELEGRAM, HF, MAPBOX],
  },
  {
    name: 'Bundles: escaped quotes in a long line, base64 that starts with +, jsonwebtoken verify with its callback',
    path: 'dist/index.cjs',
    text:
      'var n=require("x");'.repeat(300) +
      `const c=JSON.parse("{\\"oss\\":{\\"accessKeyId\\":\\"${AK}\\",\\"accessKeySecret\\":\\"${AK_SECRET}\\"}}");` +
      `var cfg={jwtSecret:"++${B64_KEY.replace('/', '')}"};` +
      `Je.verify(o,"${HEX64}",(e,o)=>{if(e)throw e});` +
      'var m=require("y");'.repeat(300),
    secrets: [AK, AK_SECRET, '++' + B64_KEY.replace('/', ''), HEX64],
  },
  {
    name: 'C# verbatim strings: a connection string over several lines, its password on the last',
    path: 'src/Data/ShopContext.cs',
    text: [
      'string cs = @"Data Source=.\\SQLEXPRESS;',
      '    Initial Catalog=Shop;',
      '    User ID=sa;',
      `    Password=${PASSWORD};";`,
      'string regex = @"^\\d+$";',
      'string other = $@"Server={host};',
      `    Password=${RANDOM};`,
      '    Trusted_Connection=False";',
    ].join('\n'),
    secrets: [PASSWORD, RANDOM],
  },
  {
    name: 'STS temporary AccessKey pairs, positional and in escaped JSON',
    path: 'tests/test_sts_upload.py',
    text: [
      'auth = oss2.StsAuth(',
      `    '${STS_ID}',`,
      `    '${STS_SECRET}',`,
      '    token)',
      `doc = "{\\"access_key_id\\": \\"${STS_ID}\\", \\"access_key_secret\\": \\"${STS_SECRET}\\"}"`,
    ].join('\n'),
    secrets: [STS_ID, STS_SECRET, STS_ID, STS_SECRET],
  },
  {
    name: 'An AccessKey pair far apart, and a secret followed by more command-line options',
    path: 'lib/sign.js',
    text: [
      `const AK = '${AK}';`,
      ...Array.from({ length: 22 }, (_, i) => `function step${i}(x) { return x + ${i}; }`),
      `const SK = '${AK_SECRET}';`,
      `run('ossutil config -i ${AK} -k ${AK_SECRET} -e oss-cn-chengdu.aliyuncs.com -L CH');`,
    ].join('\n'),
    secrets: [AK, AK_SECRET, AK, AK_SECRET],
  },
  {
    name: 'API keys by the block or struct that names their service, short pair names, Android meta-data over lines',
    path: 'config/services.php',
    text: [
      "    'openweather' => [",
      `        'key' => '${HEX32}',`,
      '    ],',
      `    fn default() -> Self { Tmdb { key: String::from("${HEX32_B}") } }`,
      `AK = '${HEX32}'`,
    ].join('\n'),
    secrets: [HEX32, HEX32_B, HEX32],
  },
  {
    name: 'An INI section named for a service, in a local copy of the file',
    path: 'setup.cfg.local',
    text: ['[shodan]', `key = ${RANDOM}`, '[maps]', `baidu.map.ak=${HEX32_B}`].join('\n'),
    secrets: [RANDOM, HEX32_B],
  },
  {
    name: 'Android meta-data whose value stands below its name',
    path: 'app/src/main/AndroidManifest.xml',
    text: [
      '        <meta-data',
      '            android:name="com.amap.api.v2.apikey"',
      `            android:value="${HEX32}" />`,
      '        <meta-data',
      '            android:name="com.amap.api.v2.channel"',
      '            android:value="Kq8vL2mZp9xWbN3cT1fD5sY0" />',
    ].join('\n'),
    secrets: [HEX32],
  },
  {
    name: 'Keys handed to SDK clients positionally, Client-ID headers, API keys in one header string',
    path: 'src/clients.py',
    text: [
      `co = cohere.Client('${RANDOM}')`,
      `admin = algoliasearch('R2IYF7ETH7', '${HEX32}')  # the admin key, for indexing`,
      `vt_client = vt.NewClient("${HEX64}")`,
      `headers = {"Authorization": "Client-ID ${RANDOM}"}`,
      `curl_setopt($ch, CURLOPT_HTTPHEADER, ['X-CMC_PRO_API_KEY: ${HEX32_B}']);`,
      `ld = LaunchDarkly.init('sdk-${HEX32.slice(0, 8)}-1b5b-4055-b766-${HEX32.slice(0, 12)}')`,
    ].join('\n'),
    secrets: [RANDOM, HEX32, HEX64, RANDOM, HEX32_B, `sdk-${HEX32.slice(0, 8)}-1b5b-4055-b766-${HEX32.slice(0, 12)}`],
  },
  {
    name: 'JWT keys: Spring defaults starting with +, JWKs, Micronaut properties, decouple and Joi defaults, key lists',
    path: 'src/main/resources/application.yml',
    text: [
      `secret: \${JWT_SECRET:+${B64_KEY.replace('/', '')}}`,
      `smallrye.jwt.sign.key={"kty":"oct","kid":"hs256-1","k":"${RANDOM}-_x"}`,
      `@Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret", value = "${RANDOM}")`,
      `SECRET_KEY = config('SECRET_KEY', default='${PASSWORD}@y%7z&')`,
      `  JWT_SECRET: Joi.string().default('${RANDOM}'),`,
      `app.use(session({ secret: ['${RANDOM}', 'older'] }))`,
      `config :joken, default_signer: "${RANDOM}"`,
    ].join('\n'),
    secrets: ['+' + B64_KEY.replace('/', ''), RANDOM + '-_x', RANDOM, PASSWORD + '@y%7z&', RANDOM, RANDOM, RANDOM],
  },
  {
    name: 'JWT keys: a notebook cell, Vapor, WebCrypto, gin-jwt over lines, an aligned Terraform default',
    path: 'notebooks/token_debug.ipynb',
    text: [
      `   "token = jwt.encode(payload, \\"${RANDOM}\\", algorithm=\\"HS256\\")\\n",`,
      `   "app.jwt.keys.add(hmac: \\"${HEX32}\\", digestAlgorithm: .sha256)",`,
    ].join('\n'),
    secrets: [RANDOM, HEX32],
  },
  {
    name: 'An HMAC key imported with WebCrypto',
    path: 'server/auth.ts',
    text: `const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("${HEX32}"), { name: "HMAC" }, true, []);`,
    secrets: [HEX32],
  },
  {
    name: 'gin-jwt keys over lines and Terraform defaults aligned far from their name',
    path: 'middleware/jwt.go',
    text: [
      '\tauthMiddleware, err := jwt.New(&jwt.GinJWTMiddleware{',
      '\t\tRealm:       "test zone",',
      `\t\tKey:         []byte("${HEX64}"),`,
      '\t})',
    ].join('\n'),
    secrets: [HEX64],
  },
  {
    name: 'A Terraform variable whose default stands below its description',
    path: 'infra/variables.tf',
    text: [
      'variable "jwt_secret" {',
      '  description = "HMAC key used to sign access tokens"',
      '  type        = string',
      `  default     = "${HEX64}"`,
      '}',
    ].join('\n'),
    secrets: [HEX64],
  },
  {
    name: 'A description that mentions a password is no name for the value beside it; a default resource keeps its key',
    path: 'charts/gitea/README.md',
    text: [
      '| Name | Description | Value |',
      '|------|-------------|-------|',
      '| `gitea.admin.passwordMode` | Mode for how to set/update the admin user password | `keepUpdated` |',
      `| \`gitea.admin.password\` | Password for the Gitea admin user | \`${PASSWORD}!\` |`,
    ].join('\n'),
    secrets: [PASSWORD + '!'],
  },
  {
    name: 'Default Android resources may hold keys',
    path: 'app/src/main/res/values/strings.xml',
    text: `<string name="maps_api_key">${RANDOM}</string>`,
    secrets: [RANDOM],
  },
  {
    name: 'C# verbatim literals handed to calls, Kotlin raw strings and Elvis fallbacks, Rust ring keys, Algolia admin clients',
    path: 'src/Clients/PartnerClientFactory.cs',
    text: [
      `private static readonly byte[] SigningKey = Encoding.UTF8.GetBytes(@"${B64_KEY}");`,
      `client.DefaultRequestHeaders.Add("X-Api-Key", @"${RANDOM}");`,
      `client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", @"${RANDOM}");`,
      `using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(@"${HEX32}"));`,
      `private val secret = """${RANDOM}"""`,
      `val jwtSecret: String = System.getenv("CHAT_JWT_SECRET") ?: "${HEX64}"`,
      `let key = hmac::Key::new(hmac::HMAC_SHA256, b"${RANDOM}");`,
      `$client = SearchClient::create('R2IYF7ETH7', '${HEX32_B}');`,
      `var client = new FaceClient(new ApiKeyServiceClientCredentials("${HEX32}"));`,
      `speech_config = speechsdk.SpeechConfig(subscription="${HEX32_B}", region="westeurope")`,
      `PAT = '${HEX32}'`,
    ].join('\n'),
    secrets: [B64_KEY, RANDOM, RANDOM, HEX32, RANDOM, HEX64, RANDOM, HEX32_B, HEX32, HEX32_B, HEX32],
  },
  {
    name: 'Shell defaults holding tokens, quoted mysql passwords, personal access tokens, settings named after their value',
    path: 'scripts/deploy-oss.sh',
    text: [
      `export ALIBABA_CLOUD_ACCESS_KEY_ID="\${ALIBABA_CLOUD_ACCESS_KEY_ID:-${AK}}"`,
      `mysql -h "$DB_HOST" -u "$DB_USER" -p'${PASSWORD}!#' "$DB_NAME"`,
      `AZURE_DEVOPS_EXT_PAT='${RANDOM}${RANDOM}'`,
      `psql -c "UPDATE app_settings SET value = '3600' WHERE name = 'jwt_ttl_seconds';"`,
    ].join('\n'),
    secrets: [AK, PASSWORD + '!#', RANDOM + RANDOM],
  },
  {
    name: 'A pgpass without its dot, its local default left alone',
    path: 'roles/pg_client/files/pgpass',
    text: [`db-primary.prod.internal:5432:*:ops_readonly:${PASSWORD}`, 'localhost:5432:*:postgres:postgres'].join('\n'),
    secrets: [PASSWORD],
  },
  {
    name: "A Kubernetes Secret's connection URL with its password, beside a plain user",
    path: 'k8s/keycloak/secret.yaml',
    text: [
      'apiVersion: v1',
      'kind: Secret',
      'data:',
      '  username: ' + Buffer.from('keycloak').toString('base64'),
      '  database-url: ' +
        Buffer.from(`postgresql://keycloak:${PASSWORD}@keycloak-db:5432/keycloak`).toString('base64'),
      '  host: ' + Buffer.from('postgresql://keycloak-db:5432').toString('base64'),
    ].join('\n'),
    secrets: [Buffer.from(`postgresql://keycloak:${PASSWORD}@keycloak-db:5432/keycloak`).toString('base64')],
  },
  {
    name: 'A nginx variable named for a secret',
    path: 'deploy/nginx.conf',
    text: ['location /api/ {', `    set $jwt_secret "${B64_KEY}";`, '}'].join('\n'),
    secrets: [B64_KEY],
  },
  ...(
    [
      ['.envrc', `export AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`, AWS_SECRET],
      ['.flaskenv', `SECRET_KEY=${RANDOM}`, RANDOM],
      ['analysis/.Renviron', `CENSUS_API_KEY=${HEX32}`, HEX32],
      ['deploy/env.list', `API_TOKEN=${RANDOM}`, RANDOM],
      ['public/.htaccess', `SetEnv API_KEY ${B64_KEY}`, B64_KEY],
      ['.zprofile', `export GITHUB_TOKEN=${RANDOM}`, RANDOM],
    ] as const
  ).map(([path, line, secret]) => ({
    name: `dotenv and shell files without an extension: ${path}`,
    path,
    text: ['# local settings', line, 'export PATH="$HOME/bin:$PATH"'].join('\n'),
    secrets: [secret],
  })),
  {
    name: "Dockerfile's space form with a quoted value: the value without its quotes",
    path: 'Dockerfile',
    text: ['FROM node:20', `ENV JWT_SECRET "${PASSWORD}"`, `ENV API_TOKEN '${RANDOM}'`, 'ENV NODE_ENV production'].join(
      '\n',
    ),
    secrets: [PASSWORD, RANDOM],
  },
  {
    name: '.NET configuration paths (`Jwt:Key`, `Jwt__Key`) name what they key, with hex and passphrase values',
    path: 'src/Api/appsettings.Staging.json',
    text: [
      '{',
      `  "Jwt:Key": "${HEX64}",`,
      '  "Jwt:Issuer": "https://auth.acme.io",',
      `  "Authentication:Jwt:SigningKey": "${RANDOM}",`,
      '  "Logging:LogLevel:Default": "Warning"',
      '}',
    ].join('\n'),
    secrets: [HEX64, RANDOM],
  },
  {
    name: 'A .NET `__` path in a Kubernetes env list',
    path: 'deploy/api.yaml',
    text: [
      'env:',
      '  - name: Jwt__Key',
      '    value: "river-quartz-nimbus-176"',
      '  - name: Jwt__Audience',
      '    value: api',
    ].join('\n'),
    secrets: ['river-quartz-nimbus-176'],
  },
  {
    name: "Elixir module attributes and R's `<-`",
    path: 'lib/acme/weather.ex',
    text: ['defmodule Acme.Weather do', `  @api_key "${RANDOM}"`, '  @base_url "https://api.acme.io"', 'end'].join(
      '\n',
    ),
    secrets: [RANDOM],
  },
  {
    name: "R's `<-` assignment",
    path: 'R/fetch.R',
    text: [
      `api_key <- "${HEX32}"`,
      'token <- Sys.getenv("API_TOKEN")',
      'res <- GET(url, query = list(key = api_key))',
    ].join('\n'),
    secrets: [HEX32],
  },
  {
    name: "LexikJWT's pass_phrase",
    path: 'config/packages/lexik_jwt_authentication.yaml',
    text: ['lexik_jwt_authentication:', `    pass_phrase: '${HEX64}'`, '    token_ttl: 3600'].join('\n'),
    secrets: [HEX64],
  },
  {
    name: "Rust's env lookup with a literal fallback, Swift's Data of a literal",
    path: 'src/main.rs',
    text: [
      `let api_key = std::env::var("OPENWEATHER_KEY").unwrap_or_else(|_| "${HEX32}".to_string());`,
      `let token = env::var("API_TOKEN").unwrap_or("${RANDOM}".into());`,
      'let port = env::var("PORT").unwrap_or_else(|_| "8080".to_string());',
    ].join('\n'),
    secrets: [HEX32, RANDOM],
  },
  {
    name: "Swift's Data of a literal",
    path: 'Sources/Auth/TokenFactory.swift',
    text: ['enum TokenFactory {', `    private static let signingSecret = Data("${HEX32}".utf8)`, '}'].join('\n'),
    secrets: [HEX32],
  },
  {
    name: 'HMAC algorithms built with their key (jwt-cpp, Vapor)',
    path: 'src/server/auth.cpp',
    text: [
      'auto verifier = jwt::verify()',
      `    .allow_algorithm(jwt::algorithm::hs256{"${RANDOM}"})`,
      '    .with_issuer("auth0");',
      `app.jwt.signers.use(.hs256(key: "${HEX32_B}"))`,
    ].join('\n'),
    secrets: [RANDOM, HEX32_B],
  },
  {
    name: 'A flag and its value as items of an argument list',
    path: 'docker-compose.ci.yml',
    text: [
      'services:',
      '  runner:',
      `    command: ["--url", "https://ci.acme.io", "--token", "${RANDOM}"]`,
      '    args: ["--token", "--verbose"]',
    ].join('\n'),
    secrets: [RANDOM],
  },
  {
    name: "A Terraform variable's default below its description, type and sensitivity",
    path: 'infra/vars.tf',
    text: [
      'variable "db_password" {',
      '  description = "Password of the orders database"',
      '  type        = string',
      '  sensitive   = true',
      '  nullable    = false',
      `  default     = "${PASSWORD}"`,
      '}',
      'variable "region" {',
      '  type    = string',
      '  default = "cn-hangzhou"',
      '}',
    ].join('\n'),
    secrets: [PASSWORD],
  },
  {
    name: 'A real password beside a table of secret names',
    path: 'src/lib/settings.ts',
    text: [
      'export const SECRET_NAMES = {',
      "  dbPassword: 'orders-db',",
      '};',
      `export const redisPassword = '${PASSWORD}';`,
    ].join('\n'),
    secrets: [PASSWORD],
  },
  {
    name: "Ruby's %q() literals, Strapi's APP_KEYS",
    path: 'config/initializers/jwt.rb',
    text: [`SECRET_KEY = %q(${B64_KEY})`, `API_TOKEN = %Q{${RANDOM}}`, 'NAME = %q(orders)'].join('\n'),
    secrets: [B64_KEY, RANDOM],
  },
  {
    name: "Strapi's APP_KEYS list",
    path: '.env',
    text: [
      'HOST=0.0.0.0',
      `APP_KEYS=${B64_KEY}==,${RANDOM}==`,
      'API_KEYS_ENABLED=true',
      '# APP_KEYS="toBeModified1,toBeModified2"',
    ].join('\n'),
    secrets: [`${B64_KEY}==`],
  },
  {
    name: "A lookup's literal fallback at the end of a chain over several lines (C#, JavaScript)",
    path: 'src/Api/Startup.cs',
    text: [
      'var apiKey = Environment.GetEnvironmentVariable("API_KEY")',
      '    ?? configuration["ApiKey"]',
      `    ?? "${RANDOM}";`,
      'var region = Environment.GetEnvironmentVariable("REGION")',
      '    ?? "cn-hangzhou";',
      'const token = process.env.API_TOKEN',
      `  || '${PASSWORD}';`,
      'const host = process.env.HOST',
      "  || 'localhost';",
    ].join('\n'),
    secrets: [RANDOM, PASSWORD],
  },
  {
    name: "Ghost's Admin API key beside Ghost's name",
    path: 'scripts/publish.js',
    text: `const api = new GhostAdminAPI({ url, key: '${HEX32.slice(0, 24)}:${HEX64}', version: 'v5.0' });`,
    secrets: [`${HEX32.slice(0, 24)}:${HEX64}`],
  },
  {
    name: 'JSON in an SQL string under a key that names nothing',
    path: 'db/migrations/2024_05_integrations.sql',
    text: `UPDATE integrations SET config = '{"apiKey":"${RANDOM}","region":"eu"}' WHERE name = 'geocoder';`,
    secrets: [RANDOM],
  },
];

export const MINED_CLEAN: FileCase[] = [
  {
    name: 'Secret names with the random suffix Secrets Manager appends, version references, name lists',
    path: 'deploy/external-secrets.yaml',
    text: [
      'data:',
      '  - key: team-a-rds-admin-password-x7Kq9z',
      '    name: password',
      '  remoteRef:',
      '    key: prod/orders/db-password-x7Kq9z',
      'env:',
      '  secrets-manager:',
      '    DB_PASSWORD: prod/db-credentials:password',
      'args: ["--set-secrets=DB_PASSWORD=db-password:latest,API_TOKEN=api-token:2"]',
      "SecretsFilter: 'DbPassword,JwtSigningKey'",
      'db_password_secret: prod-db-password-x7Kq9z',
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'Labels of hyphenated words in Android string resources',
    path: 'app/src/main/res/values-de/strings.xml',
    text: [
      '<string name="api_key">API-Schlüssel</string>',
      '<string name="access_token">Zugriffs-Token</string>',
      '<string name="secret_key">Geheimer-Schlüssel</string>',
      '<string name="auth_token">Token-de-autenticación</string>',
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'Ciphertexts: MuleSoft, hiera-eyaml, dotenvx, ASP.NET Data Protection, Tomcat digests, Hiera interpolation',
    path: 'config/prod.yaml',
    text: [
      `password: "![${RANDOM}==]"`,
      "challenge_password: 'ENC[PKCS7,MIIBeQYJKoZI]'",
      `STRIPE_SECRET_KEY: "encrypted:${RANDOM}${B64_KEY}=="`,
      `Password: "CfDJ8${RANDOM}${RANDOM}${RANDOM}_x-y"`,
      `admin_password: "${HEX32}$20000$${HEX64}"`,
      'profile::api::api_token: "%{lookup(\'vault_api_token\')}"',
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'Keys made public: Algolia search beside its index, PostHog project keys, Datadog client tokens, emulator keys',
    path: 'src/site.js',
    text: [
      `docsearch({ appId: "R2IYF7ETH7", apiKey: "${HEX32}", indexName: "acme-docs" });`,
      `posthog.init({ key: "phc_${RANDOM}${RANDOM}" });`,
      `datadogRum.init({ clientToken: "pub${HEX32_B}", applicationId: "x" });`,
      'const cosmos = "AccountKey=' +
        [...'==wJ/wIX76yQGacEsMyqnZIbMPyGGm8b4DboqTVuDn9Qn2ED5UDQ4+MLHEWIJDRV03vgC7A8N0bo+R/5fjDy6y2C']
          .reverse()
          .join('') +
        ';";',
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'Code read between quotes, a password that repeats its user, header and configuration key names',
    path: 'src/Data/Context.cs',
    text: [
      'db, err := gorm.Open(postgres.Open("host=localhost user="+pgUser+" password="+pgPassword+" dbname="+pgDbname))',
      'options.UseNpgsql("Host=127.0.0.1;Port=5433;Database=Shop;Username=postgres;Password=postgres");',
      'public const string ApiKey = "X-Api-Key";',
      'private const string ApiKeyConfigKey = "Authentication:ApiKey";',
      'var credential = new NetworkCredential("anonymous", "anonymous@domain.com");',
      'const stripe = new Stripe("sk_test_myValidKey");',
    ].join('\n'),
    secrets: [],
  },
  {
    name: "Header names, DingTalk app keys, Segment's browser snippet, keys of caches and fingerprints",
    path: 'public/index.html',
    text: [
      '// final static String apiKeyHeader = "X-CMC_PRO_API_KEY";',
      'dingtalk.appKey=dingu2b4sswcbwtyha4b',
      `analytics._writeKey="${RANDOM}";analytics.load("${RANDOM}");`,
      'gpg:',
      `  key: ${HEX64.slice(0, 40)}`,
      'cache:',
      `  key: ${HEX32}`,
    ].join('\n'),
    secrets: [],
  },
  {
    name: "Symfony key paths, Supabase env(), Strapi's scaffold value, node-config's environment map, tutorial keys",
    path: '.env',
    text: [
      'JWT_SECRET_KEY=%kernel.project_dir%/config/jwt/private.pem',
      'ADMIN_JWT_SECRET=tobemodified',
      '# secret = "env(SUPABASE_AUTH_JWT_SECRET)"',
      'JWT_SECRET=YourSuperSecretKeyThatIsAtLeast32CharactersLong!',
      'SECRET=' + [...'sTWJneGoTyeKterceS'].reverse().join(''),
    ].join('\n'),
    secrets: [],
  },
  {
    name: "node-config's map of settings to environment variables",
    path: 'config/custom-environment-variables.json',
    text: '{ "jwtPrivateKey": "vidly_jwtPrivateKey", "db": { "password": "APP_DB_PASSWORD" } }',
    secrets: [],
  },
  {
    name: "Gin's documented accounts, a test's password that repeats its user, token digests, descriptions in tables",
    path: 'examples/basic-auth/main.go',
    text: [
      'authorized := r.Group("/admin", gin.BasicAuth(gin.Accounts{',
      '\t"foo":    "bar",',
      '\t"austin": "1234",',
      '\t"lena":   "hello2",',
      '}))',
      'users := []User{{Username: "alice", Password: "alice", Role: "admin"}}',
      "INSERT INTO tokens (token, user_id) VALUES ('" + HEX64 + "', 1);",
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'Placeholders of templates, constants named in docs, Key Vault names, variable scopes, localised labels',
    path: 'config/parameters.yml.dist',
    text: [
      'secret: ThisTokenIsNotSoSecretChangeIt',
      "db_password: '@@DB_PASSWORD@@'",
      'aws_secret_access_key: "%%AWS_SECRET_ACCESS_KEY%%"',
      'app_secret: APPSECRET',
      'jwt_secret: test-secret-key-32-bytes-long!!!',
      'api_secret: testsecret',
      'signing_key: Jwt--SigningKey',
      'token: "%{literal(\'%\')}{not_a_var}"',
    ].join('\n'),
    secrets: [],
  },
  {
    name: "A language's Android resources",
    path: 'app/src/main/res/values-fi/strings.xml',
    text: [
      '<string name="password">Salasana</string>',
      '<string name="secret_key">Salainen-avain</string>',
      '<string name="access_token">Käyttöoikeustunnus</string>',
    ].join('\n'),
    secrets: [],
  },
  {
    name: "A PowerShell variable's scope and an ArgoCD repository URL",
    path: 'scripts/setup.ps1',
    text: '$Token = [Environment]::GetEnvironmentVariable("GITHUB_TOKEN", "User")',
    secrets: [],
  },
  {
    name: 'Fernet ciphertexts, rows naming where secrets are kept, access key ids, Kubernetes Secret names, samples',
    path: 'config/secure.yaml',
    text: [
      `db_password: "gAAAAAB${RANDOM}${RANDOM}${B64_KEY.replace('/', '_')}=="`,
      "sql: INSERT INTO credential_sources (credential_name, backend) VALUES ('oss_access_key', 'alicloud-kms');",
      'AccessKey: runner-cache',
      'access-key: rocketmq2',
      'sshKeySecret: airflow-git-ssh',
      'ETL_DB_PASSWORD: pytest',
      'token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.placeholder-signature',
      'password: ' + [...'elpats-yrettab-esroh-tcerroc'].reverse().join(''),
      'secret_key: ' + [...'=kQHVBxJQ2iBvKqCDsFk1NMCeX1BBs5wpxyMiRVyYRPh'].reverse().join(''),
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'References to secrets in stores: bank-vaults, gcloud --secret, a Cloud KMS key name',
    path: 'deploy/env.yaml',
    text: [
      'env:',
      '  - name: AWS_SECRET_ACCESS_KEY',
      '    value: ">>vault:aws/creds/orders#secret_key"',
      'password: ">>vault:database/creds/app#password"',
      'backup: export MYSQL_PWD="$(gcloud secrets versions access latest --secret=mysql-backup-password)"',
      'KMS_KEY: projects/shop-prod/locations/global/keyRings/app/cryptoKeys/pii',
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'A table of secret names in code',
    path: 'src/lib/kms.ts',
    text: [
      'export const SECRET_NAMES = {',
      "  dbPassword: 'orders-db',",
      "  redisPassword: 'orders-redis',",
      '};',
      'SECRET_NAMES = {"db_password": "orders-db"}',
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'Dates under secret-like names, wrong passwords in tests, a test vector, base64 of a placeholder',
    path: 'test/auth.spec.ts',
    text: [
      'const rotated = { passwordMtime: "2024-04-02T10:00:00Z", secret_rotated_at: "2024-04-01T00:00:00+00:00" };',
      "const passwordSetAt = '2024-04-02 10:00:00';",
      "await auth.login('a@b.c', 'wrong');",
      'const body = { email: "t@example.com", password: "not-it" };',
      'const vector = { "password": "passwordPASSWORDpassword", "salt": "saltSALTsaltSALT" };',
    ].join('\n'),
    secrets: [],
  },
  {
    name: "npm's documented Basic credentials, base64 of `isaacs:not my real password`",
    path: 'docs/registry-auth.md',
    text: [
      '```js',
      `  auth: '${Buffer.from('isaacs:not my real password').toString('base64')}',`,
      `  '//basic.auth.only.foo.com:_auth': '${Buffer.from('isaacs:not my real password').toString('base64')}',`,
      '```',
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'A Kubernetes Secret whose data is base64 of a placeholder',
    path: 'k8s/secret-placeholder.yaml',
    text: ['apiVersion: v1', 'kind: Secret', 'data:', '  password: Y2hhbmdlbWU=', '  token: cGFzc3dvcmQ='].join('\n'),
    secrets: [],
  },
  {
    name: "Algolia search-only keys by their names, an Android app's Firebase configuration",
    path: 'src/environments/environment.prod.ts',
    text: ['export const environment = {', `  algolia: { appId: 'LATENCY', searchOnlyApiKey: '${HEX32}' },`, '};'].join(
      '\n',
    ),
    secrets: [],
  },
  {
    name: "An Android app's google-services.json",
    path: 'android/app/google-services.json',
    text: [
      '{',
      '  "client": [{',
      `    "api_key": [{ "current_key": "AIza${'SynmnNsjQH_wZ_idEuQF8gi9Y1Gw0VhlDGk'}" }]`,
      '  }]',
      '}',
    ].join('\n'),
    secrets: [],
  },
  {
    name: "Look-alikes of today's shapes: interpolation, other HMAC calls, Docker secret names, files, key templates",
    path: 'src/mixed.swift',
    text: [
      'let token = Data("\\(user):\\(pass)".utf8).base64EncodedString()',
      'final digest = crypto.hs256("message to sign");',
      'command: ["docker", "service", "create", "--name", "web", "--secret", "site_tls_cert", "nginx"]',
      'cmd = ["docker", "service", "update", "--secret-add", "source=api_key_v2,target=api_key", "web"]',
      'args = ["az", "login", "--service-principal", "--password", "@/run/secrets/sp_password"]',
      'KEYS = { "session:token": "sess:%s", "redis:password:key": "pw:{uid}" }',
      'r.secretCh <- "rotate"',
      'opts = \'{"token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"}\'',
      'filter { mutate { add_field => { "secret" => "%{[fields][secret_name]}" } } }',
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'Settings about a credential: its stage, scope, region, schedule, algorithm, encoding, GPG key ids',
    path: 'infra/variables.tf',
    text: [
      'variable "jwt_secret_stage" {',
      '  description = "Which version of the secret the service reads"',
      '  type        = string',
      '  nullable    = false',
      '  default     = "AWSPREVIOUS"',
      '}',
      'variable "token_scope" {',
      '  default = "read:org"',
      '}',
      'variable "secret_rotation_schedule" { default = "rate(30 days)" }',
      'variable "secret_replica_region" { default = "us-west-2" }',
    ].join('\n'),
    secrets: [],
  },
  {
    name: 'Apache settings about credentials, GPG key fingerprints in images and shells, .NET settings paths',
    path: 'public/.htaccess',
    text: [
      'SetEnv PASSWORD_ALGO argon2id',
      'SetEnv TOKEN_ENCODING base64url',
      'RewriteRule ^ - [E=API_TOKEN:%{HTTP:X-Api-Token}]',
      'ENV GPG_KEY "7169605F62C751356D054A26A821E680E5FA6305"',
      'export PASSWORD_STORE_KEY=0x3AA5C34371567BD2',
      '"ApiKey:HeaderName": "X-Api-Key",',
      '@secret_namespace "app:secrets"',
    ].join('\n'),
    secrets: [],
  },
  {
    name: "systemd's credentials directory specifier is a path",
    path: 'deploy/api.service',
    text: [
      '[Service]',
      'LoadCredential=jwt_secret:/etc/acme/jwt_secret',
      'Environment="JWT_SECRET=%d/jwt_secret"',
    ].join('\n'),
    secrets: [],
  },
  {
    name: "jwt.io's example secret and a secret that says to change it in production",
    path: 'src/auth.js',
    text: [
      "const sample = jwt.sign(payload, 'a-string-secret-at-least-256-bits-long');",
      "const dev = jwt.sign(payload, 'jwt-secret-key-change-in-production');",
      'JWT_SECRET=change_me_in_production',
    ].join('\n'),
    secrets: [],
  },
];
