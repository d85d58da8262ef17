/**
 * Key and variable names that say "the value is a credential". Strong names (password, secret, token, api key…) flag
 * any plausible literal; weak names (…key, auth, credential) only flag values that look random.
 */
const STRONG =
  /((?:^|[_.-])pw|pass(?:w(?:or)?d)?|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|signing[_.-]?(?:key|material)|jwt[_.-]?key|hmac[_.-]?key|(?:jwt|jws|webhook|signing)[_.-]?hmac|webhook[_.-]?key|(?:api|app)[_.-]?key[_.-]?auth|encryption[_.-]?key|master[_.-]?key|auth[_.-]?key|app[_.-]?key|credentials?|psk|pre[_.-]?shared[_.-]?key|pass[_.-]?phrase|pepper|[_.-]sk|sonar[_.-]login|bindpw|authtok|auth[_.-]?ident|honeycomb[_.-]team|initial[_.-]management|agent[_.-]master|(?:cluster|erlang|node|dist)[_.-]?cookie)$/i;
const STRONG_ANYWHERE =
  /(password|passwd|secret|_token|token_|apikey|api_key|api-key|accesskey|access_key|privatekey|private_key|authtoken|auth_token|bearer)/i;
/**
 * "Password" in Portuguese, German, Spanish, Dutch, Polish, Czech, Finnish, Swedish, Norwegian, Danish, French and
 * Chinese pinyin (`db.kennwort`, `CONTRASENA`, `MI_MA`, `brukerpassord`; test the name in snake case: `db_Senha`). The
 * short words are whole parts of a name (not `RESENHA`, `jemima`, `budget_depasse`).
 */
export const FOREIGN_PASSWORD =
  /(?:(?:^|[_.-])(?:senha|haslo|heslo|mot[_.-]?de[_.-]?passe|mi[_.-]?ma)|kennwort|passwort|contrasena|wachtwoord|salasana|losenord|passord|adgangskode)$/i;
/** `kAppSegmentWriteKey` as `k_App_Segment_Write_Key`: camelCase names read as snake_case names are. */
export const snakeCase = (name: string): string =>
  name.replace(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, '_');
/** Rails' Active Record encryption keys (`config.active_record.encryption.primary_key`), not a table's primary key. */
export const RAILS_ENCRYPTION = /^(?:primary_key|deterministic_key|key_derivation_salt)$/i;
/** WordPress's keys and salts (`NONCE_KEY` is no nonce: it salts the nonces). */
const WORDPRESS = /^(?:secure_auth|logged_in|nonce|auth)_(?:key|salt)$/i;
// A salt or a random seed is not a credential by itself (a secret salt is named so: `SECRET_SALT`).
// `ak` and `sk`: the short names of an access key pair (Baidu's map `ak`, Huawei OBS's `ak`/`sk`); `pat`: a personal
// access token (`GROUP_PAT` is as often a pattern); `encrypt`: Consul's gossip key. An Erlang cluster's cookie is
// strong: whoever knows it runs code on the nodes.
const WEAK =
  /(key|auth|cred|sig|cookie|session|sas|conn(ection)?[_.-]?str(ing)?|(?:^|[_.-])[as]k|(?:^|[_.-])pat|signer|(?:^|[_.-])encrypt)$/i;

/**
 * Names that contain a strong word but are not credentials: settings about them, their metadata, UI fields, and the
 * tokens APIs hand back to page, order or lock their calls (`NextToken`, `ClientToken`, `ChangeToken`), and the
 * nonce Postman sends with every request (`Postman-Token`); the public half of a signing key pair (`VERIFYING_KEY`); a
 * settings table's column of names (`setting_key`); python-social-auth's `SOCIAL_AUTH_<PROVIDER>_KEY`, an OAuth app's
 * client ID (its `…_SECRET` is the secret).
 */
const NOT_A_CREDENTIAL =
  /(_?(file|path|paths|dir|url|uri|endpoint|host|name|names|id|ids|accessor|type|types|length|len|size|count|policy|policies|rule|rules|regex|pattern|format|field|fields|label|hint|prompt|placeholder|message|msg|text|title|desc|description|error|errors|expir(y|es|ation|ed)|ttl|timeout|time|retry|retries|attempts|interval|delay|duration|period|enabled|required|requirements?|min|max|reset|change[ds]|confirm(ation)?|strength|complexity|hash|hashed|hasher|digest|encoder|strategy|version[_.-]?stages?|checksum|algorithm|alg|driver|env|var|variable|stdin|header|provider|store|manager|ref|reference|arn|level|mode|version|location|prefix|suffix|source|kind|class|schema|input|output|visible|visibility|option|options|validator|validation|generator|helper|attribute|attr|service|template|example|sample|mask|masked|fingerprint|filter|check|lifetime|rotation|encryption|scheme|method|namespace|scope|scopes|region|regions|schedule|audience|issuer|realm|algo|encoding|charset|character_set|alphabet|index|indexes)$)|(?:gpg|pgp)_?key$|password_store_(?:signing_)?key$|pub(?:lic)?[_.-]?(?:(?:ed|dsa|rsa)[_.-]?)?(key|token)|(?:^|[^a-z])public[_.-]?api[_.-]?key|verifying[_.-]?key|file[_.-]?key$|^existing|(?:^|[_.-])template|last[_.-]?(?:4|four|eight)$|^hashed(?:[_.-]|(?=[A-Z]))|secret[_.-]?(ref|key[_.-]?ref|provider|store|backend|engine|mount|volume|class)|connection[_.-]?secret[_.-]?key$|publishable|storefront[_.-]?(?:access[_.-]?)?token|[_.-]status$|(?:pusher|reverb)[_.-]?(?:app[_.-]?)?key$|^javascript[_.-]?key$|^pref(?:erence)?s?[_.-]?key[_.-]|^-*encrypt[_.-]?(?:master[_.-]?)?password$|csrf(?!.*secret)|xsrf|authenticity|nonce|captcha(?!.*(?:secret|private))|broker$|(secrets|tokens|passwords|keys)$|tokeni[sz]er|token[_.-]?(type|endpoint|url|uri|expir)|keyboard|keystroke|keyword|concurrency[_.-]?(?:token|stamp)$|security[_.-]?stamp$|primary[_.-]?key|foreign[_.-]?key|sort[_.-]?key|partition[_.-]?key|cache[_.-]?key|idempotency[_.-]?key|(?:incident|dedup(?:lication)?)[_.-]?key$|(?:next|prev|previous|page|continuation|starting|sequence|client[_.-]?request|client|request|idempotency|lifecycle[_.-]?action|sync|resume|change|lock|policy[_.-]?update|work[_.-]?unit|postman)[_.-]?token$|key(s)?[_.-]?(vault|alias|ring|spec|usage|pair)$|^(?:setting|config|option|param|property)[_.-]?key$|(?:^|[_.-])(?:wrapped|encrypted|sealed)[_.-]?(?:data[_.-]?)?keys?$|(?:^|[_.-])(?:image|img|thumb|avatar|sticker)[_.-]?key$|site[_.-]?key$|passport|passwordless|askpass|build[_.-]?key$|bypass(?!.*secret)|compass|pass[_.-]?through|(proxy|fastcgi|uwsgi|scgi|grpc|memcached)_pass$|password_?(reset|policy|changed|expir|hash|salt|confirm|strength|field|input|label|hint|prompt|min|max|length|rules|regex|pattern)|^social_auth_(?!.*(?:secret|private|api))\w+_key$/i;

/**
 * Keys made to ship in every page or app build, named for what they are: analytics projects' client keys (Mixpanel's
 * project token, Amplitude's API key, Segment's write key; their secrets are named `…Secret`), a Shopify app's API key
 * (its client id, which App Bridge sends to the browser; the secret is `SHOPIFY_API_SECRET`) and a key its author
 * calls public in its own name (`publicStorefrontToken`). A framework's `NEXT_PUBLIC_` prefix says only where the value
 * goes: such a name is judged like any other.
 */
const PUBLIC_CLIENT_KEY =
  /(?:^|[_.-])(?:mixpanel[_.-]?(?:project[_.-]?)?token|amplitude[_.-]?(?:api[_.-]?)?key|segment[_.-]?(?:write[_.-]?)?key|shopify[_.-]?api[_.-]?key)$/i;
const PUBLIC_IN_NAME = /^public[A-Z][A-Za-z]{0,30}(?:Key|Token)$/;
/** A name that says its value is not a real one: `FAKE_SLACK_TOKEN`, `dummyPassword`, `MOCK_API_KEY`. */
const NOT_REAL =
  /^(?:(?:fake|dummy|mock|stub|sample|placeholder)(?:[_.-]|[A-Z])|(?:FAKE|DUMMY|MOCK|STUB|SAMPLE|PLACEHOLDER)[_.-]|(?:Fake|Dummy|Mock|Stub|Sample|Placeholder)[A-Z_])/;

/** Flags and accessors about a credential (`isPasswordSet`, `SHOW_TOKEN`, `get_secret`), camelCase or snake_case. */
const VERBS =
  'is|has|show|hide|use|enable|disable|allow|require|should|can|get|set|reset|forgot|forget|validate|check|generate|verify|toggle|create|put|rotate|delete|restore|update|list|describe|fetch|load|save|remove|revoke|issue|mask|redact|unknown|missing|invalid|expired|on|handle|needs|with';
const ABOUT_A_CREDENTIAL = new RegExp(`^(?:${VERBS})(?:[_.-]|[A-Z])`);
const ABOUT_A_CREDENTIAL_SNAKE = new RegExp(`^(?:${VERBS})[_.-]`, 'i');

export type NameStrength = 'strong' | 'weak' | undefined;

/**
 * Parts of a dotted key that make it a message or a UI element (`login.error.password`, `label.password`): keys of
 * message catalogues and properties files that hold text about a credential, never one.
 */
const MESSAGE_PART =
  /^(error|errors|err|msg|msgs|message|messages|label|labels|title|hint|hints|prompt|placeholder|tooltip|text|texts|validation|validations|notice|warning|warn|info|confirm|button|btn|field|fields|desc|description|help|alert|notification|notify|tip|tips|ui|i18n|l10n|page|form|dialog|menu|caption|heading|status|success|fail|failure|invalid|required|mismatch|expired|reset|forgot|change|changed|new|old|repeat|retype|show|hide)$/i;

export function secretNameStrength(name: string): NameStrength {
  // an indexed setting is judged by its name (`db.password.0`, `passwords[0]`)
  const unquoted = name.replace(/^["'$@:]+|["']+$/g, '').replace(/(?:\.\d{1,3}|\[\d{1,3}\])+$/, '');
  // .NET configuration paths are dotted by `:` or `__` (`Jwt:Key`, `Jwt__Key`)
  const parts = unquoted.split(/\.|:|__/).filter(Boolean);
  // Message words count in a dotted key, not before a `:` (`INFO:root:password=…` is a log line's password)
  const dotted = unquoted
    .slice(unquoted.lastIndexOf(':') + 1)
    .split(/\.|__/)
    .filter(Boolean);
  if (dotted.length > 1 && dotted.some((p) => MESSAGE_PART.test(p))) return undefined;
  // A dotted key is judged by its last part: `spring.datasource.password` yes, `kmsSecrets.region` no; a last part
  // that says only `key` or `hmac` by the one before it too (`play.http.secret.key`, `jwt.hmac`).
  const last = parts[parts.length - 1];
  const named = /^(?:key|hmac)$/i.test(last) && parts.length > 1 ? `${parts[parts.length - 2]}_${last}` : last;
  // judged without its version (`KEY_V3`, `tokenV2`), the encoding it is written in (`SIGNING_KEY_B64`, `api_key_hex`),
  // or a numbered network's index (Tasmota's `STA_PASS1`, `STA_PASS2`)
  const bare = named
    ?.replace(/(?:[_.-][vV]|(?<=[a-z])V)\d{1,3}$/, '')
    .replace(/(?<=[a-z])[_.-]?(?:b64|base64|hex|bytes|encoded)$/i, '')
    .replace(/(?<=pass|pwd)\d$/i, '');
  if (!bare || bare.length > 80) return undefined;
  if (/^oldpwd$/i.test(unquoted)) return undefined; // the shell's previous directory
  if (RAILS_ENCRYPTION.test(last) && /encryption$/i.test(parts[parts.length - 2] ?? '')) return 'strong';
  // Strapi's session keys; Drupal's `hash_salt`, which signs one-time login links and form tokens
  if (WORDPRESS.test(bare) || /^(?:app_keys|hash_salt)$/i.test(bare)) return 'strong';
  // OpenWeather calls its API key an `appid`
  if (/^(?:open[_.-]?weather(?:[_.-]?map)?|owm)[_.-]?app[_.-]?id$/i.test(bare)) return 'strong';
  // Vault's unseal keys (`vault operator init` output: `unseal_keys_b64`, `unseal_keys_hex`)
  if (/^unseal[_.-]?keys?$/i.test(bare)) return 'strong';
  // Agora's App Certificate, which signs its access tokens (the App ID beside it is public)
  if (/^(?:agora[_.-]?)?app[_.-]?certificate$/i.test(bare)) return 'strong';
  // Cloudflare's global API key (37 hex digits; it acts for the whole account)
  if (/^(?:cf|cloudflare)[_.-]?global[_.-]?(?:api[_.-]?)?key$/i.test(bare)) return 'strong';
  // an RSA key's private exponent (Unreal's `SigningPrivateExponent=` in DefaultCrypto.ini)
  if (/private[_.-]?exponent$/i.test(bare)) return 'strong';
  // PayPal's classic API credentials: a user, a password and a signature (`API_SIGNATURE`); a signature elsewhere is
  // a value computed from a secret
  if (/^(?:paypal[_.-]?)?api[_.-]?signature$/i.test(bare)) return 'weak';
  // Joken's (Elixir) HMAC signer: `key_octet: "…"`
  if (/^key[_.-]?octet$/i.test(bare)) return 'strong';
  // Cypress Cloud's record key (a UUID): whoever holds it records runs into the project (a bare `recordKey` is as often
  // a database record's)
  if (/^cypress[_.-]?record[_.-]?key$/i.test(bare)) return 'strong';
  // Nacos servers' shared identity: `nacos.core.auth.server.identity.key` names it, its `….value` is the secret (in
  // the Docker image's environment, `NACOS_AUTH_IDENTITY_VALUE`)
  if (/(?:^|[_.-])(?:server|auth)[_.-]identity[_.-]value$/i.test(unquoted)) return 'strong';
  // Hadoop's setting for an Azure storage account's key, named by the account's host (`fs.azure.account.key.<host>`)
  if (/fs\.azure\.account\.key\./i.test(unquoted)) return 'strong';
  // a constant in capitals is a proxy's password, not nginx's `proxy_pass` directive
  if (/(?:^|_)PROXY_PASS$/.test(bare)) return 'strong';
  if (NOT_A_CREDENTIAL.test(bare) || ABOUT_A_CREDENTIAL.test(bare) || ABOUT_A_CREDENTIAL_SNAKE.test(bare))
    return undefined;
  // (camelCase too: Objective-C's `kAppSegmentWriteKey`, `dbSenha`)
  const snake = snakeCase(bare);
  if (PUBLIC_CLIENT_KEY.test(snake) || PUBLIC_IN_NAME.test(bare) || NOT_REAL.test(bare)) return undefined;
  if (STRONG.test(bare) || STRONG_ANYWHERE.test(bare) || FOREIGN_PASSWORD.test(snake)) return 'strong';
  if (WEAK.test(bare)) return 'weak';
  return undefined;
}

/** Words that must occur in a line before the assignment rules run on it (lower case). */
export const ASSIGNMENT_KEYWORDS = [
  'pass',
  'pw',
  '_sk',
  'pepper',
  'hmac',
  'sonar',
  'honeycomb', // its API key travels as `x-honeycomb-team`
  // Consul: the gossip key (`encrypt = "…"`, weak: only a random value) and ACL tokens (`initial_management = "…"`)
  'encrypt ',
  'encrypt=',
  'encrypt"',
  'encrypt:',
  'initial_management',
  '_cookie',
  // a personal access token after its service's name (`confluence_pat`), not a path (`_path`)
  '_pat"',
  "_pat'",
  '_pat=',
  '_pat:',
  '_pat ',
  'agent_master',
  'psk',
  'secret',
  'token',
  'key',
  'auth',
  'cred',
  'sig',
  // the short names of an access key pair, where they stand as a name (`sk:` wakes `task:` lines too, which name none)
  'ak=',
  'ak =',
  'ak:',
  'ak"',
  'ak\\"', // (in a notebook's JSON: `\"ak\": \"…\"`)
  "ak'",
  'sk:',
  'sk=',
  'sk =',
  'sk"',
  'sk\\"',
  "sk'",
  'pat=',
  'pat =',
  'pat:',
  // aligned (`$pat     = '…'`, gofmt's `sk      =`), and Go's `sk := …`
  'ak :=',
  'sk :=',
  'pat :=',
  'ak  ',
  'sk  ',
  'pat  ',
  'ak\t',
  'sk\t',
  'pat\t',
  'salt',
  'seed',
  'cookie',
  'session',
  'sas',
  'conn',
  'bearer',
  'unseal',
  'appid', // OpenWeather calls its API key an `appid`
  'app_certificate', // Agora's
  'appcertificate',
  // FOREIGN_PASSWORD's words (`passwort`, `passord` and `mot_de_passe` hold `pass`)
  'senha',
  'kennwort',
  'contrasena',
  'wachtwoord',
  'haslo',
  'heslo',
  'salasana',
  'senord',
  'adgangskode',
  'mima',
  'mi_ma',
];
/** The same words as a set: whether a line's keywords include one is asked of every line that has any. */
export const ASSIGNMENT_KEYWORD_SET: ReadonlySet<string> = new Set(ASSIGNMENT_KEYWORDS);
