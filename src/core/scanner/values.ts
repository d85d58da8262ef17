/**
 * Decides whether an assigned value is a real credential or something that only sits where one would: placeholders,
 * environment lookups, references, templates, UI text, hashes. Every false positive here is a reason to turn the
 * scanner off, so this errs towards silence for generic rules (known token formats do not come through here).
 */
import { looksLikeReference } from '../reference';
import { characterClasses, shannonEntropy } from './entropy';

const PLACEHOLDER_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'secret',
  'token',
  'changeme',
  'security', // Nacos' documented server identity value
  'tobemodified',
  'pytest',
  'change_me',
  'change-me',
  'changeit',
  'minioadmin', // MinIO's documented default user and password
  'random', // a setting that asks for a random value (`secret: random`)
  'root:milvus', // Milvus' documented default token (user `root`, password `Milvus`)
  'changethis', // the FastAPI template's
  'randompassword', // Prisma's sample connection string (`johndoe:randompassword@localhost`)
  'example',
  'sample',
  'placeholder',
  'default',
  'none',
  'unused',
  'null',
  'nil',
  'undefined',
  'empty',
  'todo',
  'tbd',
  'fixme',
  'xxx',
  'redacted',
  'hidden',
  'masked',
  'dummy',
  'fake',
  'test',
  'testing',
  'fallback',
  'credential',
  'credentials',
  'secrets',
  'tokens',
  'passwords',
  'keys',
  'foo',
  'bar',
  'foobar',
  'value',
  'string',
  'required',
  'optional',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'secretkey',
  'apikey',
  'api_key',
  'mysecret',
  'mypassword',
  'yourpassword',
  'letmein',
  'hunter2',
  'bearer',
  'basic',
  'your_password',
  'your-password',
  'your_secret',
  'your_token',
  'your_api_key',
  'insert_here',
  'replace_me',
  'notset',
  'not_set',
  'unset',
  'n/a',
  'na',
  'str',
  'text',
  'env',
  'auto',
  '$auto',
  'secure',
  'private',
  'public',
  'admin',
  'root',
  'guest', // RabbitMQ's default account (`guest`/`guest`), which only connects from localhost
  // fetch()'s credentials modes and log levels, which sit under secret-sounding keys
  'same-origin',
  'include',
  'omit',
  'info',
  'warning',
  'error',
  'debug',
  'keyword',
]);

const PLACEHOLDER_PATTERNS: RegExp[] = [
  /^\((?:sensitive|known after apply)(?: value)?\)$/, // Terraform's redaction in a plan's output
  /^\((?:deleted|redacted|hidden|removed|masked|revoked|none|not set|unset)\)$/i, // an export's `(deleted)`
  // `APP_KEY=base64:GENERATE_WITH_php_artisan_key:generate`
  /^(?:base64:)?(?:generate|change|replace)[_ -](?:with|me|this)(?:[\W_]|$)/i,
  /^not[_ -]?(?:configured|set|provided|available)$/i, // `setPassword(pw != null ? pw : "not-configured")`
  /^<[^<>]*>$/, // <password>
  /<(?:your|my|insert|enter|paste)[ _-][^<>]{1,40}>/i, // sk_test_<your key>
  // a part left out: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.<signature>`, `whsec_<NEW_SECRET>`
  /<[a-z]{3,20}(?:[ _-][a-z]{2,20}){0,3}>/i,
  /^[\w-]+\.\*$|^\*\.[\w.-]+$/, // a glob of names (systemd's `ImportCredential=ledger.*`)
  /^\[[^[\]]*\]$/, // [password]
  /^\{[^{}]*\}$/, // {password}
  /\$\{[^}]*\}/, // ${VAR}
  /\{\{[^}]*\}\}/, // {{ var }}
  /\{%.*%\}/, // {% tag %}
  /%\([\w.-]+\)[sd]/, // %(password)s
  /^(%\(|\$\{|\{\{|#\{|\$\(|<%|\{%)/, // the start of a template or interpolation cut short by a delimiter
  /^%[\w.-]+%$/, // %VAR%
  /^\$[A-Za-z_][\w]*$/, // $VAR
  /^(?:pass|env):\$\{?[A-Za-z_]\w*\}?$/, // OpenSSL's `-pass "pass:$PASSPHRASE"`: the variable holds it
  /^[,;)\]}]\s/, // code after a quote the value's parse took for the opening one (`"password =", props[…`)
  /^[A-Z][A-Za-z0-9]*_[A-Za-z][\w-]*__[\w-]{5}$/, // a CSS module's class (`TokenInput_secret__2m65n`)
  /^\$\([^)]*\)$/, // $(command)
  // #{var}, #{ENV['X']}, #{cfg.fetch(:key)}: Ruby, Elixir and CoffeeScript interpolate it, anywhere in the string (not
  // a random value's `#{mhv@_4(x8A}`: an expression, its parentheses closed)
  /#\{\s*[A-Za-z_@$][\w.@$:'"[\]]*(?:\([^()]*\))?\s*\}/,
  /\\\([^)]*\)/, // \(var): Swift interpolates it
  /^[\w.-]{1,40}:(?:%[sd]|\{\w{0,40}\})$/, // a cache key's template: `sess:%s`, `pw:{uid}`
  /^%[-+ 0#]?\d*(?:\.\d+)?[sdqv](?:\\[nrt])*$/, // a printf field alone (`printf '…:_authToken=%s\n' "$NPM_TOKEN"`)
  /^@[./~][\w./-]{1,200}$/, // a file the value is read from: Azure CLI's and curl's `@/run/secrets/sp_password`
  /^(?:@|\?attr\/)(?:string|integer|bool|raw|xml|array)\/[\w.]{1,120}$/, // an Android resource: `@string/facebook_client_token`
  /%env\([\w:.-]{1,100}\)%/, // %env(DATABASE_PASSWORD)%, %env(file:API_KEY_FILE)%: Symfony's environment lookup
  /^@[\w.]+@$/, // @token@
  // __TOKEN__, __ES6-PROMISIFY--CUSTOM-ARGUMENTS__, __SqlPassword__ (a release pipeline's token replacement)
  /^(?:_+[A-Z0-9_-]+_+|__[A-Za-z]+__)$/,
  /^@[A-Z]\w*(?:\.\w+)*\(\w*\)(?:\.\w+)*$/, // @Antiforgery.GetAndStoreTokens(Context).RequestToken: a Razor call
  /^&{1,2}[A-Za-z_]\w*\.?$/, // &&db_password: SQL*Plus substitutes it
  /^(x+|\*+|\.+|-+|#+|0+|•+|·+|●+)$/i,
  /^x{4}[^\sx]{1,4}$/, // CircleCI's masked value: `xxxx` and its last four characters (`xxxx9kLw`)
  // the same dots escaped in a JSON string (a notebook's saved output of a masked prompt: `"\u00b7\u00b7…\n"`)
  /^(?:\\u(?:00b7|2022|25cf|2219|22c5))+(?:\\[nr])*$/i,
  /deadbeef|cafebabe/i, // hex that spells a joke (`deadbeefcafebad`)
  /^(?:\[[A-Z][A-Za-z]*!?\]|[A-Z][A-Za-z]*)!$|^\[[A-Z][A-Za-z]*!?\]$/, // a GraphQL field's type (`accessToken: String!`)
  // text spelled in escapes (`"\x6d\x61\x73\x74…"` is "master secret"); a key's random bytes are not all text
  /^(?:\\x[2-7][0-9a-f]){4,}$/i,
  /^(?:AIza(?:Sy)?|sk_live_|sk_test_|ghp_|xox[bpa]-|SG\.|AKIA|LTAI5?t?|AKID)$/, // a token's prefix alone
  /^[a-z0-9]{2,8}(?:_[a-z0-9]{1,4}){0,2}_$/, // another's (`lsv2_pt_` before `<your-key>`)
  // a date or time (`passwordMtime: "2024-04-02T10:00:00Z"`, `SECRET_ROTATED_AT=2024-04-02`)
  /^\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, // or a month (an API's `2024-04`)
  // the wrong password a test tries (`login(user, 'nope')`, `password = "not-it"`)
  /^(?:wrong|nope|bad|invalid|incorrect|not-?it|bogus)(?:[-_]?(?:pass(?:word)?|secret|token|key))?\d{0,3}$/i,
  /^(?:pass(?:word)?|secret|token|key){2,}$/i, // RFC 6070's `passwordPASSWORDpassword`: a word repeated
  /\*{3,}/, // ***
  /^[(<[{]?(?:hidden|masked|redacted|removed|omitted|filtered|sensitive)[)>\]}]?$/i, // an export's `(hidden)`
  /^\*[A-Z]+(?:\*[A-Z]+)*\*$/, // Windows Setup's mask in its logs and answer files: `*SENSITIVE*DATA*DELETED*`
  /^(your|my|the|enter|insert|put|replace|some|add)[-_ ]?(own[-_ ])?[a-z_-]*$/i, // your-api-key-here
  /^your[-_][a-z0-9_-]*$/i, // your-256-bit-secret (jwt.io's), your_key_2: addressed to the reader
  // !ChangeMe!, jwt-secret-change-in-production (`example`, `dummy` and `redacted` count anywhere: below)
  // (and Kibana's `something_at_least_32_characters`)
  /(^|[-_!.])(here|placeholder|changeme|change[-_]this|change[-_]?(?:me[-_]?)?in[-_]?prod(?:uction)?|sample|fixture|invalid|replace[-_]?me|at[-_]least)([-_!.]|$)/i,
  /^_[a-z]+(?:_[a-z]+)+_$/, // duply's `_backend_password_`: words wrapped in underscores
  /[-_]YOUR[-_][A-Z_]{2,40}$/, // sk_live_YOUR_ACTUAL_KEY
  /example/i, // AKIAIOSFODNN7EXAMPLE, documentation keys
  /\.\.\.|\u2026|\.\.$|redacted|not[-_ ]?(a[-_ ]?)?real|fake|dummy/i, // truncated or redacted samples
  // $VAR, $(command), $2b$… hashes, \$VAR (escaped for a shell inside a string), $$VAR (for Make or Compose), a quoted
  // "$VAR (PowerShell's `"$var`"); not a random value that starts with `$` (a WordPress salt's `$B#eJc@g!…`, a
  // password's `$Pa55!word`)
  /^[\\"']?\$(?:[{(\d$]|[A-Za-z_]\w*(?![\w#!@%^&*|+=?~<>,;`]))/,
  /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/, // ACCESS_TOKEN: a constant's name, not its value
  /^[a-z0-9]{2,10}:[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/, // base64:HIER_EINSETZEN (Laravel's APP_KEY, to be filled in)
  // Words (and short numbers) of which one says the value is for tests: test-token-123, mock_api_key, sk-test,
  // ey_MOCK_TOKEN_FOR_MVP_ONLY, host-api-key-xyz (a random part, like 4eC39HqLyjWD, keeps a value real)
  /^(?=(?:.*[-_. ])?(?:test|testing|mock|mocked|fake|dummy|stub|synthetic|sample|demo|fixture|xyz)(?:[-_. ]|$))(?:[A-Za-z]+|\d{1,6})(?:[-_. ](?:[A-Za-z]+|\d{1,6}))+[!.]{0,4}$/i,
  /^test_?(?:secret|token|key|pass|password|pwd|api_?key)\d{0,4}$/i, // testsecret, test_token1
  // Words that tell the reader what to put there: change-me-to-a-long-random-string, please-change-me, set-me,
  // replace-with-output-of-openssl-rand-base64-48, or where the value is kept instead: set-in-user-secrets,
  // provided-by-vault
  /^(?=(?:.*[-_. ])?(?:(?:change|replace|set|fill)[-_. ]?(?:me|this|it|with)|random[-_. ](?:string|value|secret|key)|output[-_. ]of|(?:set|stored|kept|provided|configured|supplied|injected|loaded)[-_. ](?:in|via|by|from|at))(?:[-_. ]|$))(?:[A-Za-z]+\d{0,4}|\d{1,6})(?:[-_. ](?:[A-Za-z]+\d{0,4}|\d{1,6}))+[!.]{0,4}$/i,
  /^[A-Z]{0,12}(?:SECRET|TOKEN|PASSWORD|PASSWD|APPKEY|APIKEY|KEY)[A-Z]{0,12}$/, // APPSECRET: a constant's name in docs
  /^@@[\w.]{1,80}@@$|^%%[\w.]{1,80}%%$/, // @@DB_PASSWORD@@, %%AWS_SECRET_ACCESS_KEY%%: substitution markers
  // Symfony's ThisTokenIsNotSoSecretChangeIt and its recipes' !ChangeThisMercureHubJWTSecretKey!
  /[a-z](?:ChangeIt|ChangeMe)$|^!Change[A-Z]\w*!$/,
  // The password a tutorial or a test types: TestPassword123!, mypassword, dbpassword, testpass, test123456 (a weak
  // password of one's own, like passW0rd!, stays a finding)
  /^(?:test|new|old|my|your|the|some|db|sql|mysql|pg)?pass(?:word)?\d{0,8}[!.#]?$/i, // also Password1!, sqlpassword
  /^test(?:e|ing)?(?:pass(?:word)?|pwd|user)?\d{0,8}[!.#]?$/i,
  /^[A-Z][A-Za-z]*(?:_[A-Z][A-Za-z]*){1,5}$/, // Firebase_API_Key, Database_URL: a label to replace
  /^Your[A-Z][a-z]+(?:[A-Z0-9][a-z0-9]*){2,12}[!.]*$/, // YourSuperSecretKeyThatIsAtLeast32CharactersLong: a tutorial's
  // A vendor's prefix with nothing or x's after it: sk-xxx, ghp_xxxxx, glpat-, pypi-yours, AIzaSyxxxxx; or words
  // addressed to the reader: ghp_yourTokenHere, xoxb-your-bot-token
  /^[A-Za-z]{2,12}(?:[-_][A-Za-z]{1,8}){0,2}[-_](?:x{3,}|X{3,}|yours?|\.{3})?$|^AIza(?:Sy)?x{3,}$/,
  /^[A-Za-z]{2,12}(?:[-_][A-Za-z]{1,8}){0,2}[-_][Yy]our[A-Za-z_-]+$/,
  /^(?=.*x{3})[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/i, // a UUID's shape with x's: 693a91f6-7xxx-…
  // A BuildKit secret mount: --secret id=npmrc,src=.npmrc names a file or a variable, never the value
  /^id=[\w.-]{1,80}(?:,(?:src|source|env|type|target|required|mode|uid|gid)=\S{0,200})*$/,
  // where to find the value instead: see-1password, ask-ops, in-vault, a password manager's name alone
  /^(?:see|ask|in|from|use)[-_ ](?:1password|vault|lastpass|bitwarden|keeper|keychain|wiki|ops|devops|admin|team|lead|secrets?[-_ ]manager|key[-_ ]?vault|ssm|kms)$|^(?:1password|lastpass|bitwarden|keepass)$/i,
  /^(?:JBSWY3DPEHPK3PXP)+$/, // the TOTP secret of RFC 4226's and Google Authenticator's examples ("Hello!…")
  /^(?:my|your)Strong\(!\)Password$/i, // the SQL Server container's documented sa password
  /\)\((?:[&|!]\(?)?[A-Za-z]{1,30}=/, // an LDAP filter: `*)(objectClass=*`, an injection test's payload
  /^(true|false|null|none|nil)$/i,
  /^urn:[a-z0-9][a-z0-9-]{0,31}:/i, // a URN names something (`urn:ietf:params:oauth:grant-type:jwt-bearer`)
  /^(key|secret|token|password|pass|pw)[_-]?\d{1,6}$/i, // key_1234, password1: sample values
  /^(MY|YOUR)_?[A-Z]{0,12}?(TOKEN|KEY|SECRET|PASSWORD|PASS|PWD)_?\d?$/, // MYTOKEN1, YOUR_SECRET_KEY
  /abc[-_]?123/i, // jwt_abc123, abc123xyz: sample values
  // a file system path (not base64 that starts with a slash: a run of mixed case and digits names no file)
  /^(?!.*(?:^|[/\\])(?=[^/\\]*[A-Z])(?=[^/\\]*[a-z])(?=[^/\\]*\d)[A-Za-z0-9]{12,}(?:[/\\]|$))(\/|~\/|\.{1,2}\/|[A-Za-z]:\\)[\w.@ -]+([/\\][\w.@ -]+)+[/\\]?$/,
  /^[v^~<>=]{0,2}\d+(\.\d+){1,3}([-+][\w.-]{1,40})?$/, // a version: "@alicloud/credentials": "2.4.7"
  // Words that say the value is not for real use: `insecure-dev-only`, `local_dev_secret`
  /^(?=.*(?:^|[-_])(?:insecure|unsafe|dev|development|local|testing|notsecret|not[-_]secret)(?:[-_]|$))[a-z]+(?:[-_][a-z]+)+$/i,
  // a dotted id: command ids, i18n keys, error codes (`Forbidden.AccessKey`); not letters mixed at random, whose
  // capitals stand alone after small letters (`VWrcI_SUkomdD.FTeMm`, where ids have `posY` once at most)
  /^(?!(?:[^\n]*?[a-z][A-Z](?![a-z])){2})[A-Za-z][A-Za-z_-]*(\.[A-Za-z][A-Za-z_-]*)+$/,
  // A name made of credential words: 'unknown-secret', 'emulator-access-key-secret', 'db_password' (ids and labels).
  /^[a-z]+([-_][a-z]+)*[-_](secret|password|passwd|key|token|credentials?)$|^(secret|password|api|access|auth|token)([-_][a-z]+)+$/,
  /^[A-Za-z][a-z]+([A-Z][a-z]+)*(Key|Secret|Token|Password|Credentials?)$/, // camelCase and PascalCase: 'invalidAccessKey', 'SuperSecretToken'
];

/** An htpasswd line: a user and their password's hash. */
const HTPASSWD_LINE = /^[\w.@-]{1,64}:\$(?:2[abxy]|apr1|[156]|argon2(?:id|i|d))\$/;

/** A public key or a certificate in PEM. */
export const PUBLIC_PEM = /^\s*-----BEGIN (?:CERTIFICATE|PUBLIC KEY|X509 CRL|TRUSTED CERTIFICATE)-----/;
/** A SQL statement. */
export const SQL_STATEMENT = /^(?:SELECT|UPDATE|INSERT|DELETE)\s.{1,900}\b(?:FROM|SET|INTO|WHERE)\s/;
/** Code that produces the value at run time (a lookup, a call, a variable), not a literal. */
const INDIRECTIONS: RegExp[] = [
  /process\.env/,
  /os\.environ/,
  /os\.getenv/i,
  /getenv\s*\(/i,
  /System\.getenv/,
  /Environment\.GetEnvironmentVariable/,
  /\bENV\[/,
  /\$env:/i,
  /\bsecretKeyRef\b/,
  /\bvalueFrom\b/,
  /^!vault\b/,
  /^@(?:format|jinja) /, // dynaconf's lazy values: `@format {env[DB_PASSWORD]}`
  /^_env:[A-Z_][A-Z0-9_]*(?::|$)/, // Yesod's settings: `_env:PGPASS:default`, the variable first
  /^vault:/,
  /^op:\/\//,
  /^ENC\(/, // Jasypt
  /^ENC\[[A-Z0-9_]+,data:/, // sops
  /^\{cipher\}/, // Spring Cloud Config
  /^\{(?:AES|AES128|AES256|3DES)\}/i, // WebLogic, Liberty: encrypted with the server's key ({xor} is only encoding)
  /^vault:v\d+:/, // Vault transit
  /^>>vault:/, // bank-vaults' dynamic secret reference (`>>vault:database/creds/app#password`)
  /^AWS(?:CURRENT|PREVIOUS|PENDING)$/, // a Secrets Manager version stage
  /^ACS(?:Current|Previous|Pending)$/, // a KMS secret's version stage
  /^AES:[A-Za-z0-9+/]{16,}={0,2}:[A-Za-z0-9+/]{16,}={0,2}$/, // GoCD's ciphertext: AES:<iv>:<data>
  /^projects\/[^/]+\/locations\/[^/]+\/keyRings\//, // a Cloud KMS key's resource name
  /^gAAAAA[A-Za-z0-9_-]{60,}={0,2}$/, // a Fernet token (Python's cryptography): ciphertext
  /^ ?\+ ?[\w.$[\]()]{1,80} ?\+ ?$/, // `"password=" + pgPassword + " dbname="`, read between the quotes
  /^(?:[a-z]{2,10}:)?AQICAH[A-Za-z0-9+/]{40}/, // an AWS KMS ciphertext blob (also after a scheme: `kms:AQICAH…`)
  // a CI cache's key: `${{ runner.os }}-buildx-${{ github.sha }}`, `node-cache-${{ runner.os }}-x64-npm-<sha256>`,
  // `node-modules-Linux-<sha256>` as a job's log prints it
  /^(?:[\w.-]{1,60}-)?(?:Linux|Windows|macOS)-(?:[\w.-]{1,60}-)?[0-9a-f]{40,64}$/,
  /^Ag[A-D][A-Za-z0-9+/]{300,}={0,2}$/, // a SealedSecret's value, encrypted to its controller's key (also outside its manifest)
  /^ENC\[(?:PKCS7|GPG),/, // hiera-eyaml
  /^EJ\[\d:[A-Za-z0-9+/=]{20,}:/, // EJSON (Shopify's ejson): boxed for the key pair named in `_public_key`
  /^!\[[A-Za-z0-9+/]{8,}={0,2}\]$/, // MuleSoft secure properties
  /^encrypted:[A-Za-z0-9+/]{20,}={0,2}$/, // dotenvx
  /^A35C[0-9A-F]{30,}$/, // a password WinSCP stored (WinSCP.ini), obfuscated with its host and user
  /^ext:[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/, // wpa_supplicant's password kept by an external store (`psk=ext:office_psk`)
  /^cipher-(?:kms-|aes-\d{3}-)(?:aes-\d{3}-)?[A-Za-z0-9+/]{16}/, // Nacos's encrypted configuration (`cipher-kms-aes-256-…`)
  /^CfDJ8[\w-]{40,}$/, // ASP.NET Core Data Protection
  /^\d{1,2}:[23]:[A-Za-z0-9+/]{16,}={0,2}$/, // Magento's encrypted setting: key version, cipher version, data
  /^AQAAANCMnd8BFdERjHoAwE\/Cl\+sB[A-Za-z0-9+/]{40,}={0,2}$/, // a Windows DPAPI blob (NuGet's encrypted `Password`)
  /^\d\.[A-Za-z0-9+/]{16,}={0,2}\|[A-Za-z0-9+/]{16,}={0,2}\|[A-Za-z0-9+/]{16,}={0,2}$/, // a Bitwarden cipher string (type.iv|data|mac)
  /^[0-9a-f]{16,128}\$\d{1,7}\$[0-9a-f]{32,128}$/, // Tomcat's stored credentials: salt$iterations$digest
  /%\{[\w:'"().%[\] -]{1,200}\}/, // Hiera and Logstash interpolation: %{lookup('vault_api_token')}, %{[fields][name]}
  /^env\([\w.-]{1,100}\)$/, // Supabase's config.toml: env(SUPABASE_AUTH_JWT_SECRET)
  /^\+secrets\//, // Earthly's secret reference: `RUN --secret token=+secrets/token`
  /^%[\w.]{1,80}%\//, // a Symfony parameter's path: %kernel.project_dir%/config/jwt/private.pem
  /^%[dDhSCLtTE]\/[\w./-]{1,200}$/, // a systemd specifier's path: %d/jwt_secret (the unit's credentials directory)
  /^[a-z][\w-]{1,40}:\/[a-z0-9_.-]{1,80}(?:\/[\w.-]{1,80}){1,10}$/, // systemd's `LoadCredential=jwt_secret:/etc/app/jwt_secret`: a name and a file
  /^\{(bcrypt|pbkdf2|scrypt|sha|ssha|sha256|sha-256|sha512|md4|md5|argon2|ldap|MD5|SHA)(?:@[\w.]{1,40})?\}/i, // Spring/LDAP password hashes, `{pbkdf2@SpringSecurity_v5_8}` ({noop} is plain text)
  /^@[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/, // a Vercel secret's name (`now.json`: `"API_SECRET": "@acme-api-secret"`)
  /^@(?:Model|ViewBag|ViewData|TempData|Html|Url)\./, // Razor: `value="@Model.Password"`, the page's model
  /^(pbkdf2_sha\d+|argon2(id|i|d)?|bcrypt(_sha256)?|scrypt|sha1|md5)\$/, // Django and passlib hashes
  HTPASSWD_LINE, // an htpasswd line: a user and their password's hash
  /^configcat-sdk-1\/[\w-]{22}\/[\w-]{22}$/, // a ConfigCat SDK key: made for client apps, it reads flags only
  /^md5[0-9a-f]{32}$|^SCRAM-SHA-256\$/, // PostgreSQL password hashes
  /^sha256\|[A-Za-z0-9+/]{43}=$/, // Redshift's (`PASSWORD 'sha256|…'`)
  /^\*[0-9A-F]{40}$/, // a MySQL password hash (IDENTIFIED BY PASSWORD '*…')
  /^(sha(1|224|256|384|512)|md5|argon2(id|i|d)?|pbkdf2[\w-]*|bcrypt|scrypt):[0-9a-f$]/i, // a digest (Jupyter's `sha1:salt:hash`, `sha256:…`)
  // A secret store's reference, `scheme:path` (`awssm:prod/db`, `file:/etc/app/secret.txt`)
  /^[a-z][a-z0-9+-]{1,20}:\/{0,2}[a-z0-9][\w.-]*(\/[\w.-]+)+(#[\w./-]+)?$/,
  /^(?:[a-z]{2,10}:)?arn:aws:/, // also after a loader's scheme (`sm:arn:aws:secretsmanager:…`)
  /^projects\/[^/]+\/secrets\//,
  /^@Microsoft\.KeyVault/,
  /^\$\{\{\s*secrets\./,
  /^sm:\/\//,
  /^[a-z][\w-]{0,254}:(?:latest|\d{1,6})$/, // a Secret Manager secret and version (`--set-secrets=DB_PASSWORD=db-pass:latest`)
  /^[a-z][\w-]*(?:\/[\w.-]+)+:[\w-]+(?::[\w-]*){0,2}$/, // a Secrets Manager ID and JSON key (CodeBuild's `prod/db:password`)
  // a secret's name in a store, with the six random characters Secrets Manager appends (`prod/db-password-x7Kq9z`)
  /^(?=(?:[a-z0-9]+[-_/])*(?:password|passwd|token|secrets?|keys?|apikey|creds|credentials|prod|production|staging|dev)[-_/])(?:[a-z0-9]+[-_/]){2,10}[A-Za-z0-9]{6}$/,
];

/**
 * A token made to be public: Supabase's anon key (`"role":"anon"`) ships in every browser bundle, and row-level
 * security, not the key, guards the data. Its sibling `service_role` key is a secret.
 */
export function isPublicJwt(token: string): boolean {
  const payload = Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('latin1');
  return /"role"\s*:\s*"anon"/.test(payload);
}

/**
 * Claims of the samples docs and tests re-sign at will: jwt.io's (`{"sub":"1234567890","name":"John Doe","iat":
 * 1516239022}`, its issue time kept under other claims) and golang-jwt's (`{"foo":"bar","nbf":1444478400}`).
 */
const EXAMPLE_JWT_CLAIMS = /"iat":\s*1516239022\b|"nbf":\s*1444478400\b|^\{"foo":\s*"bar"/;

/**
 * A sample token: the claims of docs' samples, or a signature that is a word in base64 (`c2lnbmF0dXJl`, "signature").
 * (A token signed with a test's secret such as `secret` is still reported: labelled corpora count those as leaks.)
 */
export function isExampleJwt(token: string): boolean {
  const [, payload = '', signature = ''] = token.split('.');
  return (
    EXAMPLE_JWT_CLAIMS.test(Buffer.from(payload, 'base64url').toString('latin1')) ||
    /^[A-Za-z]{2,32}$/.test(Buffer.from(signature, 'base64url').toString('latin1'))
  );
}

/** A token whose `exp` claim has passed: it grants nothing now (a sample kept in docs, mocks and fixtures). */
export function isExpiredJwt(token: string, now = Date.now()): boolean {
  const payload = Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('latin1');
  const exp = /"exp"\s*:\s*(\d{1,12})\b/.exec(payload)?.[1];
  return exp !== undefined && Number(exp) * 1000 < now;
}

/** Values that are no credential whatever names them. */
const NOT_CREDENTIALS: RegExp[] = [
  /^![A-Za-z0-9]{40}$/, // Django's unusable password: `!` and forty random characters, which no password hashes to
  /^d-[0-9a-f]{32}$/, // a SendGrid dynamic template's id
  /^[A-Za-z][\w.-]*(?::[\w.-]+)+:$/, // a cache key's prefix (`auth:access_token:`)
  /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)+\.v\d{1,3}$/, // an event's or a topic's name (`iam.secret-rotated.v1`)
  /\(\?[:=!<]|\\[wWdDsS][*+?{]|\[\^\\/, // a regular expression: `[^\W\d]\w*`, `(?:(?=\))|%s)`
  // a token's pattern: `ghp_[0-9A-Za-z]{36}` (a class of ranges: a WordPress salt's `k[u65Bv35mL]+^Q` is none)
  /\[[^\]\s-]{0,40}\w-\w[^\]\s]{0,40}\](?:\{\d{1,4}(?:,\d{0,4})?\}|[+*])/,
  // a public key in DER (SubjectPublicKeyInfo) as base64: EC P-256 and P-384, RSA 1024 to 4096, Ed25519; or in
  // OpenSSH's form (`ssh_authorized_key { key => 'AAAAC3NzaC1lZDI1NTE5…' }`) or IPsec's (`leftrsasigkey=0sAwEAA…`)
  /^(?:0sAwEAA|AAAAC3NzaC1lZDI1NTE5|AAAAB3NzaC1yc2E|AAAAE2VjZHNhLXNoYTItbmlzdHA|MFkwEwYHKoZIzj0CAQYI|MHYwEAYHKoZIzj0CAQYFK4EEACID|MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ|MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA|MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA|MCowBQYDK2VwAyEA)/,
  // Stripe's object IDs (an account, customer, payment method…), which its API names in every response
  /^(?:acct|cus|pm|pi|ch|sub|prod|price|evt|in|txn|po|seti|src)_[A-Za-z0-9]{14,32}$/,
  /^\/dev\/null(?:\s+\w+=\S+)*$/, // Ansible's `lookup('password', '/dev/null length=24')`: a password generated each run
  /^[\w.-]{1,64}:\/[\w./-]+$/, // systemd's `LoadCredential=tls.key:/etc/app/tls.key`: a credential's name and the file it is read from
  /^-?anonymous(?:@[\w.-]*)?$/i, // anonymous FTP (whose password is by custom an email address)
  /^[\w.+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,12}$/, // an email address: a login, not its key
  /^01[0-9A-HJKMNP-TV-Z]{24}$/, // a ULID (a token's `jti`, a request's id): a time and randomness, an id
  /^0x[0-9a-fA-F]{40}$/, // an Ethereum address (a private key has 64 hex digits)
  /^(?:required|nullable|sometimes|bail)(?:\|[a-z_]+(?::[\w,.]*)?)+$/, // Laravel's validation rules: `'required|min:8'`
  /^(?:pi|seti)_\w{1,40}_secret_\w{1,40}$/, // a Stripe PaymentIntent's client secret, handed to the browser
  /^(?:tok|pm)_(?:card_)?(?:visa|mastercard|amex|discover|jcb|unionpay)(?:_[a-z][A-Za-z]{1,40}){0,2}$/, // Stripe's test cards (`tok_visa`)
  /^[A-Z0-9]{16,128}(?:\/|%2F)\d{8}(?:\/|%2F)/, // SigV4's credential scope (`X-Amz-Credential=AKIA…/20240311/…`)
  /^\d{1,9}\/(?:s|sec|second|m|min|minute|h|hour|d|day)$/, // a rate limit (Django REST framework's `"token_refresh": "10/min"`)
  PUBLIC_PEM, // a public key or a certificate (`verify(token, "-----BEGIN PUBLIC KEY-----…")`)
  SQL_STATEMENT, // a query's constant (`qUpdatePwd`): matchers/assignments.ts reads the assignments inside it
  /^AC[0-9a-f]{32}$/, // a Twilio account's SID: it names the account, its auth token is the secret
  /^NRJS-[0-9a-f]{19}$/, // New Relic's browser agent key, served in every page it watches
  /^(?:windowsPE|offlineServicing|generalize|specialize|auditSystem|auditUser|oobeSystem)$/, // a Windows setup pass (`<settings pass="specialize">`)
  /^X-[A-Za-z]+(?:[-_][A-Za-z]+)*$/, // a header's name: `ApiKey = "X-Api-Key"`, `"X-CMC_PRO_API_KEY"`
  /^(?:[A-Za-z]+-){1,5}(?:Key|KEY|Token|TOKEN|Secret|SECRET|Auth|AUTH|Signature|SIGNATURE)$/, // another: `DD-APPLICATION-KEY`
  /^(?:[A-Z][a-z]*)+\d{0,3}(?:--(?:[A-Z][a-z]*)+\d{0,3})+$/, // an Azure Key Vault secret's name (`--` for `:`): Jwt--SigningKey
  /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+$/, // the same in small letters: billing--db-password
  // code joined to a string: `"/token:"+r.zendesk.apiToken),`, or between two (`"&secret="+a.key).then(…+"`)
  /^\+\s?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\)?[,;]?$|\).*\+$)/,
  /^(?:User|Machine|Process)$/, // an environment variable's scope in .NET and PowerShell
  /^\{[A-Za-z_][\w.]{0,60}\}(?:\\[nrt])*$/, // a format's field (`f"DJANGO_SECRET_KEY={secret}\n"`)
  /^[a-z][a-z0-9]{1,20}\(\d{1,4}\)$/, // a value's format as documents describe it: `base64(16)`, `hex(32)`
  // an uncompressed P-256 public key in base64url (65 bytes from 0x04): a VAPID public key, `applicationServerKey`
  /^B[A-Za-z0-9_-]{86}$/,
  // a secret store's reference: Vector's `SECRET[backend.key]`, Telegraf's `@{store:key}`
  /^SECRET\[[\w.-]{1,100}\]$|^@\{[\w.-]{1,60}:[\w.-]{1,100}\}$/,
  /^ding[a-z0-9]{16,20}$/, // a DingTalk app's key, its client id (the app secret beside it is the secret)
  /^MASK-[A-Za-z0-9+/=.]{6,}/, // a WildFly/PicketBox masked password (ciphertext, with its salt and rounds)
  // references a CI fills in: TeamCity's `credentialsJSON:<id>` and `%vault:…%`, Concourse's `((var))`
  /^credentialsJSON:[0-9a-f-]{36}$|^%[\w.:/!-]{1,200}%$|^\(\([\w./:-]{1,200}\)\)$/,
  /^(?:0x)?[0-9A-F]{16}$|^[0-9A-F]{40}$/, // a GPG key's ID or fingerprint (`signingkey = 9BE8…`), upper-case hex
  // an SSH public key or a known_hosts line, or its type alone (`signingkey = ssh-ed25519 AAAA…`: a bare value ends
  // at the space)
  /^(?:[\w.,[\]:-]{1,200} )?(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d{3}|sk-ssh-ed25519@openssh\.com)(?: AAAA|$)/,
  // a key's name of two words or more as a document mentions it: `client-key-data:`, `npmAuthToken:` (not `browser:`,
  // a user name with an empty password in Basic authentication)
  /^[A-Za-z][a-z0-9]*(?:[-_.][A-Za-z][a-z0-9]*|[A-Z][a-z0-9]*)+:$/,
  // PubNub's publish and subscribe keys, which every client ships (its `sec-c-…` secret key is the secret)
  /^(?:pub|sub)-c-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /^[A-Z][A-Za-z]+(?::[A-Z][A-Za-z]+)+$/, // a .NET configuration key: `ApiKeyConfigKey = "Authentication:ApiKey"`
  // a list of names (Azure Key Vault's `SecretsFilter: 'DbPassword,JwtSigningKey'`)
  /^(?:[A-Z]?[a-z]+(?:[A-Z][a-z]+)*|[a-z]+(?:[_-][a-z]+)*)(?:\s?,\s?(?:[A-Z]?[a-z]+(?:[A-Z][a-z]+)*|[a-z]+(?:[_-][a-z]+)*)){1,30}$/,
  /^pk\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/, // a Mapbox public token (`pk.`; secret ones are `sk.`)
  /^phc_[A-Za-z0-9]{30,60}$/, // a PostHog project key, which its browser snippet carries
  /^#[0-9a-fA-F]{3,8}$/, // a colour (a syntax theme's `Token: "#f8f8f2"`)
  /^[a-z]{2,3}_[A-Z]{2}(?:\.[\w-]{1,20})?(?:@\w{1,20})?$/, // a locale: `'sk_sk': 'sk_SK.ISO8859-2'`
  /^pub[0-9a-f]{32}$/, // a Datadog client token (browser logs and RUM)
  /^(?:live|test)_[A-Z0-9]{32}$/, // an Adyen client key, which the checkout page carries
  /^(?:G|GTM|AW|DC)-[A-Z0-9]{6,12}$|^UA-\d{4,10}-\d{1,4}$/, // a Google Analytics, Tag Manager or Ads tag's public ID
  /^[^@\s/]{1,64}@[\w.-]{1,253}\/token$/, // Zendesk's API user (`agent@example.com/token`): the token is beside it
  /^(?:wcFMA|wV4D|hQEMA|hQIMA)[A-Za-z0-9+/]{60,}={0,2}$/, // an OpenPGP message in base64: Renovate's `encrypted` values
  // a Stripe PaymentIntent's or SetupIntent's client secret, which Stripe hands the checkout page to confirm it with
  /^(?:pi|seti)_[A-Za-z0-9]{24}_secret_[A-Za-z0-9]{20,40}$/,
  /^__(?:Host|Secure)-[\w.-]{1,80}$/, // a cookie's name, with the prefix browsers enforce: `sessionCookie: "__Host-sid"`
  /^[a-z][a-z0-9]*(?:_[A-Za-z0-9]+){1,6}__[a-z0-9]{5,9}$/, // a class name vanilla-extract compiled: `button_tone_secret__mozevn2`
  // a dependency's version range, as lock files and manifests name it: yarn's `jsonwebtoken: "npm:^9.0.0"`
  /^(?:(?:npm:(?:@?[\w.-]+(?:\/[\w.-]+)?@)?|workspace:)[~^=<>]{0,2}|[~^]|[<>]=?)v?\d{1,6}(?:\.(?:\d{1,6}|[x*])){0,2}(?:-[\w.]{1,40})?$|^workspace:[~^*]$/,
];

/**
 * The example credentials of RFC 5849 (OAuth 1.0), RFC 6749 and 6750 (OAuth 2.0) and OpenID Connect, copied into
 * countless docstrings, tests and samples.
 */
const STANDARD_EXAMPLES = new Set([
  // RFC 7515's HMAC key, RFC 7517's AES key and EC private key (JSON Web Keys), in every JOSE library's tests
  'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
  'GawgguFyGrWKav7AX4VKUg',
  'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
  'dpf43f3p2l4k3l03',
  'kd94hf93k423kf44',
  'hh5s93j4hdidpola',
  'hdk48Djdsa',
  'nnch734d00sl2jdk',
  'pfkkdhi9sl3r4s00',
  'ad180jjd733klru7',
  'kllo9940pd9333jh',
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  'czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3', // RFC 6749's client s6BhdRkqt3 and its secret
  '7Fjfp0ZBr1KtDRbnfVdmIw',
  'D1fficultP%40ssw0rd', // MongoDB's manual, its connection string examples
  'D1fficultP@ssw0rd',
  'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', // RFC 6238's TOTP test secret, "12345678901234567890" in base32
  'GEZDGNBVGY3TQOJQ',
  'gX1fBat3bV',
  'SplxlOBeZQQYbYS6WxSbIA',
  // RFC 7748's X25519 example (Alice's and Bob's private keys, their shared secret), the Fernet spec's test secret and
  // RFC 7914's scrypt test password: the test vectors of every implementation
  '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
  '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb',
  '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
  'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=',
  'pleaseletmein',
  '5a6967426565416c6c69616e63653039', // Zigbee's default Trust Center link key, "ZigBeeAlliance09" in hex
  'ZigBeeAlliance09',
  // RFC 8032's Ed25519 test secret keys (tests 1 to 3), NIST SP 800-38A's AES-128, -192 and -256 keys: the known
  // answers of every implementation's tests
  '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
  'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', // the same key as RFC 8037's JSON Web Key (`"d"`)
  '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
  'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
  '2b7e151628aed2a6abf7158809cf4f3c',
  '8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b',
  '603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4',
  'mF_9.B5f-4.1JqM',
  'h480djs93hd8',
  'SlAV32hkKG',
  '8xLOxBtZp8',
  // Vendors' documentation (Stripe's API reference, GitHub's REST docs, jwt.io's debugger) and the fixed keys of local
  // emulators (Azurite's devstoreaccount1, the Cosmos DB emulator), written backwards so that
  // the packaged extension holds nothing a secret scanner (vsce's own, at packaging) takes for a token.
  ...[
    'cd7pdz1TtjraDWjyLqH93Ce4_tset_ks',
    '2Qflo4HgWlH2IiBvOJkikoQB_tset_ks',
    'ds4x1EfD326UvZJhA9meHP62_tset_ks',
    'xj7IhpTiN45qDEdvuaQMooYT_tset_kp',
    'a4B871eA743838c0177E2196c292F24e7C61_phg',
    'sTWJneGoTyeKterceS', // the Auth0 Spring tutorial's constant
    'gnol-stib-652-tsael-ta-terces-gnirts-a',
    '=kQHVBxJQ2iBvKqCDsFk1NMCeX1BBs5wpxyMiRVyYRPh', // Rocket's documentation's secret_key
    'elpats-yrettab-esroh-tcerroc', // xkcd's passphrase, every API's example password
    'F2P34AQQPS768QU3MA3Q', // MinIO's public playground (play.min.io), its access key
    'GT3YYK1maZbLIfintikew68JB7uRwslSetft+fuz', // and its secret key
    '==wGMGoskeBHBK/rtOTPFZS1K/qt6I4zCrEVU2qFusFI6ZRSu05TFzUO1JXDCltEmlLPJwUqlFqcONx20Mdv8ybE',
    '==wJ/wIX76yQGacEsMyqnZIbMPyGGm8b4DboqTVuDn9Qn2ED5UDQ4+MLHEWIJDRV03vgC7A8N0bo+R/5fjDy6y2C',
    'c5wssQda_VJy6kOP63fJeMpwf4TQ2FKKeMSJRwxKlfS.QfyIDM5MjM2ETNxojI0FWaiwiIl9GRg4GavpkI6ISZtFmbiwiIwkDO3YTN0MjMxIiOiIWdzJye.9JCVXpkI6ICc5RnIsIiN1IzUIJiOicGbhJye',
    '7e3d8e88b36fc6aac4f0f6f9907f39b3659a7b661818c6552ac6aaf490e52d90', // FastAPI's OAuth2 tutorial's SECRET_KEY
    '/]cex\\n\\z8Q4F"L2y#5_', // Flask's quickstart's secret_key (its escapes as written)
    '5utc3r1d', // Directus' docker-compose example's admin password
    'mMsPohOOpz9bITwcY2WS', // Grafana's default secret_key (its defaults.ini)
    // Hardhat's and Anvil's first development accounts, printed by `npx hardhat node` and in every tutorial
    '08ff2f4fb7d487eacfe5debc874bcab449ff832d4b6a4ab63e71a93ceb4790ca',
    'd09687b6b3064f2148a7c88ead68e9cd9835490f6694400a5a79f899e5996c95',
    'a563badc408a9bf3cf078ac86e2c7636071f1be30138f80949b4a1afa1114ed5',
  ].map((backwards) => [...backwards].reverse().join('')),
]);

/** An example credential from a standard or a vendor's documentation, copied verbatim into code and tests. */
export function isDocumentedExample(value: string): boolean {
  return STANDARD_EXAMPLES.has(value) || (value.startsWith('0x') && STANDARD_EXAMPLES.has(value.slice(2)));
}

/** A KMS reference (`kms://…`, `acs:kms:…:secret/…`), well-formed or being typed: the fix, never the problem. */
export function isKmsReference(value: string): boolean {
  if (!/kms:|acs:/i.test(value)) return false; // cheap gate
  // a valid reference starts with one of these heads too: the strict grammar (and its error sentences, which the scan
  // worker's bundle then leaves out) is not needed here
  return /^(kms:\/\/|acs:kms:)/i.test(value) || looksLikeReference(value);
}

export interface ValueCheck {
  /** Minimum length (generic passwords are allowed to be short-ish). */
  minLength: number;
  /** Minimum Shannon entropy, for weak context (a key name that only says "key"). */
  minEntropy?: number;
  /** Require letters mixed with digits or symbols (weak context). */
  mixed?: boolean;
  /** Words and spaces may be the secret: the value stands where a call takes its signing key or passphrase. */
  passphrase?: boolean;
}

/** How text addressed to the reader starts (`your secret key`, `replace with a random string`). */
const ADDRESSED = /^(?:your|my|the|some|a|an|enter|insert|put|replace|add|change|set|use|generate)\b/i;

/**
 * Filler that documentation and tests put where a token goes: long runs of one character (xxxx, AAAA, ####) and
 * keyboard sequences (123456789, abcdefghij, aBcDeFgHiJ).
 */
export function isFiller(value: string, alphabetRun = 8): boolean {
  // (a format's fixed opening is none: Cloudflare Turnstile's keys start `0x4AAAAAAA`)
  const text = value.replace(/^0x4A{7}/, '');
  // `aaaaaa`, `JZJZJZJZJZJZ`, a word said again and again (`reallyreallyreally…`, PostgREST's sample JWT secret)
  if (/(.)\1{5,}/.test(text) || /(..)\1{5,}/.test(text) || /^([a-z]{3,8})\1{2,}/.test(text)) return true;
  const lower = text.toLowerCase();
  if (
    ['0123456789', '123456789', 'qwertyuiop', 'asdfghjkl', 'zyxwvutsrq', '9876543210'].some((run) =>
      lower.includes(run),
    )
  )
    return true;
  return longestAlphabetRun(lower) >= alphabetRun;
}

/** The longest run of consecutive letters (`klmnopqr`), case-insensitive. */
function longestAlphabetRun(lower: string): number {
  let best = 1;
  let run = 1;
  let previous = -2;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    run = code === previous + 1 && code >= 97 && code <= 122 ? run + 1 : 1;
    if (run > best) best = run;
    previous = code;
  }
  return best;
}

/** Words joined by underscores that name a credential's part: `key_id`, `your_admin_api_secret`. */
const CREDENTIAL_NAME = /^(?:[a-z]+_)*(?:key|secret|id|token|password|pass)(?:_[a-z]+)?$/;

/** What well-formed base64 decodes to (as Latin-1), or undefined for anything else. */
export function decodedBase64(value: string): string | undefined {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]{4,}={0,2}$/.test(value)) return undefined;
  return Buffer.from(value, 'base64').toString('latin1');
}

/** Base64 that decodes to readable words (`ZHVtbXkgdGV4dA==` is "dummy text"): sample data, not key material. */
export function isBase64OfText(value: string): boolean {
  const decoded = value.length >= 12 ? decodedBase64(value) : undefined;
  // also as Basic credentials: npm's documented `_auth` is base64 of `isaacs:not my real password`
  return !!decoded && /^(?:[\w.-]{1,40}:)?[A-Za-z][A-Za-z .,'!?-]+$/.test(decoded) && decoded.includes(' ');
}

/**
 * A small JSON object in base64 that holds no credential: a JWT's header alone (`eyJhbGciOiJIUzI1NiJ9`, which any token
 * of that algorithm starts with), a pagination cursor (`eyJvZmZzZXQiOjB9` is `{"offset":0}`), a state parameter.
 */
function isEncodedData(value: string): boolean {
  if (value.length > 200 || !/^eyJ[A-Za-z0-9_-]+={0,2}$/.test(value)) return false;
  try {
    const data: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
    return (
      typeof (data as { alg?: unknown }).alg === 'string' || !Object.keys(data).some((k) => CREDENTIAL_FIELD.test(k))
    );
  } catch {
    return false;
  }
}
const CREDENTIAL_FIELD = /pass|pw|secret|token|key|auth|cred|sig/i;

/**
 * Base64 of printable text that is no secret as text (a Kubernetes Secret's `Y2hhbmdlbWU=` is "changeme",
 * `eW91ci1hcGkta2V5LWhlcmU=` "your-api-key-here"): judged as that text.
 */
function isBase64OfPlaceholder(value: string): boolean {
  const decoded = value.length <= 88 ? decodedBase64(value) : undefined;
  return !!decoded && decoded.length >= 4 && /^[\x20-\x7e]+$/.test(decoded) && !judge(decoded, { minLength: 4 });
}

/**
 * Alibaba Cloud KMS's `CiphertextBlob`: base64 that opens with the id of the key that encrypted it (`NjRkZGFl…` is
 * `64ddae…`), ciphertext only KMS Decrypt reads.
 */
function isKmsCiphertextBlob(value: string): boolean {
  if (value.length < 64 || !/^[MNOYZ]/.test(value)) return false; // the base64 of a hex digit
  const start = decodedBase64(value.slice(0, 48));
  return !!start && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.test(start);
}

/** A placeholder word (lower case), also numbered as templates number them (`toBeModified1`, `changeme2`). */
function isPlaceholderWord(lower: string): boolean {
  return PLACEHOLDER_WORDS.has(lower) || /^(?:tobemodified|changeme)\d{1,3}$/.test(lower);
}

/**
 * A copy of a string's characters, for keeping in a cache: a name read from a file is a slice of the file's text, and a
 * kept slice keeps the whole text alive.
 */
export function detached(text: string): string {
  return Buffer.from(text).toString();
}

/**
 * Values judged before, by a hash of value and check: logs and generated files repeat the same values line after line
 * (`token=present`), and judging one takes some forty pattern tests. The cache holds hashes only, never a value (nor a
 * slice that would keep its file's text alive). Bounded: cleared when full.
 */
const JUDGED = new Map<number, boolean>();
const MAX_JUDGED = 20_000;
const MAX_JUDGED_LENGTH = 200;

export function isPlausibleSecret(raw: string, check: ValueCheck): boolean {
  if (raw.length > MAX_JUDGED_LENGTH) return judge(raw, check);
  const key = hash53(
    `${check.minLength}|${check.minEntropy ?? ''}|${check.mixed ? 1 : 0}|${check.passphrase ? 1 : 0}|${raw}`,
  );
  let plausible = JUDGED.get(key);
  if (plausible === undefined) {
    plausible = judge(raw, check);
    if (JUDGED.size >= MAX_JUDGED) JUDGED.clear();
    JUDGED.set(key, plausible);
  }
  return plausible;
}

/** A 53-bit hash of a string (cyrb53): two 32-bit multiply-xor lanes, mixed at the end. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function judge(raw: string, check: ValueCheck): boolean {
  // Spring Security's `{noop}` says the rest is the password, in plain text: that is judged
  const value = raw.trim().replace(/^\{noop\}/, '');
  if (value.length < check.minLength || value.length > 1000) return false;
  if (isKmsReference(value) || isKmsCiphertextBlob(value)) return false;
  const lower = value.toLowerCase();
  if (isPlaceholderWord(lower)) return false;
  if (isDocumentedExample(value)) return false;
  if (isBase64OfPlaceholder(value)) return false;
  if (isBase64OfText(value)) return false; // `bm90IG15IHJlYWwgcGFzc3dvcmQ=` is "not my real password"
  if (HTPASSWD_LINE.test(decodedBase64(value) ?? '')) return false; // an ingress's `auth`: an htpasswd file in base64
  if (
    lower.includes(':') &&
    lower
      .split(':')
      .filter(Boolean)
      .every((part) => PLACEHOLDER_WORDS.has(part) || part === 'user' || CREDENTIAL_NAME.test(part))
  )
    return false; // admin:secret, user:password, key_id:key_secret
  if (lower.includes(',') && lower.split(',').every((part) => isPlaceholderWord(part.trim()))) return false; // Strapi's APP_KEYS="toBeModified1,toBeModified2"
  if (PLACEHOLDER_PATTERNS.some((p) => p.test(value)) || isForeignPlaceholder(lower)) return false;
  if (INDIRECTIONS.some((p) => p.test(value)) || NOT_CREDENTIALS.some((p) => p.test(value))) return false;
  if (value.startsWith('eyJ') && (isPublicJwt(value) || isExampleJwt(value) || isEncodedData(value))) return false;
  if (check.passphrase ? ADDRESSED.test(value) && /\s/.test(value) : isProse(value)) return false;
  if (/^(https?|file):\/\/[^:@]*$/i.test(value)) return false; // a URL without credentials
  if (/^[./~]*[\w.-]+\/[\w./-]+\.(pem|key|crt|json|txt|p12|pfx|jks)$/i.test(value)) return false; // a path to a key file
  if (isResourcePath(value)) return false;
  if (isFormatString(value)) return false;
  if (new Set(value).size <= 2 || isFiller(value, 7)) return false; // 'abcdefg' in a sample
  if (check.minEntropy !== undefined && shannonEntropy(value) < check.minEntropy) return false;
  if (check.mixed && characterClasses(value) < 2) return false;
  return true;
}

/** "Your" in the languages placeholders are written in (es, pt, it, fr, de, id, tr). */
const YOUR = new Set([
  'tu',
  'tus',
  'su',
  'sua',
  'seu',
  'votre',
  'ton',
  'il',
  'la',
  'tuo',
  'tua',
  'dein',
  'deine',
  'ihr',
  'kamu',
  'anda',
  'sizin',
  'senin',
]);
/** "Here" and "change (it)" in those languages. */
const HERE_OR_CHANGE = new Set([
  'aqui',
  'ici',
  'qui',
  'hier',
  'disini',
  'burada',
  'cambiar',
  'cambiare',
  'changer',
  'ganti',
  'diganti',
  'andern',
  'ändern',
  'degistir',
  'değiştir',
]);
/** "Password", "secret" and "key" in those languages: a value that is such a word is a label, like `password`. */
const CREDENTIAL_WORDS = new Set([
  'senha',
  'contrasena',
  'contraseña',
  'clave',
  'chiave',
  'cle',
  'clé',
  'secreto',
  'secreta',
  'segreto',
  'segredo',
  'geheim',
  'geheimnis',
  'passwort',
  'kennwort',
  'rahasia',
  'gizli',
  'anahtar',
  'anahtarınız',
  'sifre',
  'şifre',
  'şifreniz',
  'sifreniz',
  'kunci',
  'motdepasse',
]);

/**
 * `tu_secreto_jwt_aqui`, `il_tuo_segreto_molto_sicuro`, `senha-segura`, `gizli_anahtar`: words only, one of which says
 * "your", "here", "change" or names the credential in another language; a placeholder like `your-jwt-secret-here`.
 */
function isForeignPlaceholder(lower: string): boolean {
  const parts = lower.split(/[-_\s]+/).filter(Boolean);
  if (!parts.length || !parts.every((part) => /^\p{L}+$|^\d{1,3}$/u.test(part))) return false;
  return YOUR.has(parts[0]) || parts.some((part) => HERE_OR_CHANGE.has(part) || CREDENTIAL_WORDS.has(part));
}

/** "Enter your password", "Password is required": words and spaces, a label or a message rather than a secret. */
function isProse(value: string): boolean {
  // Text in a script without spaces between words (密码错误), or its \uXXXX escapes in a properties file.
  const foreign = (value.match(/\\u[0-9a-fA-F]{4}|[^\p{ASCII}]/gu) ?? []).length;
  if (foreign >= 2 && foreign * 6 >= value.length) return true;
  if (/^[a-z]{4}(?: [a-z]{4}){3}$/.test(value)) return false; // a Gmail app password: four groups of four letters
  const words = value.split(/\s+/).filter(Boolean);
  // a sentence or a fragment of one, not a credential; but a long random string of every kind of character may hold a
  // space or two (a WordPress salt)
  // words of three letters or more, maybe in brackets: a random value's short runs of letters (`Lm`, `Zp`) are no words
  const wordCount = words.filter((w) => /^[(["']?\p{L}\p{Ll}{2,}[.,:!?]?[)\]"']?[.,:!?]?$/u.test(w)).length;
  if (words.length >= 3 && (wordCount * 2 >= words.length || !(value.length >= 32 && characterClasses(value) >= 4)))
    return true;
  if (words.length >= 2 && wordCount >= words.length - 1) return true;
  return /[.!?:]$/.test(value) && words.length >= 2;
}

/** A format string with two or more fields (`'%s:%s'`, `'{0}:{1}'`, `"%d,%d-%d"`): filled in at run time. */
function isFormatString(value: string): boolean {
  const fields = value.match(/%[-+ 0#]?\d*(?:\.\d+)?[sdfirxvq]|\{\d*\}/g);
  // or a cache key's template: words joined by colons, then one field (`apikey:sha256:%x`)
  return (!!fields && fields.length >= 2) || /^[a-z][\w-]*(?::[\w-]+)*:%[sdxvq]$/i.test(value);
}

/**
 * A path of lower-case words (`prod/orders/db-password`, `/run/secrets/db_password`): the name or location of a secret
 * in a secret store or on disk, which a KMS tool must never flag, not a secret.
 */
export function isResourcePath(value: string): boolean {
  // `#field` picks one field of the secret at that path (Vault's `secret/data/app#password`); a few random letters may
  // end the name, as secret stores suffix theirs (`prod/orders/api-token-Wq7ZpX`, `gw/prod/pg-primary-XHjbmg05zLPk`)
  return /^\/?[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)+(?:-[A-Za-z0-9]{4,20})?\/?(?:#[\w.-]+)?$/.test(
    value,
  );
}

/**
 * Words run together as an identifier, with at most a version or number at the end (`postgresPassword2024`,
 * `jwtSigningKeyV2`, `db_password_v3`): a name, such as a Kubernetes Secret's key, not a random value.
 */
export function isWordyIdentifier(value: string): boolean {
  return (
    /^[a-z]{2,}(?:[A-Z][a-z]{1,})*(?:[A-Z]{2,})?(?:[Vv]?\d{1,4})?$/.test(value) ||
    // `summer_2024`, `onboarding_v2_12`, a migration's `0012_alter_user_first_name_max_length`, .NET's configuration
    // path as an environment variable's name (`ConnectionStrings__Inventory`)
    /^(?:\d{1,6}_)?[a-z]{2,}(?:(?:__|[_.-])[a-z]{2,})*(?:[_.-]?v?\d{1,4}){0,2}$/i.test(value)
  );
}

/** Names of words joined by slashes: `mergeEditor/layout`, `chat/input/editing/sessionToolbar`. */
const CODE_PATH = /^[A-Z]?[a-z]{2,}(?:[A-Z][a-z]{2,})*(?:\/[A-Z]?[a-z]{2,}(?:[A-Z][a-z]{2,})*)+$/;

/**
 * A name made of words, as code uses for constants, enum members, message ids and property names (`passwordBanned`,
 * `RandomPassword`, `continuation_token_missing`, `?NonExpressionParenEnd`): two or more words and no digit.
 */
export function isCodeName(value: string): boolean {
  if (/^[?!@#:.][A-Za-z]+$/.test(value)) return true; // `?JSX`: a marker, not a word
  if (value.includes('/')) return CODE_PATH.test(value); // `scm/resourceFolder/context`: a menu id, storage key or route
  if (/^_{1,2}[A-Z][A-Za-z]{2,}$/.test(value)) return true; // `_RSAPrivateKey`: a private class, named in a type hint
  const name = value.replace(/^[?!@#:._$]|^[a-z]{2,12}:/, ''); // `msal:acquireTokenStart`, `_getScratchCanvas`
  return (
    // `apiKeyHeader`, `ApiKeyHeader`, `AWSSecretKey` (an acronym first)
    /^(?:[a-z]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+(?:[A-Z][a-z]+)+|[A-Z]{2,5}(?:[A-Z][a-z]+){2,})(?:V\d{1,3})?$/.test(name) ||
    /^[a-z]+(?:_[a-z]+)+$|^[A-Z]+(?:_[A-Z]+)+$/.test(name) ||
    (/^[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*){2,}$/.test(name) &&
      name.split('_').filter((w) => /^[a-z]+$/.test(w)).length >= 2)
  );
}

/** Credentials mix: a digit, or upper and lower case (random tokens do; words and identifiers mostly do not). */
export function hasCredentialMix(value: string): boolean {
  return /[0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)) || isAppPassword(value);
}

/**
 * A word a person typed, maybe in leetspeak and with a number or `!` after it (`short`, `s3cr3t`, `hunter2`), maybe
 * escaped for a URL (`p%40ss`): two to twelve letters once read, too few for a key anything issued.
 */
export function isTypedWord(value: string): boolean {
  const unescaped = value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const word = unleet(unescaped.replace(/\d{0,4}!?$/, '').toLowerCase());
  return /^[a-z]{2,12}$/.test(word);
}

/**
 * Sixteen small letters drawn at random, as Google issues app passwords (`qzvfkhtwpxmrdlbn`, shown in groups of four:
 * `wpri kfqg xpth zipy`): a word or a name of that length has five vowels or more, a random draw three on average.
 */
function isAppPassword(value: string): boolean {
  const letters = /^[a-z]{4}( ?)[a-z]{4}\1[a-z]{4}\1[a-z]{4}$/.test(value) ? value.replace(/ /g, '') : '';
  return letters.length === 16 && (letters.match(/[aeiou]/g)?.length ?? 0) <= 4;
}

/** Identifier-like right-hand sides in code (`password = password`, `token: string`): not a literal. */
export function isIdentifierOrType(value: string): boolean {
  return (
    /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*(\(\))?$/.test(value) ||
    /^(str|string|String|int|bool|boolean|number|Optional\[.*\]|any)$/.test(value)
  );
}

/** Hex digests, UUIDs and integrity hashes: flagged only when the key says it is a secret, never by entropy alone. */
export function isHashLike(value: string): boolean {
  return (
    /^[0-9a-f]{32}$|^[0-9a-f]{40}$|^[0-9a-f]{64}$|^[0-9a-f]{128}$/i.test(value) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ||
    /^(sha(1|256|384|512)|md5)[-:]/i.test(value) ||
    // a cache key: a word and a digest (`toolchain-03ac…`, `deps-linux-9f2c…`; WooCommerce's `ck_<hex>` is a key)
    /^[a-z][a-z0-9]{3,30}(?:-[a-z0-9]{1,30}){0,3}-(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value)
  );
}

const USER_PARAMETER = /(?:^|[;\s"'{(,])["']?(?:user(?:name)?|user id|uid)["']?\s*[=:]\s*["']?([^;"'\s,})]+)/i;

/**
 * `Username=postgres;Password=postgres`, `{Username: "alice", Password: "alice"}`: a password that repeats its user on
 * the same line (a local default, a test's account).
 */
export function repeatsUser(line: string, password: string): boolean {
  return USER_PARAMETER.exec(line)?.[1] === password;
}

/**
 * Twelve characters or more of printable ASCII with digits and both cases, no brackets, no word of five letters and no
 * credential word however spelled (`Password1!`, `iOS14Keychain`, `e.g.Passw0rd123`, `[A-Za-z0-9]{8,}` are text a
 * message shows; `Gm4xR9qT2wLzP` was made by a machine).
 */
export function looksGenerated(value: string): boolean {
  return (
    value.length >= 12 &&
    GENERATED.test(value) &&
    !/[a-z]{5}/.test(value) &&
    !SPELLED_CREDENTIAL.test(unleet(value.toLowerCase())) &&
    isPlausibleSecret(value, { minLength: 12, minEntropy: 3.3, mixed: true })
  );
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
};
/** Lower-case text with leetspeak's digits and signs read as the letters they stand for (`s3cr3t` → `secret`). */
const unleet = (lower: string): string => lower.replace(/[0134578@$]/g, (c) => LEET[c]);
const SPELLED_CREDENTIAL = /pass|secret|token|admin|welcome|example|sample|letmein|qwerty/;

const GENERATED = /^(?=[^\d]*\d)(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])[!-'*-Z\\^-z|~]+$/;
