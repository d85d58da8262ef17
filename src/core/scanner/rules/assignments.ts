/**
 * Where a line assigns a value to a name: `key = value` in every syntax (code, .env, YAML, JSON, properties, INI, TOML,
 * Terraform, XML elements and attributes, CLI flags, SQL, well-known calls). Each site yields the name (for the
 * name-strength check and the quick fix's suggestions) and the value with its offset. All repetitions are bounded.
 */
import type { FileFormat } from '../formats';

export interface AssignmentSite {
  id: string;
  pattern: RegExp;
  /** The key, when the pattern has none of its own (positional passwords in well-known calls). */
  fixedKey?: string;
  /** The value may be unquoted even in source code (it sits inside a string or a command line). */
  bareInCode?: boolean;
  /** The site reads text inside a string, where a bare identifier is text, not a variable (connection strings). */
  readsStrings?: boolean;
  /** The formats whose files the site reads (default: all). */
  onlyIn?: FileFormat[];
  /** The context only suggests a credential, as a weak name does: the value must look random. */
  randomOnly?: boolean;
  /**
   * The line must also match this: a context (a connection string's), or a cheap test the pattern implies, so that
   * lines without it skip a pattern that costs more per line.
   */
  lineContext?: RegExp;
  /** Lower-case words one of which the line must contain; default: the secret-name keywords. */
  keywords?: string[];
  /** The key names the secret by construction (a setter like `setPassword`), so no name check applies. */
  keyIsSecretName?: boolean;
  /** Characters or words one of which the line must contain for the pattern to have a chance (a cheap pre-check). */
  requires?: string[];
  /**
   * A call whose shape says what its literal is, whatever the names around it: also read around its words on lines too
   * long for the other sites (minified bundles). Only for sites with a `fixedKey` or a key that names the secret by
   * construction: those windows hold no key words.
   */
  readInBundles?: boolean;
  /**
   * The value must mix digits or letter cases and be more than one capitalised word (a comparison: tokenizers compare
   * `token === 'return'` and `token === 'Identifier'`).
   */
  credentialMix?: boolean;
  /**
   * The value stands among a command's own keywords (a device's `key 0 … authentication accounting`, `redis-cli -a …
   * info memory`): words after it are no sentence, whose first word a bare value would be.
   */
  keywordsFollow?: boolean;
}

/** CryptoJS turning a literal into a key: `CryptoJS.enc.Hex.parse("…")`, minified `o().enc.Utf8.parse("…")`. */
export const CRYPTOJS_PARSE = String.raw`(?:[\w$]{1,3}\(\)\.|CryptoJS\.)?enc\.(?:Hex|Utf8|Latin1|Base64)\.parse\(`;
/**
 * What may stand before a literal's quote: the literal turned into bytes on the spot (`[]byte("…")`, `Buffer.from('…')`,
 * `Encoding.UTF8.GetBytes("…")`, `b'…'`, Dart's `utf8.encode('…')`, a TextEncoder's `encoder.encode('…')`) or
 * decoded from base64 or hex (`Convert.FromBase64String("…")`, `Base64.getDecoder().decode("…")`, Java's and
 * Android's `Hex.decode("…")` and `Base64.decode("…", …)`, CryptoJS'
 * `enc.Base64.parse('…')`, PHP's `base64_decode('…')` and `hex2bin('…')`, a Go helper that panics on a bad one:
 * `mustDecode("…")`),
 * wrapped for an SDK's pointer fields (`tea.String("…")`, `aws.String("…")`) or as an owned or optional string (Rust's
 * `String::from("…")`, `Some("…")`, Spring Data's `RedisPassword.of("…")`, Puppet's `Sensitive('…')`, a Rust
 * header's `HeaderValue::from_static("…")`), made a Qt or Windows string
 * (`QStringLiteral("…")`, `_T("…")`), or a string prefix (C# verbatim `@"…"`, Python raw and unicode `r'…'`, `u'…'`,
 * C++ wide `L"…"`).
 */
const BYTES = String.raw`(?:(?:${CRYPTOJS_PARSE}|\[\]byte\(|Buffer\.from\(|JSON\.stringify\(|base64_decode\(|base64::decode\(|STANDARD\.decode\(|hex2bin\(|hex!\(|utf8\.encode\(|String::from\(|Some\(|Secret(?:Str|Bytes)\(|Sensitive\(|\bmust[A-Z]\w{0,30}\(|RedisPassword\.of\(|HeaderValue::from_(?:static|str)\(|Encoding\.\w{2,8}\.GetBytes(?:\(|\s)|bytes\(|new\s+TextEncoder\(\)\.encode\(|\b(?:[a-z]\w{0,20})?[Ee]ncoder\.encode\(|Convert\.From(?:Base64|Hex)String\(|(?:hex|base64\.\w{3,14}Encoding)\.DecodeString\(|SecretValue\.\w{9,17}\(|base64\.(?:urlsafe_)?b64decode\(|bytes\.fromhex\(|(?:Hex|Base64)\.decode(?:Hex|Base64)?\(|Base64\.get(?:Url|Mime)?Decoder\(\)\.decode\(|(?:tea|aws|proto|pulumi|ptr|lo)\.(?:String|StringPtr|ToStringPtr|Ptr)\(|Data\((?:base64Encoded:\s{0,4})?|Q(?:StringLiteral|Latin1String|String|ByteArray(?:Literal|::from(?:Base64|Hex))?)\(|_T\(|TEXT\(|\{(?="[^"\n]{1,500}"\s{0,2}[},]))\s{0,2})?(?:(?:u8|[bBrRuUL@])(?=["']))?`;

/**
 * A value: quoted in any of the usual ways (possibly turned into bytes; Ruby's `%q(…)`), or bare up to a delimiter
 * (with Spring Security's `{noop}`, which is part of the stored password, as in a quoted one) or an escaped line break
 * or tab (`"…\nAPI_KEY=…\n"`: a file held by a string).
 */
const Q_VALUE = String.raw`(?:${BYTES})?(?:%[qQ][({[](?<pq>[^(){}[\]\n]{1,500})[)}\]]|"""(?<tq>[^"\n]{1,1000})"""|"(?<dq>(?:[^"\\\n]|\\[^\n]){0,1000})"|'(?<sq>(?:[^'\\\n]|\\[^\n]){0,1000})'|\x60(?<bq>[^\x60\n]{0,1000})\x60|\\"(?<eq>[^"\\\n]{0,1000})\\"|(?<bare>(?:\{noop\})?(?:[^\s"'\x60,;#()[\]{}<>（）【】，；\\]|\\(?![nrt]))(?:[^\s"'\x60,;()[\]{}<>（）【】，；\\]|\\(?![nrt])){0,999}))`;

/** Methods that only turn a literal into bytes or an owned string: it stays the value. */
const CONVERSION = String.raw`(?:encode|getBytes|toByteArray|toCharArray|data|as_bytes|as_ref|to_string|to_owned|into|to_vec|toString)`;

/** A quoted string argument (the secret), for the call sites below; also in escaped quotes (a notebook's JSON). */
const Q_ARG = String.raw`(?:${BYTES})?(?:\\"(?<eq>[^"\\\n]{1,500})\\"|"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|\x60(?<bq>[^\x60\n]{1,500})\x60)`;

/** A user (a literal, a constant or a variable), then the password as a literal: `("svc", "…")`, `(SENDER, '…')`. */
const USER_THEN_PASSWORD = String.raw`\s*(?:["'][^"'\n]{0,100}["'](?:\.(?:to_owned|to_string|into)\(\))?|[A-Za-z_][\w.]{0,60})\s*,\s*(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})')`;

/** One call argument before the secret, with one level of nested brackets: `{ sub: user.id }`, `payload`, `f(x)`. */
const ARG = String.raw`(?:[^,()[\]{}\n]|\{[^{}\n]{0,300}\}|\([^()\n]{0,300}\)|\[[^[\]\n]{0,300}\]){1,300}`;
/** A browser test's selector of a password field, in either quotes (`'input[name="password"]'`, `"#password"`). */
const PASSWORD_SELECTOR = String.raw`(?:'[^'\n]{0,80}[Pp]ass(?:word)?[^'\n]{0,80}'|"[^"\n]{0,80}[Pp]ass(?:word)?[^"\n]{0,80}")`;
/**
 * Clients and credentials constructed with a key pair: Qiniu (PHP's `new Auth(…)`), Huawei OBS (`ObsClient`, Go's `obs.New`) and Huawei
 * Cloud's SDKs (`BasicCredentials(ak, sk, project)`, `GlobalCredentials`), Baidu BCE.
 */
const STORAGE_CLIENTS = String.raw`(?:Auth\.create|qiniu\.Auth|new\s(?:\\?Qiniu\\)?Auth|qbox\.NewMac|digest\.Mac|ObsClient|obs\.New|(?:Basic|Global)Credentials|BceCredentials)`;
const STORAGE_CLIENT_WORDS = [
  'auth.create(',
  'qiniu.auth(',
  'new auth(',
  'qiniu\\auth(',
  'qbox.newmac(',
  'digest.mac(',
  'obsclient(',
  'obs.new(',
  'basiccredentials(',
  'globalcredentials(',
  'bcecredentials(',
];
/**
 * An access key ID as a quoted argument, in the shapes these clouds issue: Huawei's 20 capitals and digits, Baidu's 32
 * hex digits, Qiniu's 40 characters (`BasicCredentials` is also HTTP basic auth: a user name is none of these).
 */
const ID_SHAPE = String.raw`(?:[A-Z0-9]{20}|[0-9a-f]{32}|[A-Za-z0-9_-]{40})`;
const ID_ARG = String.raw`(?:"(?<dq>${ID_SHAPE})"|'(?<sq>${ID_SHAPE})')`;

/**
 * Assignment operators of the languages and formats: `=`, `:`, `:=`, `=>`, `?=`, `||=`, `??=`, R's `<-` (not `==`, `=~`,
 * `::`, `<--`).
 */
const OPERATOR = String.raw`(?:\?=|:=|=>|\|\|=|\?\?=|=(?![=~])|:(?![:/=])|<-(?!-))`;

/** PowerShell scope prefixes (`$env:API_TOKEN = …`): the name after the colon is the key, not the prefix. */
const NOT_A_SCOPE = String.raw`(?!\$(?:env|script|global|local|private|using):)`;

/**
 * A lookup with a literal fallback: `process.env.X || "…"`, `os.getenv("X") or "…"`, `config.x ?? "…"`, Kotlin's
 * `(findProperty("x") as String?) ?: "…"`, Rust's
 * `std::env::var("X").unwrap_or_else(|_| "…".to_string())`, Java's `Optional.ofNullable(…).orElse("…")`.
 */
const FALLBACK = String.raw`[\w.$[\]'"():<>?! ]{1,120}?\s{0,4}(?:\|\||\?\?|\?:|\bor\b|\.unwrap_or(?:_else)?\((?:\s{0,4}\|\w{0,8}\|)?|\.(?:get)?[oO]rElse\()\s{0,4}`;

/** A literal a command line prints for the next command to read: `echo '…'`, `printf '%s' "…"`. */
const ECHOED = String.raw`\b(?:echo|printf\s+(?:'%s'|"%s"))\s+(?:"(?<dq>[^"\n$]{8,200})"|'(?<sq>[^'\n]{8,200})')`;

export const ASSIGNMENT_SITES: AssignmentSite[] = [
  {
    // key = value, key: value, key := value, key => value, "key": value, $key = value, key ?= value, .NET's
    // "Jwt:Key": value, Go's `key, _ := hex.DecodeString(…)` and `key, err = …`, JSON inside a string
    // (`"{\"password\":\"x\"}"`), Hiera's `profile::db::password: x` (a quoted module name's last part,
    // `'CPAN::HTTP::Credentials' => 'cpan'`, is passed over where the site is matched: matchers/assignments.ts); a YAML
    // anchor may stand before the value (`MYSQL_PASSWORD: &db_password "…"`), C's designated initializer (`.password =
    // "…",`: a dot after no name)
    id: 'assignment',
    requires: ['=', ':', '<-'],
    // (not a literal that receives a call, `secret = "prod".equals(profile) ? …`, unless the calls only convert it:
    // `"…".getBytes(UTF_8)`, `"…".encode()`, `"…".as_bytes()`; `"prod".toString().equals(x)` is still a comparison)
    pattern: new RegExp(
      String.raw`(?<![\w$@-]|[\w$@)\]'"-]\.|checksum/)\\?["']?${NOT_A_SCOPE}(?<key>[A-Za-z_$@][\w.$@-]{0,79}(?::[A-Za-z_][\w.$@-]{0,79}){0,4})\\?["']?(?:,\s?(?:_|err))?\s{0,40}${OPERATOR}\s{0,40}(?:&[\w.-]{1,60}\s{1,4})?` +
        Q_VALUE +
        String.raw`(?!(?:\.${CONVERSION}\([^()\n]{0,60}\))*\.(?!${CONVERSION}\()\w{1,40}\()`,
      'g',
    ),
  },
  {
    // password: process.env.DB_PASSWORD || 'x', val secret: String = System.getenv("X") ?: "x" (Kotlin), ERB's
    // `password: <%= ENV["X"] || "x" %>`: the fallback is a hard-coded secret
    id: 'fallback',
    requires: ['||', '??', '?:', ' or ', 'unwrap_or', 'rElse('],
    pattern: new RegExp(
      String.raw`(?<![\w.$@-])["']?(?<key>[A-Za-z_$@][\w.$@-]{0,79})["']?(?:\s{0,4}:\s{0,4}[\w<>?.]{1,40})?\s{0,40}(?:=(?![=~>])|:(?![:/=]))\s{0,40}(?:<%=\s{0,4})?${FALLBACK}` +
        Q_ARG,
      'g',
    ),
  },
  {
    // secret = isProd ? process.env.JWT_SECRET : 'x' (or the literal first): the literal branch is a hard-coded secret
    id: 'ternary-branch',
    requires: [' ? '],
    onlyIn: ['code', 'notebook'],
    pattern: new RegExp(
      String.raw`(?<![\w.$@-])["']?(?<key>[A-Za-z_$@][\w.$@-]{0,79})["']?(?:\s{0,4}:\s{0,4}[\w<>?.]{1,40})?\s{0,40}(?:=(?![=~>])|:(?![:/=]))\s{0,40}[^?;,{}\n]{1,160} \?\s{1,4}(?:[\w.$[\]'"()!]{1,120}?\s{1,4}:\s{1,4})?${Q_ARG}(?:\s{1,4}:\s|\s{0,4}(?:[;,)]|$))`,
      'g',
    ),
  },
  {
    // A placeholder's default is a hard-coded value: `${DB_PASSWORD:Pr0d!}` (Spring), `${API_TOKEN:-x}` (shell, compose).
    // The default is a literal even without quotes, so it is read as one (`dq`), never as an identifier.
    id: 'placeholder-default',
    requires: ['${'],
    // (Spring's default may start with `+`: base64; the shell's `${X:+…}` is a value too, used when X is set)
    pattern: /\$\{(?<key>[A-Za-z_][\w.-]{0,79}):[-=]?(?![?])(?<dq>[^\s{}$'"\x60]{1,500})\}/g,
  },
  {
    // A template's default is a hard-coded value too: Helm's `{{ .Values.admin.password | default "x" }}`, Jinja's
    // `{{ db_password | default('x') }}`
    id: 'template-default',
    requires: ['{{'],
    pattern:
      /\{\{-?\s{0,4}\.?(?<key>[A-Za-z_$][\w.$]{0,79})\s{0,4}\|\s{0,4}default[\s(]\s{0,4}(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')/g,
  },
  {
    // Declarations with a type between name and value: `const password: string = "x"`, `val apiKey: String = "x"`,
    // `pub const DB_PASSWORD: &str = "x"`, Rust's arrays `KEY: [u8; 32] = hex!("x")`; `let token: Option<&str> =
    // Some("x")` is not matched (a call).
    id: 'typed-declaration',
    onlyIn: ['code', 'notebook'],
    requires: [':'],
    lineContext: /\s=(?![=>~])/,
    pattern: new RegExp(
      String.raw`(?<![\w.$@-])(?<key>[A-Za-z_$][\w$]{0,79})\s{0,4}:\s{0,4}(?:[\w&*\[\]<>?.\s]|;\s?\d){1,40}?\s=(?![=>~])\s{0,8}` +
        Q_VALUE,
      'g',
    ),
  },
  {
    // Command-line options with a default: parser.add_argument("--api-key", default="x"), @click.option("--token",
    // default="x"), typer.Option("x", "--token") is not matched (its default comes first)
    id: 'option-default',
    keywords: ['add_argument(', 'option('],
    pattern: new RegExp(
      String.raw`\b(?:add_argument|option|Option)\(\s{0,4}(?:["']-[\w-]{1,3}["']\s{0,4},\s{0,4})?["']--?(?<key>[A-Za-z][\w-]{0,79})["'][^()\n]{0,300}?\bdefault\s{0,4}=\s{0,4}` +
        Q_ARG,
      'g',
    ),
  },
  {
    // Kaggle's API token as kaggle.json holds it (also where a script writes it): `{"username":"…","key":"<32 hex>"}`
    id: 'kaggle-json',
    keywords: ['"username"'],
    pattern: /"username"\s{0,4}:\s{0,4}"[^"\n]{1,64}"\s{0,4},\s{0,4}"key"\s{0,4}:\s{0,4}"(?<dq>[0-9a-f]{32})"/g,
    fixedKey: 'KAGGLE_KEY',
  },
  {
    // A JSON key over a list of one string: Keycloak's realm exports keep a component's settings so
    // (`"bindCredential": ["…"]`)
    id: 'json-one-item-list',
    requires: ['["'],
    pattern: /"(?<key>[A-Za-z_][\w.-]{0,79})"\s{0,4}:\s{0,4}\[\s{0,4}"(?<dq>[^"\\\n]{1,500})"\s{0,4}\]/g,
  },
  {
    // Tcl's and expect's `set pass "…"` (a name, a space, then the value), fish's `set -gx API_TOKEN …` (also as its
    // history keeps it: `- cmd: set -x …`)
    id: 'tcl-set',
    requires: ['set '],
    pattern:
      /^\s*(?:- cmd: )?set\s+(?:-[a-zA-Z]{1,4}\s+){0,3}(?<key>[A-Za-z_][\w:]{0,79})\s+(?:"(?<dq>[^"\\\n$[]{1,500})"|'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s"'$[;|&]{1,500}))\s*$/g,
  },
  {
    // Yesod's settings: `password: "_env:PGPASS:x"` (the variable, then the default the file holds)
    id: 'yesod-env-default',
    requires: ['_env:'],
    pattern:
      /(?<![\w.-])(?<key>[A-Za-z_][\w.-]{0,79})\s{0,4}:\s{0,4}["']?_env:[A-Za-z_]\w{0,79}:(?<bare>[^"'\s]{1,200})/g,
    bareInCode: true,
    credentialMix: true, // (the scaffold's default database password is the app's name: `_env:YESOD_PGPASS:bookshelf`)
  },
  {
    // CMake's set(): `set(TELEMETRY_INGEST_KEY "…")`, `SET(ENV{API_TOKEN} "…")` (a name, a space, then the value)
    id: 'cmake-set',
    requires: ['set(', 'SET('],
    pattern: /\b(?:set|SET)\(\s{0,4}(?:ENV\{)?(?<key>[A-Za-z_][A-Za-z0-9_]{0,79})\}?\s{1,4}"(?<dq>[^"\\\n$]{1,500})"/g,
  },
  {
    // A request header written as one string in code: curl_setopt(…, ["X-Api-Key: x"]), headers.add("X-Auth-Token: x");
    // the value is part of a literal, so it is read as a quoted one (`"secret://prod/db"` is a URI, not a header)
    id: 'header-string',
    requires: ['"', "'"],
    pattern:
      /["'](?<key>(?:X-)?[A-Za-z_-]{0,30}(?:Api[-_]?Key|API[-_]?KEY|api[-_]?key|Token|TOKEN|token|Secret|SECRET|secret))\s{0,4}:\s{0,4}(?<dq>[^\s"'/][^\s"']{6,498}[^\s"':])["'](?!\s{0,4}:)/g,
  },
  {
    // A request header's name and value as a call's first two arguments, whatever sets it: headers.set("X-Api-Key", "x"),
    // AddHeader("X-Auth-Token", "x") (RestSharp), an attribute's [RequireApiKey("X-Partner-Token", "x")]; or a list's
    // first two items (a map built from one, as dart2js compiles a map literal: `A.a1(["x-api-key","x",…])`), or a
    // call's later pair (gRPC's `metadata.AppendToOutgoingContext(ctx, "x-api-key", "x")`)
    id: 'header-argument',
    keywords: ['"x-', "'x-"],
    pattern: new RegExp(
      String.raw`[([,]\s{0,4}["'](?<key>[Xx]-[A-Za-z0-9-]{0,40}(?:[Tt]oken|TOKEN|[Kk]ey|KEY|[Ss]ecret|SECRET)(?:-[A-Za-z]{1,20})?)["']\s{0,4},\s{0,4}` +
        Q_ARG,
      'g',
    ),
  },
  {
    // Swift: request.addValue("x", forHTTPHeaderField: "X-Api-Key"), Objective-C: [request setValue:@"x"
    // forHTTPHeaderField:@"X-Api-Key"] (the header's name comes after its value)
    id: 'swift-header-value',
    keywords: ['forhttpheaderfield'],
    pattern:
      /(?:\.(?:addValue|setValue)\(\s{0,4}|\s(?:addValue|setValue):\s{0,4}@)"(?<dq>[^"\n]{1,500})"(?:\s{0,4},\s{0,4}forHTTPHeaderField:\s{0,4}|\s{1,4}forHTTPHeaderField:\s{0,4}@)"(?<key>[^"\n]{1,80})"/g,
  },
  {
    // The first of a list of keys (rotation, several clients): API_KEYS = ["x", …], valid_tokens: ['x', …],
    // express-session's secret: ['x', 'y']
    id: 'credential-list',
    keywords: ['keys', 'tokens', 'secrets', 'passwords', 'secret'],
    pattern:
      /(?<![\w.$@-])["']?(?:[A-Za-z_][\w.-]{0,60}[_.-])?(?:api[_.-]?keys|apikeys|ApiKeys|APIKeys|tokens|Tokens|secrets?|Secrets?|passwords|Passwords|KEYS|TOKENS|SECRETS?|PASSWORDS)["']?\s{0,4}[:=]\s{0,4}\[\s{0,4}(?:"(?<dq>[^"\n]{16,500})"|'(?<sq>[^'\n]{16,500})')/g,
    fixedKey: 'API_KEY',
    randomOnly: true,
  },
  {
    // Visual Basic: Dim apiKey As String = "x", Private Const ApiKey As String = "x"
    id: 'vb-declaration',
    keywords: ['as string'],
    pattern: /\b(?<key>[A-Za-z_]\w{0,79})\s+As\s+String\s*=\s*"(?<dq>[^"\n]{0,1000})"/gi,
  },
  {
    // C# auto-properties with an initializer: `public string ApiKey { get; set; } = "x";`
    id: 'csharp-property',
    keywords: ['get;'],
    pattern: new RegExp(
      String.raw`\b(?<key>[A-Za-z_]\w{0,79})\s{0,4}\{\s{0,4}get;\s{0,4}(?:(?:private\s+|protected\s+)?(?:set|init);\s{0,4})?\}\s{0,4}=\s{0,4}` +
        Q_VALUE,
      'g',
    ),
  },
  {
    // A credential checked against a literal: `if (password == "x")`, `token !== 'x'`, `apiKey.equals("x")`
    id: 'comparison',
    onlyIn: ['code', 'shell', 'notebook'],
    requires: ['==', '!=', 'equals('],
    credentialMix: true,
    pattern: new RegExp(
      String.raw`(?<![\w.$@-]|typeof\s{1,4})(?<key>[A-Za-z_$@][\w.$@]{0,79})\s{0,4}(?:[!=]==?\s{0,4}|\.equals(?:IgnoreCase)?\(\s{0,4})` +
        Q_ARG,
      'g',
    ),
  },
  {
    // The literal first, as minifiers write it: `"x"===this.form.password`, `'x' == $password` (the field is named by
    // its own name: the object it belongs to says nothing)
    id: 'comparison-reversed',
    onlyIn: ['code', 'shell', 'notebook'],
    requires: ['==', '!='],
    readInBundles: true,
    keywords: ['pass', 'pwd', 'secret', 'token', 'key'],
    credentialMix: true,
    pattern:
      /(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s{0,4}[!=]==?\s{0,4}(?:[\w$@]{1,40}\.){0,6}(?<key>[A-Za-z_$@][\w$@]{0,79})(?![\w.$@(])/g,
  },
  {
    // Pairs in braces: C# collection initializers `{ "password", "x" }`, Lua and Ruby literals of the same shape
    id: 'brace-pair',
    onlyIn: ['code', 'notebook'],
    requires: ['{'],
    pattern: new RegExp(
      String.raw`\{\s{0,4}["'](?<key>[\w.:-]{1,80})["']\s{0,4},\s{0,4}` + Q_ARG + String.raw`\s{0,4}\}`,
      'g',
    ),
  },
  {
    // Go declarations inside var ( … ) and const ( … ) blocks: `Password string = "x"`
    id: 'go-block-var',
    onlyIn: ['code', 'notebook'],
    requires: ['='],
    pattern: new RegExp(
      String.raw`^\s{1,16}(?<key>[A-Za-z_]\w{0,79})\s{1,40}(?:\[\]|\*)?[A-Za-z_][\w.]{0,40}\s{0,40}=\s{0,40}` + Q_VALUE,
      'g',
    ),
  },
  {
    // Go struct tags with a default: Password string `envconfig:"DB_PASSWORD" default:"x"`, `env:"TOKEN" envDefault:"x"`
    id: 'go-tag-default',
    keywords: ['default:"'],
    pattern:
      /^\s{0,16}(?<key>[A-Za-z_]\w{0,79})\s{1,8}[\w.*[\]]{1,40}\s{1,8}\x60[^\x60\n]{0,200}?\b(?:default|envDefault):"(?<dq>[^"\n]{1,500})"/g,
  },
  {
    // Go: `var password string = "x"`
    id: 'go-var',
    onlyIn: ['code', 'notebook'],
    requires: ['var ', 'const '],
    pattern: new RegExp(
      String.raw`\b(?:var|const)\s{1,4}(?<key>[A-Za-z_]\w{0,79})\s{1,40}[\w.*\[\]]{1,40}\s{0,40}=\s{0,40}` + Q_VALUE,
      'g',
    ),
  },
  {
    // Subscripts: `config['password'] = 'x'`, `os.environ["DB_PASSWORD"] = "x"`, `$_ENV['API_KEY'] = '…'`,
    // .NET configuration paths `builder.Configuration["Jwt:Key"] = "x"`
    id: 'subscript',
    requires: ['['],
    pattern: new RegExp(
      String.raw`\[\s{0,4}\\?["'](?<key>[\w.:-]{1,80})\\?["']\s{0,4}\]\s{0,8}(?:(?:\|\||\?\?)?=(?![=~>])|:)\s{0,8}` +
        Q_VALUE,
      'g',
    ),
  },
  {
    // <password>value</password> (Maven settings, Spring XML, .NET config), <password><![CDATA[value]]></password>
    // (Magento); not a plist's <key>, which names the value after it
    id: 'xml-element',
    requires: ['</'],
    pattern:
      /<(?<key>(?!key>[^<\n]*<\/key>\s*(?:<(?:string|data|integer)>|$))[A-Za-z_][\w.:-]{0,79})(?:\s[^<>\n]{0,200})?>(?:<!\[CDATA\[(?<eq>[^\]\n]{1,1000})\]\]>|(?<bare>[^<\n]{1,1000}))<\/\k<key>>/g,
    bareInCode: true,
  },
  {
    // <add key="DbPassword" value="…"/>, <property name="password" value="…"/>,
    // <meta-data android:name="com.acme.API_SECRET" android:value="…"/> (AndroidManifest.xml)
    id: 'xml-key-value',
    requires: ['value'],
    pattern:
      /\b(?:key|name|android:name)\s*=\s*"(?<key>[^"\n]{1,80})"\s+(?:android:)?value\s*=\s*"(?<dq>[^"\n]{0,1000})"/g,
  },
  {
    // Gradle's Groovy DSL sets a property by calling it: storePassword "x", keyPassword 'x' (Android signing configs);
    // game servers' console variables the same way: `rcon_password "x"` (Source), `rcon.password "x"` (Rust)
    id: 'groovy-dsl-call',
    keywords: ['password'],
    pattern: /^\s*(?<key>[A-Za-z_][\w.]{0,79})\s+(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s*(?:\/\/.*)?$/g,
    credentialMix: true,
  },
  {
    // <entry key="password">x</entry> (Java properties in XML), <setting name="ApiKey">x</setting>
    id: 'xml-keyed-element',
    requires: ['</'],
    pattern:
      /<(?<tag>[A-Za-z_][\w.:-]{0,40})\s+(?:key|name)\s*=\s*"(?<key>[^"\n]{1,80})"[^<>\n]{0,200}>(?<bare>[^<\n]{1,1000})<\/\k<tag>>/g,
    bareInCode: true,
  },
  {
    // --password=value, --db-password value, --token "value"; also in an argument list: ["--password=value"],
    // ["--token", "value"] (compose `command:`, Kubernetes `args:`, subprocess calls); a JVM's system property
    // (`-Dspring.datasource.password=value`, as `ps` shows it); a build flag with escaped quotes (`-DWIFI_PASS=\"…\"`);
    // a PowerShell parameter given a literal (`-StorageAccountKey '…'`; not Set-Secret's `-Secret`, which its `-Name`
    // names, nor `-Credential 'DOMAIN\user'`, a user's name)
    id: 'cli-flag',
    requires: ['-'],
    pattern:
      /(?:(?:^|[\s"'[(,])--|(?:^|\s)-(?=[a-z][a-z.]{0,40}[=\s]|(?!(?:Secret|Credential)\s)[A-Z][A-Za-z]{1,40}\s+["'])|(?:^|[\s"'])-[DP](?=[A-Za-z_][\w.-]{0,40}=))(?<key>[A-Za-z][\w.-]{0,40})(?:=|[ \t]+|["']\s{0,4},\s{0,4}(?=["'][^-]))(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|\\"(?<eq>[^"\\\n]{1,500})\\"|(?<bare>[^\s"'(\\-][^\s"')]{0,500}))/g,
    bareInCode: true,
  },
  {
    // Elastic Cloud's `user:password` (Logstash's `cloud_auth => "elastic:…"`, Beats' `cloud.auth: "elastic:…"`)
    id: 'elastic-cloud-auth',
    keywords: ['cloud_auth', 'cloud.auth'],
    pattern:
      /\bcloud[._]auth["']?\s{0,4}(?:=>|[:=])\s{0,4}(?:"[^":\s]{1,100}:(?<dq>[^"\s]{1,200})"|'[^':\s]{1,100}:(?<sq>[^'\s]{1,200})'|[^\s"':]{1,100}:(?<bare>\S{1,200}))/g,
    fixedKey: 'PASSWORD',
    bareInCode: true,
  },
  {
    // Go's linker setting a package's variable: `-ldflags "-X main.apiKey=…"`, `-X $(PKG).LicenseKey=…`
    id: 'go-ldflags-x',
    requires: ['-X'],
    pattern: /(?:^|[\s"'])-X[ =]\S{0,200}?\.(?<key>[A-Za-z_]\w{0,79})=(?<bare>[^\s"'\\$][^\s"'\\]{0,200})/g,
    bareInCode: true,
  },
  {
    // Bicep's parameter with a default: `param adminPassword string = '…'` (`@secure()` above it hides the value from
    // deployment logs, not from the file)
    id: 'bicep-param',
    requires: ['param'],
    pattern: /^\s*param\s+(?<key>[A-Za-z_]\w{0,79})\s+\w{1,20}\s*=\s*'(?<sq>[^'\n]{1,500})'/g,
    onlyIn: ['code'],
  },
  {
    // An environment variable's name and value on a line of their own inside a call that pairs them: Java's `Map.of(`
    // over `"SASL_PASSWORD", "…",`, Guava's `ImmutableMap.of(` (a name in capitals: `"password", "…"` pairs test
    // arguments and word lists as often)
    id: 'pair-line',
    requires: ['",'],
    pattern: /^\s*"(?<key>[A-Z][A-Z0-9_]{0,79})"\s*,\s*"(?<dq>[^"\n]{1,500})"\s*(?:,|\)+;?)?\s*$/g,
    onlyIn: ['code'],
  },
  {
    // psql's variables: `\set app_password 'S3cret'` (then read as `:'app_password'`)
    id: 'psql-set',
    requires: ['\\set'],
    pattern:
      /^\s{0,8}\\set\s{1,4}(?<key>[A-Za-z_]\w{0,79})\s{1,4}(?:'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s'":][^\s]{0,500}))\s*$/g,
    bareInCode: true,
  },
  {
    // Windows' code signing with a certificate file's password: `signtool sign /f cert.pfx /p …` (build scripts, Inno
    // Setup's `SignTool=`)
    id: 'signtool-password',
    pattern:
      /\bsigntool(?:\.exe)?["']?\s[^\n]{0,300}?\s\/p\s{1,4}(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})'|(?<bare>[^\s"'$%][^\s"']{0,200}))/gi,
    fixedKey: 'CERTIFICATE_PASSWORD',
    bareInCode: true,
    keywords: ['signtool'],
  },
  {
    // mysql -uroot -pS3cret, mysqldump … -pS3cret, mysql -p'S3c!et', MariaDB's own names (`mariadb-dump -p'…'`)
    id: 'mysql-p-flag',
    pattern:
      /\b(?:mysql(?:dump|admin|import|sh)?|mariadb(?:-dump|-admin|-import|dump|admin)?)\b[^\n]{0,300}?\s-p(?:(?<bare>[^\s'"(<-][^\s'"]{0,200})|'(?<sq>[^'\n]{1,200})'|"(?<dq>[^"\n$]{1,200})")/g,
    fixedKey: 'MYSQL_PASSWORD',
    bareInCode: true,
    keywords: ['mysql', 'mariadb'],
  },
  {
    // MinIO's client given a user's or an alias' keys: `mc admin user add ALIAS USER SECRET`, `mc alias set ALIAS URL
    // ACCESS SECRET`
    id: 'minio-client-keys',
    keywords: ['mc admin', 'mc alias', 'mc config'],
    pattern:
      /\bmc\s+(?:admin\s+user\s+add\s+\S{1,100}\s+\S{1,100}|(?:alias\s+set|config\s+host\s+add)\s+\S{1,100}\s+\S{1,300}\s+\S{1,100})\s+(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})'|(?<bare>[^\s'"\x60;|&-][^\s'"\x60;|&]{0,200}))/g,
    fixedKey: 'SECRET_KEY',
    bareInCode: true,
  },
  {
    // OpenWrt's UCI configuration (`/etc/config/network`, `wireless`): `option private_key '…'`, `option key '…'` (a
    // Wi-Fi network's passphrase), also commented out
    id: 'uci-option',
    keywords: ['option '],
    pattern:
      /^\s*#?\s*option\s+(?<key>[a-z_][\w]{0,60})\s+(?:'(?<sq>[^'\n]{1,500})'|"(?<dq>[^"\n]{1,500})"|(?<bare>[^\s'"#][^\s'"]{0,500}))\s*$/g,
    bareInCode: true,
  },
  {
    // docker login -p x, az login -p x, sqlcmd -P x, redis-cli -a x, ssh-keygen -N x, ldapsearch -w x, mosquitto_pub -P x,
    // lftp -u user,x: the password flag of a well-known client
    id: 'client-p-flag',
    pattern:
      /\b(?:(?:(?:docker|podman|az)\s+login|sqlcmd|bcp|osql)\b[^\n|;&]{0,300}?\s-[pP]|redis-cli\b[^\n|;&]{0,300}?\s-a|ssh-keygen\b[^\n|;&]{0,300}?\s-[NP]|ldap(?:search|add|modify|delete|passwd|compare|whoami|moddn|exop)\b[^\n|;&]{0,300}?\s-w|mosquitto_(?:pub|sub|rr)\b[^\n|;&]{0,300}?\s-P|lftp\b[^\n|;&]{0,300}?\s-u\s{1,4}["']?[^\s,'"]{1,100},)[ \t]*(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})'|(?<bare>[^\s'"-][^\s'"]{0,200}))/g,
    fixedKey: 'PASSWORD',
    bareInCode: true,
    readsStrings: true,
    keywordsFollow: true,
    credentialMix: true,
    keywords: ['login', 'sqlcmd', 'bcp', 'osql', 'redis-cli', 'ssh-keygen', 'ldap', 'mosquitto_', 'lftp'],
  },
  {
    // HAProxy's userlist: `user bob insecure-password …` (its `password` is a hash)
    id: 'haproxy-insecure-password',
    keywords: ['insecure-password'],
    pattern: /\binsecure-password\s+(?<bare>[^\s'"]{1,200})/g,
    fixedKey: 'HAPROXY_PASSWORD',
    bareInCode: true,
    keywordsFollow: true,
  },
  {
    // RabbitMQ's `rabbitmqctl add_user <user> <password>` and `change_password <user> <password>`
    id: 'rabbitmqctl-password',
    keywords: ['rabbitmqctl'],
    pattern:
      /\brabbitmqctl\s+(?:-[nq]\s+\S{1,100}\s+)?(?:add_user|change_password)\s+(?:"[^"\n]{1,100}"|'[^'\n]{1,100}'|[^\s'"{`$-]\S{0,99})\s+(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})'|(?<bare>[^\s'"<$`{-][^\s'"`]{0,199}))/g,
    fixedKey: 'RABBITMQ_PASSWORD',
    bareInCode: true,
  },
  {
    // aws configure set aws_secret_access_key x, yarn config set npmAuthToken x, git config --global github.token x
    id: 'config-set',
    requires: ['config'],
    pattern:
      /\b(?:configure\s+set|config\s+set|git\s+config(?:\s+--(?:global|local|system))?)\s+(?<key>[A-Za-z_][\w.:/-]{0,79})[ \t]+(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s"'-][^\s"']{0,500}))/g,
    bareInCode: true,
  },
  {
    // htpasswd -b file user x, htpasswd -nb user x (the password on the command line; -n prints, so no file), openssl …
    // -passout pass:x, echo "x" | docker login --password-stdin, gh secret set NAME --body "x"
    id: 'command-password',
    keywords: ['htpasswd', 'pass:', 'password-stdin'],
    pattern:
      /(?:\bhtpasswd\s+(?=(?:-[a-zA-Z]+\s+){0,4}?-[a-zA-Z]*b)(?:(?=(?:-[a-zA-Z]+\s+){0,4}?-[a-zA-Z]*n)(?:-[a-zA-Z]+(?:\s+\d{1,3}|(?!\s+\d{1,3}\s))\s+){1,4}|(?!(?:-[a-zA-Z]+\s+){0,4}?-[a-zA-Z]*n)(?:-[a-zA-Z]+(?:\s+\d{1,3}|(?!\s+\d{1,3}\s))\s+){1,4}\S{1,200}\s+)\S{1,100}\s+|\s-(?:passin|passout|pass|password)\s+pass:)(?<bare>[^\s'"<>(-][^\s'"<>]{0,199})|\becho\s+(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})')\s*\|\s*(?:docker|podman|helm\s+registry|oras|crane)\s+login\b[^\n]{0,300}--password-stdin/g,
    fixedKey: 'PASSWORD',
    bareInCode: true,
  },
  {
    // htpasswd's password quoted, after flags that take a number (`htpasswd -bB -C 10 "$f" user '…'`)
    id: 'htpasswd-quoted-password',
    keywords: ['htpasswd'],
    pattern:
      /\bhtpasswd\s+(?=-[a-zA-Z]*b)(?:-[a-zA-Z]+(?:\s+\d{1,3}|(?!\s+\d{1,3}\s))\s+){1,4}(?:\S{1,200}\s+)?\S{1,100}\s+(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})')/g,
    fixedKey: 'PASSWORD',
  },
  {
    // A password file written from a literal (`echo '…' > .vault_pass`), a keystore fed one on standard input
    // (`printf '%s' '…' | elasticsearch-keystore add -x bootstrap.password`: the setting names it)
    id: 'echo-to-password-file',
    requires: ['echo', 'printf'],
    pattern: new RegExp(
      ECHOED + String.raw`\s*>{1,2}\s*["']?[\w.~/$-]{0,100}?(?:vault[_-]?pass\w*|passw(?:or)?d\w*|\.pgpass)["']?\s*$`,
      'g',
    ),
    fixedKey: 'PASSWORD',
    bareInCode: true,
  },
  {
    id: 'keystore-add',
    requires: ['echo', 'printf'],
    pattern: new RegExp(
      ECHOED +
        String.raw`\s*\|\s*["']?[\w$./{}-]{1,100}["']?\s+add\b(?:\s+-{1,2}[a-z-]{1,20}){0,4}\s+(?<key>[\w.-]{1,100})\s*$`,
      'g',
    ),
    bareInCode: true,
  },
  {
    // A key handed to SQL's encryption functions: MySQL's `AES_ENCRYPT(x, 'key')` (also `UNHEX('…')`) and
    // `DES_DECRYPT(x, '…')`, pgcrypto's `pgp_sym_encrypt(x, '…')`, T-SQL's `ENCRYPTBYPASSPHRASE('…', x)`; the data
    // may be a call, a MyBatis parameter (`#{ssn,jdbcType=VARCHAR}`) or an array
    id: 'sql-encryption-key',
    keywords: ['aes_encrypt(', 'aes_decrypt(', 'des_encrypt(', 'des_decrypt(', 'pgp_sym_', 'cryptbypassphrase('],
    pattern:
      /\b(?:(?:[AD]ES_(?:EN|DE)CRYPT|pgp_sym_(?:en|de)crypt(?:_bytea)?)\(\s{0,4}(?:'[^'\n]{0,200}'|[^,()'{}[\]\n]|\([^()\n]{0,300}\)|\{[^{}\n]{0,300}\}|\[[^[\]\n]{0,300}\]){1,200},\s{0,4}(?:UNHEX\(|decode\()?|(?:EN|DE)CRYPTBYPASSPHRASE\(\s*N?)'(?<sq>[^'\n]{1,500})'/gi,
    fixedKey: 'ENCRYPTION_KEY',
  },
  {
    // Redis' `AUTH [user] …` alone on its line (redis-cli's history, a script's `redis-cli … AUTH …`)
    id: 'redis-auth-command',
    keywords: ['auth '],
    pattern:
      /^\s*(?:redis-cli\b[^\n]{0,200}?\s)?AUTH\s+(?:[\w.@-]{1,64}\s+)?(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s"'][^\s"']{0,500}))\s*$/g,
    fixedKey: 'REDIS_PASSWORD',
    bareInCode: true,
    // (a word is a message, `AUTH failed`)
    credentialMix: true,
  },
  {
    // cocoapods-keys: `pod keys set NAME "x"` (the app reads it from the keychain; the script holds the literal)
    id: 'pod-keys-set',
    keywords: ['keys set'],
    pattern:
      /\bpod\s+keys\s+set\s+(?<key>[A-Za-z_]\w{0,79})\s+(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s'"-][^\s'"]{0,500}))/g,
    bareInCode: true,
  },
  {
    // VBScript's and VBA's indexed properties: `objConn.Properties("Password") = "…"` (ADO, ADSI)
    id: 'vb-property',
    requires: ['roperties('],
    pattern: new RegExp(
      String.raw`\bProperties\(\s{0,4}"(?<key>[\w.:-]{1,80})"\s{0,4}\)\s{0,8}=\s{0,8}` + Q_VALUE,
      'g',
    ),
  },
  {
    // Windows-style switches: `cmdkey … /pass:x`, `appcmd … /processModel.password:x`, `net use … /password:x`
    id: 'windows-switch',
    requires: [' /'],
    pattern: /(?<=\s)\/(?<key>[A-Za-z][\w.]{0,60}):(?<bare>[^\s"'/%][^\s"']{0,199})/g,
    bareInCode: true,
    onlyIn: ['shell'],
  },
  {
    // The VS Code Marketplace's and Open VSX's publishing token on the command line (a `package.json` script's
    // `vsce publish -p …`)
    id: 'vsce-publish-token',
    keywords: ['vsce', 'ovsx'],
    pattern: /\b(?:vsce|ovsx)\s+publish\b[^"'\n;&|]{0,100}?\s(?:-p|--pat)[ \t=]+(?<bare>[A-Za-z0-9_-]{20,100})\b/g,
    fixedKey: 'VSCE_PAT',
    bareInCode: true,
  },
  {
    id: 'gh-secret-set',
    keywords: ['secret set'],
    pattern:
      /\bgh\s+secret\s+set\s+(?<key>[A-Za-z_]\w{0,79})\s+(?:-b|--body)[ \t=]*(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s'"-][^\s'"]{0,500}))/g,
    bareInCode: true,
  },
  {
    id: 'sshpass',
    keywords: ['sshpass'],
    pattern: /\bsshpass\s+-p\s*(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})'|(?<bare>[^\s'"]{1,200}))/g,
    fixedKey: 'SSH_PASSWORD',
    bareInCode: true,
  },
  {
    // Windows: net use Z: \\srv\share x /user:admin, net use \\srv\share /user:admin x (not * or /persistent:no)
    id: 'net-use',
    keywords: ['net use'],
    pattern:
      /\bnet\s+use\s+(?:[A-Za-z]:\s+|\*\s+)?\\\\[^\s"']{1,200}\s+(?:\/u(?:ser)?:\S{1,100}\s+)?(?:"(?<dq>[^"\n]{1,200})"|(?<bare>[^\s/*"'][^\s"']{0,199}))/gi,
    fixedKey: 'SMB_PASSWORD',
    bareInCode: true,
  },
  {
    // HTTPie's bearer auth: `http -A bearer -a <token> GET …` (`--auth-type=bearer --auth=…`)
    id: 'httpie-bearer',
    keywords: ['bearer'],
    requires: ['-a', '--auth'],
    pattern:
      /(?:^|\s)(?:-A|--auth-type)[=\s]bearer\s+(?:-a|--auth)[=\s]["']?(?<bare>[\w.~+/-]{16,500}={0,2})["']?(?=\s|$)/g,
    fixedKey: 'API_TOKEN',
    bareInCode: true,
    randomOnly: true,
  },
  {
    // curl -u user:password, --user user:password
    id: 'curl-user',
    // not a format (`date -u +%H:%M:%S`)
    pattern:
      /(?:^|\s)(?:-u|--user|--proxy-user)[ \t]*["']?(?!\+)[^\s:'"<{},%]{0,100}["']?:["']?(?<bare>[^\s'"<>:/][^\s'"<>]{0,199})(?![^\s'"]{0,200}>)/g,
    fixedKey: 'BASIC_AUTH_PASSWORD',
    bareInCode: true,
    // a command line in a string (Jenkins' `sh "curl -u deployer:x …"`): its bare words are text, not variables
    readsStrings: true,
    keywords: ['-u', '--user'],
  },
  {
    // curl -u "<api key>:" (Stripe, Mailchimp, Elasticsearch): the key is the user name and the password is empty; a
    // user's name of words (`deploy_user_2024:`) is no key
    id: 'curl-user-token',
    pattern:
      /(?:^|\s)(?:-u|--user)[ \t]*(?<q>["']?)(?![a-z]+(?:[_.-][a-z0-9]+)+:)(?<bare>[^\s:'"<>{},%$]{12,100}):\k<q>(?=\s|$)/g,
    fixedKey: 'API_TOKEN',
    bareInCode: true,
    readsStrings: true,
    credentialMix: true,
    keywords: ['-u', '--user'],
  },
  {
    // os.getenv("DB_PASSWORD", "fallback"), config.get('api_token', '…'), NestJS's config.get<string>('X', '…'),
    // os.environ.get(PEPPER_ENV, "…") (a constant that names the variable): the default is a hard-coded secret
    // Only calls that look a value up or set it: a function named …get…, …env…, …set…, …header…, …config…
    id: 'lookup-default',
    requires: ['('],
    lineContext: /,\s*@?["']/,
    pattern:
      /(?:get|env|set|put|add|append|header|default|option|config|param|property|setting|secret|value|fetch|read|load|lookup)\w{0,20}(?:<[\w\s|[\]]{1,40}>)?\(\s*["']?(?<key>[\w.-]{1,80}?)(?:["']|_ENV\b)\s*,\s*(?:@?"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s*[,)]/gi,
  },
  {
    // An environment lookup's literal fallback wherever it stands: new Stripe(process.env.STRIPE_KEY ?? 'x'),
    // process.env[JWT_SECRET_ENV] || 'x', import.meta.env.VITE_TOKEN || 'x', os.getenv("API_KEY") or "x", os.environ.get('TOKEN') or 'x', PHP's
    // getenv('API_KEY') ?: 'x', Perl's $ENV{DB_PASS} // 'x', Vapor's (Swift) Environment.get("JWT_SECRET") ?? "x"
    id: 'env-fallback',
    keywords: ['process.env', 'import.meta.env', 'getenv(', 'environ.get(', '$env{', 'environment.get('],
    pattern: new RegExp(
      String.raw`(?:\b(?:process|import\.meta)\.env(?:\.|\[\s{0,4}["']?)|\bos\.(?:getenv|environ\.get)\(\s{0,4}["']|(?<![\w.])getenv\(\s{0,4}["']|\b(?:System\.getenv|Environment\.get)\(\s{0,4}["']|\$ENV\{\s{0,4}["']?)(?<key>[A-Za-z_]\w{0,79}?)(?:_ENV)?(?:["']?\s{0,4}[)\]}])?\s{0,4}(?:\|\||\?\?|\?:|\bor\b|(?<=\})\s{0,4}\/\/)\s{0,4}` +
        Q_ARG,
      'g',
    ),
  },
  {
    // The same in Clojure and Haskell: (or (System/getenv "DB_PASSWORD") "x"), fromMaybe "x" <$> lookupEnv "API_TOKEN"
    id: 'clojure-env-fallback',
    keywords: ['getenv'],
    pattern: /\(or\s+\((?:System\/getenv|env|getenv)\s+"(?<key>[A-Za-z_]\w{0,79})"\)\s+"(?<dq>[^"\n]{1,500})"\)/g,
  },
  {
    // Aero's (EDN configuration) #or [#env DB_PASSWORD "x"]
    id: 'aero-env-fallback',
    keywords: ['#env'],
    pattern: /#or\s+\[\s*#env\s+(?<key>[A-Za-z_]\w{0,79})\s+"(?<dq>[^"\n]{1,500})"\s*\]/g,
  },
  {
    id: 'haskell-env-fallback',
    keywords: ['lookupenv'],
    pattern: /\bfromMaybe\s+"(?<dq>[^"\n]{1,500})"\s+<\$>\s+lookupEnv\s+"(?<key>[A-Za-z_]\w{0,79})"/g,
  },
  {
    // PowerShell's SecretManagement given a value: Set-Secret -Name 'SqlAdminPassword' -Secret 'x'
    id: 'powershell-set-secret',
    keywords: ['set-secret'],
    pattern:
      /\bSet-Secret\b[^\n]{0,200}?\s-Name\s+["']?(?<key>[\w.-]{1,80})["']?[^\n]{0,200}?\s-Secret\s+(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')/gi,
  },
  {
    // A Google app password as Google shows it, four groups of four letters: spring.mail.password=wpri kfqg xpth zipy
    id: 'grouped-app-password',
    keywords: ['pass'],
    lineContext: / [a-z]{4} [a-z]{4} [a-z]{4}["']?\s*$/,
    pattern:
      /(?<![\w.-])(?<key>[\w.-]{0,60}pass(?:word)?)["']?\s{0,4}[=:]\s{0,4}["']?(?<bare>[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4})["']?\s*$/g,
  },
  {
    // A Python field's default: attrs' `api_key: str = attr.ib(default="x")`, dataclasses' `field(default=…)`,
    // pydantic's `Field("x")` (the field's name names it; bytes from hex or base64 too)
    id: 'field-default',
    requires: ['ield(', '.ib('],
    pattern:
      /(?<![\w.])(?<key>[A-Za-z_]\w{0,79})\s{0,4}:\s{0,4}[\w[\]|., ]{1,60}=\s{0,4}(?:(?:attrs?\.(?:ib|field)|(?:dataclasses\.)?field)\(\s{0,4}default\s{0,4}=|Field\(\s{0,4}(?:default\s{0,4}=)?)\s{0,4}(?:base64\.b64decode\(|bytes\.fromhex\(|SecretStr\()?\s{0,4}b?(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')/g,
  },
  {
    // A schema's default for a setting: zod's `JWT_SIGNING_KEY: z.string().min(32).default('x')` (t3-env, envalid's
    // `str({ default: 'x' })` is read by the generic site)
    id: 'schema-default',
    keywords: ['.default('],
    pattern:
      /(?<![\w$])(?<key>[A-Za-z_$][\w$]{0,79})\s{0,4}:\s{0,4}z\.(?:string|coerce\.string)\(\)(?:\.\w{1,20}\([^()\n]{0,80}\))*\.default\(\s{0,4}(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|`(?<bq>[^`\n]{1,500})`)\s{0,4}\)/g,
  },
  {
    // A key given to a login command or call by position: `wandb login <key>` (a notebook's `!wandb login …`),
    // Weaviate's `Auth.api_key("…")`, Prefect's `Secret(value="…")`
    id: 'login-argument',
    keywords: ['wandb login', 'api_key(', 'secret(value'],
    pattern:
      /\bwandb\s+login\s+(?:--relogin\s+)?(?<bare>[0-9a-f]{40})\b|(?:\b(?:Auth\.)?api_key\(|\bSecret\(\s{0,4}value\s{0,4}=)\s{0,4}(?:"(?<dq>[^"\n]{8,500})"|'(?<sq>[^'\n]{8,500})')/g,
    fixedKey: 'API_KEY',
    bareInCode: true,
  },
  {
    // A dependency-injection container bound to a literal under the secret's name (InversifyJS):
    // container.bind<string>(TYPES.JwtSigningSecret).toConstantValue("x")
    id: 'container-constant',
    keywords: ['toconstantvalue('],
    pattern:
      /\bbind(?:<[^<>\n]{0,80}>)?\(\s{0,4}(?:[\w$]{1,40}\.)*(?<key>[A-Za-z_$][\w$]{0,79})\s{0,4}\)\s{0,4}\.toConstantValue\(\s{0,4}(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')/g,
  },
  {
    // A signer or HMAC built on the spot from a literal key: new HmacSha256PayloadSigner(Convert.FromBase64String("x"))
    id: 'hmac-constructor',
    keywords: ['hmac'],
    pattern:
      /\bnew\s+[\w.]{0,60}(?:Hmac|HMAC)[\w]{0,40}\(\s{0,4}(?:Convert\.From(?:Base64|Hex)String\(|Encoding\.\w{2,8}\.GetBytes\()?\s{0,4}"(?<dq>[^"\n]{16,500})"/g,
    fixedKey: 'SIGNING_KEY',
    credentialMix: true,
  },
  {
    // Bundler's credentials for a gem server, by its host: BUNDLE_GEMS__CONTRIBSYS__COM: "user:password"
    id: 'bundler-host-credentials',
    keywords: ['bundle_'],
    pattern:
      /\b(?<key>BUNDLE_[A-Z0-9_]*__[A-Z0-9_]+)["']?\s{0,4}[:=]\s{0,4}["']?(?<bare>[^\s"':]{1,100}:[^\s"']{4,200})/g,
    fixedKey: 'PASSWORD',
    bareInCode: true,
  },
  {
    // XML held escaped by XML (a Jenkins config file provider's Maven settings): &lt;password&gt;x&lt;/password&gt;
    id: 'escaped-xml-element',
    requires: ['&lt;'],
    pattern: /&lt;(?<key>[A-Za-z_][\w.:-]{0,79})&gt;(?<bare>[^&<\n]{1,1000})&lt;\/\k<key>&gt;/g,
    bareInCode: true,
  },
  {
    // An HTML table's row of a label and its value (a wiki page exported from Confluence):
    // <th>Password</th><td>x</td>
    id: 'html-table-row',
    requires: ['</t'],
    pattern:
      /<t[hd](?:\s[^<>\n]{0,100})?>(?<key>[\w .-]{1,40})<\/t[hd]>\s{0,8}<td(?:\s[^<>\n]{0,100})?>(?<bare>[^<>\s]{1,200})<\/td>/g,
    bareInCode: true,
  },
  {
    // Browser tests that type a password: page.fill('#password', 'x'), page.getByLabel('Password').fill('x')
    // (Playwright), cy.get('input[name="password"]').type('x') (Cypress)
    id: 'ui-fill-password',
    keywords: ['password'],
    requires: ['fill(', 'type('],
    pattern: new RegExp(
      String.raw`(?:\.fill\(\s{0,4}${PASSWORD_SELECTOR}\s{0,4},|\.(?:get|getByLabel|getByPlaceholder|locator|\$)\(\s{0,4}${PASSWORD_SELECTOR}\s{0,4}\)\.(?:fill|type)\()\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // Ruby: ENV.fetch("API_KEY") { "x" }: the block's value is the default
    id: 'ruby-fetch-block',
    keywords: ['fetch('],
    pattern:
      /\bfetch\(\s*["'](?<key>[\w.-]{1,80})["']\s*\)\s*\{\s*(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s*\}/g,
  },
  {
    // Android Gradle: buildConfigField "String", "API_KEY", "\"x\"", resValue "string", "maps_key", "x"
    id: 'gradle-build-field',
    keywords: ['buildconfigfield', 'resvalue'],
    pattern:
      /\b(?:buildConfigField|resValue)\s*\(?\s*["']\w{1,40}["']\s*,\s*["'](?<key>[\w.-]{1,80})["']\s*,\s*(?:"\\"(?<eq>[^"\\\n]{1,500})\\""|'"(?<sq>[^'"\n]{1,500})"'|"(?<dq>[^"\\\n]{1,500})")/g,
  },
  {
    // JWT signing secrets handed to the signing call: jwt.sign(payload, 'x'), jwt.encode(claims, "x", …),
    // jwt.encode(header, payload, "x") (authlib), JWT.encode / JWT::encode (Ruby, also without parentheses; PHP),
    // Jwt.encode(claim, "x", …) (Scala), jwt.WithKey(jwa.HS256, []byte("x")) (Go jwx), new Key('x', 'HS256') (PHP
    // firebase/php-jwt)
    id: 'jwt-sign-call',
    readInBundles: true,
    keywords: ['jwt', 'new key('],
    pattern: new RegExp(
      String.raw`(?:\b(?:jwt|JWT|Jwt\w{0,8})(?:\.|::)(?:sign|verify|encode|decode|WithKey)(?:\(\s{0,4}|\s{1,4})${ARG},\s{0,4}(?:${ARG},\s{0,4}(?=["'\x60](?!(?:[HhRrPpEe][Ss]\d{3}[Kk]?|EdDSA|none)["'\x60])))?(?:${FALLBACK})?|\bnew\s+Key\(\s{0,4})` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'JWT_SECRET',
  },
  {
    // An HMAC algorithm built with its key: jwt-cpp's `jwt::algorithm::hs256{"…"}`, Vapor's `.hs256(key: "…")`
    id: 'jwt-hmac-algorithm',
    keywords: ['hs256', 'hs384', 'hs512'],
    pattern: new RegExp(
      String.raw`(?:\bjwt::algorithm::hs(?:256|384|512)\s{0,4}[{(]|\.hs(?:256|384|512)\(\s{0,4}key:)\s{0,4}` + Q_ARG,
      'g',
    ),
    fixedKey: 'JWT_SECRET',
  },
  {
    // jsonwebtoken under any name (a bundle's `t.sign(e,"x",{expiresIn:"1h"})` or `(0,i.sign)(…)`, an imported `sign`):
    // a sign or verify call whose options name JWT claims or algorithms, or a verify call given its callback
    // (`t.verify(o,"x",(e,o)=>…)`)
    id: 'jwt-sign-options',
    readInBundles: true,
    keywords: ['expiresin', 'algorithm', 'verify('],
    pattern: new RegExp(
      String.raw`\b(?:sign|verify)\)?\(\s{0,4}${ARG},\s{0,4}` +
        Q_ARG +
        String.raw`(?=\s{0,4},\s{0,4}(?:\{[^{}\n]{0,200}?\b(?:expiresIn|algorithms?|issuer|audience|notBefore|jwtid)\b|(?:async\s{1,4})?(?:function\s{0,4})?\(\s{0,4}\w{1,30}\s{0,4},\s{0,4}\w{1,30}\s{0,4}\)\s{0,4}(?:=>|\{)))`,
      'g',
    ),
    fixedKey: 'JWT_SECRET',
  },
  {
    // HMAC keys of JWT libraries: Algorithm.HMAC256("x") (auth0), signWith(SignatureAlgorithm.HS256, "x") and
    // setSigningKey("x") (jjwt), Keys.hmacShaKeyFor("x".getBytes()), new SymmetricSecurityKey(Encoding.UTF8.GetBytes("x"))
    // (also target-typed: SymmetricSecurityKey k = new(Convert.FromBase64String("x")); F#'s
    // SymmetricSecurityKey(Encoding.UTF8.GetBytes "x"))
    // (.NET), token.SignedString([]byte("x")) (also on the line below its chain's `.`),
    // jwt.SigningMethodHS256.Sign(s, []byte("x")), jwtauth.New("HS256", []byte("x"), nil) and echo's
    // middleware.JWT([]byte("x")) (Go), Joken.Signer.create("HS256", "x") (Elixir),
    // jwt.sign(SecretKey('x')) (Dart), jjwt's Decoders.BASE64.decode("x") (it decodes the key the next line signs with),
    // new MACSigner("x") (Nimbus), InMemory::plainText('x') (lcobucci), HS256Key::from_bytes(b"x") (jwt-simple),
    // jwt:sign("x", …) and jwt:verify("x", …) (lua-resty-jwt), jwk.JWK(kty='oct', k='x') (jwcrypto),
    // .setAlgorithm("HS256").setBuffer("x") (Vert.x), app.jwt.keys.add(hmac: "x", …) (Vapor), hmac:new("x", …)
    // (lua-resty-hmac)
    id: 'jwt-signing-key',
    keywords: [
      'macsigner(',
      'inmemory::',
      'key::from_bytes(',
      'jwt:sign(',
      'jwt:verify(',
      'kty',
      'setbuffer(',
      'hmac',
      'signwith',
      'setsigningkey',
      'symmetricsecuritykey',
      'signedstring',
      'from_secret',
      'jwtauth.new(',
      'middleware.jwt(',
      'signer.create(',
      'secretkey(',
      'signingmethodhs',
      'decoders.base64',
    ],
    pattern: new RegExp(
      String.raw`(?:\bjwtauth\.New\(\s{0,4}"HS\d{3}"\s{0,4},|\bmiddleware\.JWT\(|\bSigner\.create\(\s{0,4}"HS\d{3}"\s{0,4},|\b(?:sign|verify)\((?:\s{0,4}${ARG},)?\s{0,4}SecretKey\(|\bSigningMethodHS\d{3}\.(?:Sign|Verify)\(\s{0,4}${ARG},|\bAlgorithm\.HMAC(?:256|384|512)\(|\.signWith\(\s{0,4}SignatureAlgorithm\.\w{2,8}\s{0,4},|\.setSigningKey\(|\bKeys\.hmacShaKeyFor\((?:\s{0,4}Decoders\.BASE64(?:URL)?\.decode\()?|\bDecoders\.BASE64(?:URL)?\.decode\(|\b(?:new\s+)?SymmetricSecurityKey\(|\bSymmetricSecurityKey\s{1,4}\w{1,80}\s{0,4}=\s{0,4}new\(|(?:\.|^\s{0,40})SignedString\(|(?:Encoding|Decoding)Key::from_secret\(|\bnew\s+MACSigner\(|\bInMemory::(?:plainText|base64Encoded)\(|\bHS(?:256|384|512)Key::from_bytes\(|\bjwt:(?:sign|verify)\(|\bJWK\(\s{0,4}kty\s{0,4}=\s{0,4}["']oct["']\s{0,4},\s{0,4}k\s{0,4}=|\.setAlgorithm\(\s{0,4}"HS\d{3}"\s{0,4}\)\s{0,4}\.setBuffer\(|\.add\(\s{0,4}hmac:|\bhmac:new\()\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'JWT_SECRET',
    bareInCode: false,
  },
  {
    // HMAC keys: hmac.New(sha256.New, []byte("x")) (Go), crypto.createHmac('sha256', 'x') (Node), hmac.new(b'x', …)
    // (Python), OpenSSL::HMAC.hexdigest('SHA256', 'x', data) (Ruby), hash_hmac('sha256', $data, 'x') (PHP),
    // new HMACSHA256(Encoding.UTF8.GetBytes("x")) (.NET), new SecretKeySpec("x".getBytes(), "HmacSHA256") (Java,
    // Kotlin without `new`),
    // jose's .sign(new TextEncoder().encode('x')) and jwtVerify(token, new TextEncoder().encode('x')),
    // HmacSha256::new_from_slice(b"x") (Rust), and Hmac(sha256, utf8.encode('x')) (Dart)
    id: 'hmac-key',
    readInBundles: true,
    keywords: ['hmac', 'secretkeyspec', 'textencoder', 'importkey('],
    pattern: new RegExp(
      String.raw`(?:\bimportKey\(\s{0,4}["']raw["']\s{0,4},(?=[^\n]{0,200}HMAC)|\bhmac::Key::new\(\s{0,4}${ARG},|\bHmac\w{0,12}::new_from_slice\(|\bhmac\.New\(\s{0,4}${ARG},|\bcreateHmac\(\s{0,4}${ARG},|\bhmac\.new\(|\bHMAC\.(?:hexdigest|digest|base64digest)\(\s{0,4}${ARG},|\bhash_hmac\(\s{0,4}${ARG},\s{0,4}${ARG},|\bnew\s+HMACSHA(?:1|256|384|512)\(|\b(?:new\s+)?SecretKeySpec\(|\.sign\((?=\s{0,4}new\s+TextEncoder)|\bjwtVerify\(\s{0,4}${ARG},(?=\s{0,4}new\s+TextEncoder)|\bHmac\(\s{0,4}sha(?:1|224|256|384|512)\s{0,4},)\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'HMAC_KEY',
  },
  {
    // An environment variable's assignment as a whole string of code: Jenkins' withEnv(["API_TOKEN=x"]), a process's
    // env list, subprocess's ["FOO_PASSWORD=x"], a notebook's source line ("API_TOKEN=x\n"); and a parameter's, as
    // Delphi's FireDAC lists them ('Password=x')
    id: 'env-assignment-string',
    requires: ['='],
    lineContext: /["'][A-Z][A-Za-z0-9_]{1,60}=/,
    pattern:
      /(?<=["'])(?<key>[A-Z][A-Za-z0-9_]{1,60})=(?<bare>(?:[^\s"'$\\;]|\\(?![nrt])){1,500})(?=(?:\\[nrt]){0,4}["'])/g,
    bareInCode: true,
    readsStrings: true,
  },
  {
    // JAAS login modules' options (Kafka's sasl.jaas.config, in a string or escaped in one):
    // `ScramLoginModule required username="u" password="x";`
    id: 'jaas-password',
    keywords: ['loginmodule'],
    pattern:
      /LoginModule\s{1,4}(?:required|optional|requisite|sufficient)\b[^;\n]{0,300}?\bpassword\s{0,4}=\s{0,4}(?:\\?"(?<dq>[^"\\\n]{1,200})\\?"|'(?<sq>[^'\n]{1,200})')/g,
    fixedKey: 'KAFKA_PASSWORD',
  },
  {
    // JMS connection factories and Lettuce's RedisURI given the password: new ActiveMQConnectionFactory(url, "u", "x"),
    // RedisURI.builder()….withAuthentication("default", "x".toCharArray())
    id: 'client-user-password',
    keywords: ['connectionfactory(', 'withauthentication('],
    pattern: new RegExp(
      String.raw`(?:\b(?:ActiveMQ(?:Ssl)?ConnectionFactory|JmsConnectionFactory)\(\s{0,4}${ARG},|\.withAuthentication\()\s{0,4}${ARG},\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // Algolia's client given its application ID and key: `algoliasearch('APPID', '<32 hex>')` (a search-only key is
    // the browser's: browserKeys.ts)
    id: 'algolia-client-key',
    keywords: ['algoliasearch('],
    pattern: /\balgoliasearch\(\s*["'][A-Z0-9]{10}["']\s*,\s*(?:"(?<dq>[0-9a-f]{32})"|'(?<sq>[0-9a-f]{32})')/g,
    fixedKey: 'API_KEY',
  },
  {
    // the mysql client's history file, which writes a space as `\040`: `CREATE\040USER\040…\040IDENTIFIED\040BY\040'…'`
    id: 'mysql-history-password',
    keywords: ['identified\\040'],
    pattern: /(?<![A-Za-z])IDENTIFIED\\040(?:WITH\\040\w{1,64}\\040)?BY\\040'(?<sq>[^'\n]{1,200})'/gi,
    fixedKey: 'MYSQL_PASSWORD',
  },
  {
    // the same in a bundle, whose minifier renamed the client: `zt()("APPID","<32 hex>").initIndex(…)`
    id: 'algolia-bundled-client-key',
    keywords: ['.initindex('],
    pattern:
      /\(\s*["'][A-Z0-9]{10}["']\s*,\s*(?:"(?<dq>[0-9a-f]{32})"|'(?<sq>[0-9a-f]{32})')\s*\)(?=[^\n]{0,80}\.initIndex\()/g,
    fixedKey: 'API_KEY',
  },
  {
    // a user and password tuple kept under a name for them: `JASPER_AUTH = ("svc", "…")`, `DB_CREDENTIALS = [u, "…"]`
    id: 'auth-tuple',
    keywords: ['auth =', 'auth=', 'credentials =', 'credentials=', 'creds =', 'creds='],
    pattern: new RegExp(
      String.raw`\b(?:[A-Za-z][A-Za-z0-9]{0,30}_){1,4}(?:auth|AUTH|credentials|CREDENTIALS|creds|CREDS)\s*=\s*[([]${USER_THEN_PASSWORD}`,
      'g',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // Node's and http-proxy's request option, Vite's and webpack's dev-server proxies: `auth: 'user:password'`;
    // HTTPie's session file (`"raw_auth": "user:password"`); Flower's `basic_auth = ["user:password"]`
    id: 'auth-option',
    keywords: ['auth:', 'auth=', 'auth =', 'auth"', "auth'"],
    pattern:
      /(?<![\w.$-])["']?(?:raw_|basic_?)?auth["']?\s{0,4}[:=]\s{0,4}\[?\s{0,4}(?:"[^"\s:@/]{1,64}:(?<dq>[^"\s]{1,200})"|'[^'\s:@/]{1,64}:(?<sq>[^'\s]{1,200})')/g,
    fixedKey: 'AUTH_PASSWORD',
  },
  {
    // Object storage tools configured on the command line: `obsutil config -i=ID -k=SECRET`, `ossutil config -i ID -k
    // SECRET`, `coscli config add … -k SECRET` (shell histories keep them)
    id: 'storage-cli-secret',
    keywords: ['obsutil', 'ossutil', 'coscli'],
    pattern: /\b(?:obsutil|ossutil(?:64)?|coscli)\b[^\n]{0,200}?\s-k[= ](?<bare>[A-Za-z0-9/+]{20,80})(?=\s|$)/g,
    fixedKey: 'ACCESS_KEY_SECRET',
    bareInCode: true,
  },
  {
    // … and their key IDs (`-i=`), which have no prefix to find them by (Huawei Cloud's)
    id: 'storage-cli-key-id',
    keywords: ['obsutil', 'ossutil', 'coscli'],
    pattern: /\b(?:obsutil|ossutil(?:64)?|coscli)\b[^\n]{0,200}?\s-i[= ](?<bare>[A-Za-z0-9]{16,64})(?=\s|$)/g,
    fixedKey: 'ACCESS_KEY_ID',
    bareInCode: true,
  },
  {
    // A wallet's recovery phrase (BIP-39: 12 to 24 words): `const mnemonic = "…"`, `WALLET_MNEMONIC=…`, Hardhat's
    // `accounts: { mnemonic: "…" }`
    id: 'mnemonic-phrase',
    keywords: ['mnemonic', 'seed_phrase', 'seedphrase', 'recovery_phrase', 'recoveryphrase'],
    pattern:
      /(?:[Mm]nemonic|MNEMONIC|[Ss]eed_?[Pp]hrase|SEED_?PHRASE|[Rr]ecovery_?[Pp]hrase|RECOVERY_?PHRASE)["']?\s{0,4}(?:=|:=|:|=>)\s{0,4}(?:"(?<dq>(?:[a-z]{3,8} ){11,23}[a-z]{3,8})"|'(?<sq>(?:[a-z]{3,8} ){11,23}[a-z]{3,8})'|`(?<bq>(?:[a-z]{3,8} ){11,23}[a-z]{3,8})`)/g,
    fixedKey: 'PASSPHRASE',
  },
  {
    // Weights & Biases: wandb.login(key="<40 hex>")
    id: 'wandb-login',
    keywords: ['wandb.login('],
    pattern: /\bwandb\.login\([^()\n]{0,80}?\bkey\s{0,4}=\s{0,4}(?:"(?<dq>[0-9a-f]{40})"|'(?<sq>[0-9a-f]{40})')/g,
    fixedKey: 'WANDB_API_KEY',
  },
  {
    // COBOL's data items: 01  WS-DB-PASS  PIC X(18) VALUE 'x'.
    id: 'cobol-value',
    keywords: ['pic ', 'picture '],
    pattern:
      /^\s{0,20}\d{2}\s{1,20}(?<key>[A-Za-z0-9][A-Za-z0-9-]{0,29})\s{1,20}PIC(?:TURE)?\s{1,4}[^\s'"]{1,30}\s{1,20}VALUE\s{1,4}(?:'(?<sq>[^'\n]{1,200})'|"(?<dq>[^"\n]{1,200})")/gi,
  },
  {
    // Expect scripts answering a password prompt: "assword:" { send "x\r" }, expect "Password:"; send "x\r", expect
    // "Pass:" {send "x\r"}, expect "password:" { sleep 1; send "x\r" } (not "Select class:")
    id: 'expect-send',
    keywords: ['send '],
    pattern:
      /(?:\b[Pp]ass|ass(?:word|phrase))[^"\n]{0,20}"[^\n]{0,80}?\bsend\s{1,4}(?:--\s{1,4})?"(?<dq>(?:[^"\\\n]|\\[^rn\n]){1,200})(?:\\[rn])?"/g,
    fixedKey: 'SSH_PASSWORD',
  },
  {
    // Haskell's JWT keys: servant-auth's `fromSecret (BS.pack "x")`, jose's `fromOctets "x"`, jwt's `hmacSecret "x"`
    id: 'haskell-jwt-key',
    keywords: ['fromsecret', 'fromoctets', 'hmacsecret'],
    pattern:
      /\b(?:fromSecret|fromOctets|hmacSecret)\s{0,4}[($]?\s{0,4}(?:\(?[\w.]{1,20}\s{1,4})?"(?<dq>[^"\n]{8,500})"/g,
    fixedKey: 'JWT_SECRET',
  },
  {
    // Mojolicious' cookie signing secrets: app->secrets(['x']), $self->secrets(["x", "old"]), and in its
    // configuration file, `secrets => ['x']`
    id: 'mojolicious-secrets',
    keywords: ['->secrets(', 'secrets '],
    pattern:
      /(?:->secrets\(|(?:^|[{,(])\s{0,8}secrets\s{1,12}=>)\s{0,4}\[\s{0,4}(?:"(?<dq>[^"\n]{8,500})"|'(?<sq>[^'\n]{8,500})')/g,
    fixedKey: 'SESSION_SECRET',
  },
  {
    // Clojure: (def secret "x"), (def ^:private api-key "x"), (defonce ^{:private true} token "x")
    id: 'clojure-def',
    keywords: ['(def'],
    pattern:
      /\(def(?:once)?\s{1,4}(?:\^(?::[\w-]{1,20}|\{[^{}\n]{0,80}\})\s{1,4}){0,3}(?<key>[\w.*+!?<>=-]{1,80})\s{1,4}"(?<dq>[^"\n]{1,500})"/g,
  },
  {
    // Go: smtp.PlainAuth("", "user", "password", "host"), smtp.PlainAuth("", from, "password", host)
    id: 'smtp-plain-auth',
    keywords: ['plainauth'],
    pattern: new RegExp(String.raw`\bsmtp\.PlainAuth\(\s{0,4}${ARG},\s{0,4}${ARG},\s{0,4}` + Q_ARG, 'g'),
    fixedKey: 'SMTP_PASSWORD',
  },
  {
    // Go: gomail.NewDialer("smtp.example.com", 587, "user", "password")
    id: 'smtp-dialer',
    keywords: ['newdialer'],
    pattern: new RegExp(String.raw`\bNewDialer\(\s{0,4}${ARG},\s{0,4}${ARG},\s{0,4}${ARG},\s{0,4}` + Q_ARG, 'g'),
    fixedKey: 'SMTP_PASSWORD',
  },
  {
    // Go: credentials.NewStaticV4("access key", "secret key", "") (MinIO and S3-compatible stores)
    id: 'static-credentials',
    keywords: ['newstaticv'],
    pattern: new RegExp(String.raw`\bNewStaticV[24]\(\s{0,4}"[^"\n]{1,200}"\s{0,4},\s{0,4}` + Q_ARG, 'g'),
    fixedKey: 'SECRET_KEY',
  },
  {
    // Redis configuration: requirepass x, masterauth x, also set at run time (`CONFIG SET requirepass x`); Sentinel's
    // `sentinel auth-pass <master> x`
    id: 'redis-auth',
    keywords: ['requirepass', 'masterauth', 'auth-pass'],
    pattern:
      /^\s*(?:(?:redis-cli\b[^\n]{0,200}?\s)?(?:CONFIG|config)\s+(?:SET|set)\s+)?(?:requirepass|masterauth|sentinel\s+auth-pass\s+[\w.-]{1,80})\s+(?:"(?<dq>[^"\n]{1,200})"|(?<bare>[^\s"#]\S{0,199}))\s*$/g,
    fixedKey: 'REDIS_PASSWORD',
    bareInCode: true,
  },
  {
    // Redis ACL users (users.acl, ACL SETUSER): `user worker on >x ~jobs:* +@all` (`#…` is the password's hash)
    id: 'redis-acl-user',
    keywords: ['user ', 'setuser'],
    requires: ['>'],
    // (a user that logs in is `on`, before or after its password: `user add bob > /dev/null` in a script is no ACL;
    // also through the client: `redis-cli ACL SETUSER …`)
    pattern:
      /^\s*(?:redis-cli\b[^\n]{0,200}?\s)?(?:ACL\s+SETUSER|user)\s+\S{1,64}\s(?=(?:[^\n]{0,400}?\s)?on(?:\s|$))(?:[^>\n]{0,200}\s)?>(?<bare>\S{1,200})/gi,
    fixedKey: 'REDIS_PASSWORD',
    bareInCode: true,
  },
  {
    // Cisco IOS: `username ops privilege 15 password 0 x` (type 0 is plain text; 5, 7, 8 and 9 are hashes or encoded)
    id: 'cisco-username-password',
    keywords: ['password 0 ', 'secret 0 '],
    pattern: /^\s*username\s+\S{1,64}\s+(?:privilege\s+\d{1,2}\s+)?(?:password|secret)\s+0\s+(?<bare>\S{1,200})/g,
    fixedKey: 'PASSWORD',
    bareInCode: true,
  },
  {
    // Kickstart: `rootpw --plaintext x` or `rootpw x` (`--iscrypted` holds a hash)
    id: 'kickstart-rootpw',
    keywords: ['rootpw'],
    pattern: /^\s*rootpw\s+(?:--plaintext\s+)?(?<bare>(?!--)\S{1,200})\s*$/g,
    fixedKey: 'ROOT_PASSWORD',
    bareInCode: true,
  },
  {
    // AWS CDK: SecretValue.unsafePlainText('x') puts the value in the synthesized template (C#: UnsafePlainText); not
    // a user's name given the same way (`username: SecretValue.unsafePlainText('svc-ldap')`)
    id: 'cdk-plain-secret',
    readInBundles: true,
    keywords: ['secretvalue.'],
    pattern: new RegExp(
      String.raw`(?<!\b(?:[Uu]ser(?:[Nn]ame)?|[Ll]ogin)["']?\s{0,4}[:=]\s{0,4}(?:cdk\.)?)\bSecretValue\.(?:[Uu]nsafePlainText|[Pp]lainText)\(\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'SECRET',
  },
  {
    // SQL rows of settings tables without a column list: VALUES ('smtp_password', 'x'), ('api_key', 'y'), also after
    // the row's id (a WordPress dump's `(213,'smtp_pass','x','yes')`); values mixing letters with digits or cases (a
    // row naming where a secret is kept says `'vault'`, `'alicloud-kms'`); Magento's `core_config_data` rows name a
    // scope first and a path (`(5,'default',0,'smtp/password','x')`)
    id: 'sql-name-value-row',
    requires: ["('", "( '", ",'"],
    lineContext: /\bVALUES\b|^\s*,?\s*\(/i,
    pattern:
      /\(\s*(?:\d{1,12}\s*,\s*)?(?:'(?:default|websites|stores)'\s*,\s*(?:\d{1,6}\s*,\s*)?)?'(?<key>[\w.:/-]{1,80})'\s*,\s*'(?<sq>[^'\n]{1,500})'/g,
    credentialMix: true,
  },
  {
    // SQL: IDENTIFIED BY 'x', IDENTIFIED WITH plugin BY 'x', WITH PASSWORD 'x', PASSWORD 'x' (Oracle's database links:
    // CONNECT TO u IDENTIFIED BY "x"); T-SQL's
    // WITH PASSWORD = N'x' (a Unicode literal) and OLD_PASSWORD = N'x'; MySQL's SET PASSWORD FOR 'u'@'h' = 'x'. The word
    // starts the line or follows a space, `(` or `,` (not `-field=password "path"` on a command line).
    id: 'sql-password',
    pattern:
      /(?:(?<![^\s(,])(?:IDENTIFIED\s+(?:WITH\s+(?!\w{0,40}hash\b)\w{1,64}\s+)?BY(?:\s+PASSWORD)?|(?:OLD_)?PASSWORD|SECRET)(?:\s*=\s*N|\s+N?)|\bSET\s+PASSWORD\s+FOR\s+[^=\n]{1,130}?=\s*N?)(?:'(?<sq>[^'\n]{1,200})'|"(?<dq>[^"\n]{1,200})")/gi,
    fixedKey: 'DB_PASSWORD',
    keywords: ['identified', 'password', 'secret'],
    // a statement's words on the line, or the line goes on one above (a GRANT's `ON db.* TO 'u'@'h' IDENTIFIED BY`; not a
    // comment's "identified by "code"", not
    // kubectl describe's `<set to the key 'uri' in secret 'billing-mongo'>`; not a path's `/user/`)
    lineContext:
      /(?<![/.-])\b(?:USER|ROLE|LOGIN|GRANT|CREATE|ALTER|WITH|(?<!<)SET|SERVER|MAPPING|OPTIONS|CREDENTIAL|ENCRYPTED|CONNECT\s+TO)\b(?![/.-])|^\s*(?:IDENTIFIED|PASSWORD|SECRET|OLD_PASSWORD)\b|^\s*ON\s+\S{1,100}\s+TO\s/i,
  },
  {
    // sqlcmd's scripting variables: `:setvar AppPassword "Winter#Violet93"`, which the script reads as `$(AppPassword)`
    id: 'sqlcmd-setvar',
    keywords: [':setvar'],
    pattern: /^\s*:setvar\s+(?<key>[A-Za-z_][\w-]{0,79})\s+(?:"(?<dq>[^"\n]{1,500})"|(?<bare>[^\s"]{1,500}))\s*$/gi,
    bareInCode: true,
  },
  {
    // A routine's parameter with a default: T-SQL's `@ApiKey NVARCHAR(64) = N'…'`, PostgreSQL's
    // `p_routing_key text DEFAULT '…'` (the parameter's name, a text type, then the literal)
    id: 'sql-parameter-default',
    keywords: ['varchar', 'text default', 'sysname', 'varbinary'],
    pattern:
      /(?<![\w@])@?(?<key>[A-Za-z_]\w{0,79})\s+(?:N?VARCHAR2?|N?CHAR|N?TEXT|CITEXT|SYSNAME|VARBINARY|CHARACTER\s+VARYING)(?:\s?\(\s?(?:\d{1,5}|MAX)\s?\))?\s{0,4}(?:=\s{0,4}N?|\bDEFAULT\s+N?)'(?<sq>[^'\n]{1,500})'/gi,
  },
  {
    // MySQL: SET PASSWORD FOR 'u'@'h' = PASSWORD('x') (not a method: `read.password('Password:')`); SQL Server:
    // EXEC sp_addlogin 'u', 'x', sp_setapprole 'role', 'x', sp_password NULL, 'x'
    id: 'sql-password-call',
    keywords: ['password(', 'sp_addlogin', 'sp_addlinkedsrvlogin', 'sp_setapprole', 'sp_password'],
    pattern:
      /(?:(?<![\w.])PASSWORD\s*\(\s*|\b(?:(?:sp_addlogin|sp_setapprole)\s+N?'[^'\n]{0,128}'\s*,\s*N?|sp_password\s+(?:NULL|N?'[^'\n]{0,128}')\s*,\s*N?|sp_addlinkedsrvlogin\s+(?:[^,\n]{1,130},\s*){4}N?))'(?<sq>[^'\n]{1,200})'/gi,
    fixedKey: 'DB_PASSWORD',
  },
  {
    // T-SQL variables declared with a value: DECLARE @ApiKey NVARCHAR(100) = N'x'
    id: 'sql-declare',
    keywords: ['declare'],
    pattern:
      /\bDECLARE\s+(?<key>@\w{1,80})\s+(?:AS\s+)?\w{1,30}(?:\s*\(\s*(?:\d{1,5}|MAX)\s*\))?\s*=\s*N?'(?<sq>[^'\n]{1,500})'/gi,
  },
  {
    // T-SQL named arguments with a Unicode literal: EXEC sp_addlinkedsrvlogin @rmtuser = N'sa', @rmtpassword = N'x'
    id: 'sql-named-argument',
    requires: ["N'"],
    pattern: /(?<![\w@])(?<key>@\w{1,80})\s{0,4}=\s{0,4}N'(?<sq>[^'\n]{1,500})'/g,
  },
  {
    // A settings row updated by name: UPDATE settings SET value = 'x' WHERE name = 'smtp_password'
    id: 'sql-update-by-name',
    keywords: ['where'],
    pattern:
      /\bSET\s+(?:\w{1,40}_)?(?:value|val)\s*=\s*N?'(?<sq>[^'\n]{1,500})'\s+WHERE\s+(?:\w{1,40}_)?(?:name|key|setting|param)\s*=\s*N?'(?<key>[\w.:-]{1,80})'/gi,
  },
  {
    // PostgreSQL settings: ALTER DATABASE shop SET app.jwt_secret TO 'x', ALTER ROLE app SET "pgrst.jwt_secret" TO 'x'
    id: 'sql-set-to',
    requires: [' TO ', ' to '],
    pattern: /\bSET\s+"?(?<key>[\w.]{1,80})"?\s+TO\s+'(?<sq>[^'\n]{1,500})'/gi,
  },
  {
    // A password hashed on the spot: crypt('x', gen_salt('bf')), SHA2('x', 256), MD5('x'), digest('x', 'sha256');
    // not crypt('x', password_hash), which checks what a user typed
    id: 'sql-hashed-literal',
    keywords: ['crypt(', 'sha1(', 'sha2(', 'md5(', 'digest('],
    // (a salt made for it says a password: `crypt('…', gen_salt('bf'))` among a seed's values)
    lineContext: /pass|pwd|secret|credential|gen_salt\(/i,
    pattern:
      /\b(?:(?:SHA1|SHA2|MD5)\(\s*|crypt\(\s*(?='[^'\n]{1,200}'\s*,\s*gen_salt\()|digest\(\s*(?='[^'\n]{1,200}'\s*,\s*'(?:sha|md5)))'(?<sq>[^'\n]{1,200})'/gi,
    fixedKey: 'DB_PASSWORD',
  },
  {
    // pgjwt's (PostgREST's) `sign(json_build_object(…), 'x')`: the key that signs the tokens a login function returns
    // (its call over several lines is read joined)
    id: 'pgjwt-sign',
    keywords: ['sign('],
    pattern:
      /\bsign\(\s*(?:row_to_json|jsonb?_build_object)\((?:[^()\n]|\((?:[^()\n]|\([^()\n]{0,100}\)){0,200}\)){0,600}\)\s*,\s*'(?<sq>[^'\n]{8,500})'/g,
    fixedKey: 'JWT_SECRET',
  },
  {
    // Ciphers made with a literal key: Fernet(b"x") (Python), AES.new(b"x", …) (PyCryptodome), aes.NewCipher([]byte("x"))
    // (Go), createCipheriv('aes-256-gcm', 'x', iv) (Node)
    id: 'cipher-key-literal',
    keywords: ['fernet(', 'aes.new(', 'newcipher(', 'cipheriv('],
    pattern: new RegExp(
      String.raw`(?:\bFernet\(|\bAES\.new\(|\baes\.NewCipher\(|\bcreate(?:Cipher|Decipher)iv\(\s{0,4}${ARG},)\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'ENCRYPTION_KEY',
  },
  {
    // Oracle logins: CONNECT system/x@db (SQL*Plus; a password with special characters in double quotes:
    // CONNECT sys/"x"@//host/SVC AS SYSDBA), sqlplus scott/x@orcl, expdp, impdp, rman, sqlldr
    id: 'oracle-login',
    keywords: ['connect ', 'conn ', 'sqlplus', 'expdp', 'impdp', 'rman target', 'sqlldr'],
    pattern:
      /(?:^\s*(?:CONNECT|CONN|connect|conn)|\b(?:sqlplus|expdp|impdp|rman\s+target|sqlldr)(?:\s+-[sSLl])?)\s+[\w$#]{1,30}\/(?:"(?<dq>[^"\n]{1,128})"(?=@)|(?<bare>[^\s@/;'"$][^\s@/;'"]{0,127})(?=@|\s|;|$))/g,
    fixedKey: 'ORACLE_PASSWORD',
    bareInCode: true,
  },
  {
    // Oracle: ALTER USER scott IDENTIFIED BY tiger (unquoted)
    id: 'sql-identified-by',
    pattern:
      /\bIDENTIFIED\s+BY\s+(?!RANDOM\s+PASSWORD\b)(?<bare>[A-Za-z][A-Za-z0-9_#$]{0,127})(?=\s*(?:;|$|\s(?:DEFAULT|ACCOUNT|PASSWORD|QUOTA|PROFILE|TEMPORARY|USING)\b))/gi,
    fixedKey: 'DB_PASSWORD',
    bareInCode: true,
    keywords: ['identified'],
  },
  {
    // DriverManager.getConnection(url, "user", "password")
    id: 'jdbc-get-connection',
    pattern: /\bgetConnection\(\s*[^,\n]{1,300},\s*"[^"\n]{0,100}"\s*,\s*"(?<dq>[^"\n]{1,200})"/g,
    fixedKey: 'DB_PASSWORD',
    keywords: ['getconnection'],
  },
  {
    // pymysql.connect("host", "user", "password", …), mysql.connector.connect positional
    id: 'python-db-connect',
    keywords: ['connect('],
    pattern:
      /\b(?:pymysql|MySQLdb|mysql\.connector|psycopg2|cx_Oracle|pyodbc)\.connect\(\s*["'][^"'\n]{0,200}["']\s*,\s*["'][^"'\n]{0,100}["']\s*,\s*(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})')/g,
    fixedKey: 'DB_PASSWORD',
  },
  {
    // Positional passwords: new PDO(dsn, "user", "pw") (and as a PHP stack trace shows it, `PDO->__construct('mysql:…',
    // 'user', 'pw', Array)`), mysqli_connect("h", "u", "pw"), new Sequelize("db", "u", "pw"), smtp.login("me", "pw"),
    // ftp.login('u', 'pw'), sql.connect(server, user, "pw")
    id: 'positional-password',
    readInBundles: true,
    keywords: ['pdo', 'mysqli', 'sequelize', 'mysql_connect', 'oci_connect', 'dbi->connect'],
    pattern:
      /(?:\bnew\s+PDO|\bPDO->__construct|\bnew\s+mysqli|\bmysqli_connect|\bmysql_connect|\boci_connect|\bnew\s+Sequelize|\bDBI->connect)\(\s*(?:["'][^"'\n]{0,200}["']\s*,\s*|[\w.$>-]{1,60}\s*,\s*){2}(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})')\s*[,)]/g,
    fixedKey: 'DB_PASSWORD',
  },
  {
    // Haskell's connection settings applied to their fields in order: Hasql `settings "host" 5432 "user" "x" "db"`,
    // postgresql-simple `ConnectInfo "host" 5432 "user" "x" "db"`
    id: 'haskell-connect-settings',
    keywords: ['settings "', 'connectinfo "'],
    pattern:
      /\b(?:settings|ConnectInfo)\s+"[^"\n]{1,200}"\s+\d{1,5}\s+"[^"\n]{0,100}"\s+"(?<dq>[^"\n]{1,200})"\s+"[^"\n]{0,100}"/g,
    fixedKey: 'DB_PASSWORD',
  },
  {
    // Nim's db_postgres/db_mysql `open("host", "user", "x", "db")`: four strings, the third the password (a file's
    // `open` takes one to three arguments, not four strings)
    id: 'nim-db-open',
    keywords: ['open("'],
    onlyIn: ['code'],
    pattern:
      /\bopen\(\s*"[^"\n]{1,200}"\s*,\s*"[^"\n]{0,100}"\s*,\s*"(?<dq>[^"\n]{1,200})"\s*,\s*"[^"\n]{0,100}"\s*\)/g,
    fixedKey: 'DB_PASSWORD',
  },
  {
    // client.login("user", "x"), MailKit's client.AuthenticateAsync("user", "x", ct)
    id: 'login-call',
    readInBundles: true,
    keywords: ['login(', 'loginasync(', 'authenticate(', 'authenticateasync('],
    pattern:
      /\.(?:[Ll]ogin|Authenticate)(?:Async)?\(\s*(?:["'][^"'\n]{0,200}["']|[\w.$]{1,60})\s*,\s*(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})')\s*(?:\)|,\s*(?:ct|cancellationToken|token|CancellationToken\.None)\s*\))/g,
    fixedKey: 'PASSWORD',
  },
  {
    // new NetworkCredential("user", "pw"), HTTPBasicAuth('user', 'pw'), auth=('user', 'pw') (also Elasticsearch's
    // basic_auth= and http_auth=), url.UserPassword("u", "pw") (Go), new UsernamePasswordCredential("u", "pw", tenant,
    // client) (Azure), Credentials.basic("u", "pw") (OkHttp), R's httr authenticate("u", "pw"), Spring's new
    // BasicAuthenticationInterceptor("u", "pw") (Feign's BasicAuthRequestInterceptor, Gatling's basicAuth), Jenkins'
    // realm.createAccount("u", "pw"), Elastic.Transport's new BasicAuthentication("u", "pw"), kafka-go's
    // scram.Mechanism(scram.SHA512, "u", "pw"); the user may be a constant or a variable
    // (`PasswordAuthentication(SENDER, "pw")`, `req.SetBasicAuth(deployUser, "pw")`, go-ldap's `l.Bind(dn, "pw")`); the
    // MongoDB shell's `db.changeUserPassword("u", "pw")`; C#'s target-typed `NetworkCredential c = new("u", "pw")`;
    // JMS's `new ActiveMQConnectionFactory("u", "pw", url)` and `createConnection("u", "pw")` (a user given as a
    // literal: not Artemis's `(url, "u", "pw")`, not Node's `net.createConnection(port, "host")`), the Cassandra
    // drivers' `withAuthCredentials("u", "pw")` and `PlainTextAuthProvider("u", "pw")`, Puppet's
    // `postgresql_password("u", "pw")`, Oracle's `UTL_HTTP.set_wallet('file:…', 'pw')`, Pywikibot's
    // `BotPassword('name', 'pw')`
    id: 'credential-pair',
    readInBundles: true,
    requires: ['(', '['],
    pattern: new RegExp(
      String.raw`(?:\bNetworkCredential(?:\s+\w+\s*=\s*new)?\s*\(|\b(?:PasswordAuthentication|createAccount|HTTPBasicAuth|HTTPDigestAuth|BasicAuth|BasicAuthenticationInterceptor|BasicAuthRequestInterceptor|basicAuth|basicAuthentication|UsernamePasswordCredentials?|UsernamePasswordAuthenticationToken|UserPassword|PlainCredentials|PasswordCredential|SetBasicAuth|HttpBasicAuthenticator|StorageSharedKeyCredential|Credentials\.basic|Credentials::new|authenticate|BasicAuthentication|changeUserPassword|withAuthCredentials|PlainTextAuthProvider|postgresql_password|set_wallet|BotPassword)\s*\(|\b(?:ActiveMQConnectionFactory|createConnection)\s*\((?=\s*["'][^"':\n]{1,100}["']\s*,)|\.Bind\(|\bscram\.Mechanism\(\s*scram\.SHA(?:256|512)\s*,|\b(?:auth|http_auth|basic_auth)\s*=\s*[([])${USER_THEN_PASSWORD}`,
      'g',
    ),
    fixedKey: 'PASSWORD',
    keywords: [
      'credential',
      'auth',
      'password',
      'storagesharedkey',
      'createaccount(',
      'scram.mechanism(',
      '.bind(',
      'activemqconnectionfactory(',
      'createconnection(',
      'set_wallet',
    ],
  },
  {
    // Jenkins' `new UsernamePasswordCredentialsImpl(scope, id, description, user, "…")` (init scripts, Job DSL; an
    // argument may be a call, `UUID.randomUUID().toString()`, and starts with no space: one way to split the spaces)
    id: 'jenkins-credentials',
    keywords: ['usernamepasswordcredentialsimpl'],
    pattern:
      /\bUsernamePasswordCredentialsImpl\(\s*(?:[^\s,()](?:[^,()\n]|\([^()\n]{0,100}\)){0,199},\s*){4}(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})')\s*\)/g,
    fixedKey: 'PASSWORD',
  },
  {
    // OmniAuth's providers: Devise's `config.omniauth :facebook, "app id", "app secret"`, OmniAuth::Builder's
    // `provider :github, "client id", "client secret", scope: …` (the id may be read from the environment)
    id: 'omniauth-provider',
    keywords: ['omniauth', 'provider :'],
    pattern: new RegExp(
      String.raw`\b(?:omniauth|provider)\s{1,40}:\w{1,40}\s{0,40},\s{0,40}(?:"[^"\n]{1,200}"|'[^'\n]{1,200}'|ENV(?:\[[^\]\n]{1,80}\]|\.fetch\([^)\n]{1,80}\))|[A-Za-z_][\w.]{0,60})\s{0,40},\s{0,40}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'CLIENT_SECRET',
  },
  {
    // Azure: new ClientSecretCredential(tenantId, clientId, "secret")
    id: 'client-secret-credential',
    readInBundles: true,
    keywords: ['clientsecretcredential'],
    pattern: new RegExp(String.raw`\bClientSecretCredential\(\s{0,4}${ARG},\s{0,4}${ARG},\s{0,4}` + Q_ARG, 'g'),
    fixedKey: 'AZURE_CLIENT_SECRET',
  },
  {
    // Clients constructed with their API key: openai.NewClient("x") and sendgrid.NewSendClient("x") (Go), new
    // SendGridClient("x") and new AzureKeyCredential("x") (.NET), new SendGrid("x") (Java, PHP), option.WithAPIKey("x")
    // (Google's Go clients), tweepy.OAuthHandler("consumer key", …), cohere.Client("x"), vt.NewClient("x")
    // (VirusTotal), LaunchDarkly.init("sdk-…"), algoliasearch("APPID", "x"), lark.NewClient("cli_…", "x") (Feishu),
    // new Credentials\Basic("key", "x") (Vonage), Azure Cognitive Services' CognitiveServicesCredentials("x") and
    // SpeechConfig(subscription="x")
    id: 'api-key-argument',
    readInBundles: true,
    keywords: [
      'openai.newclient',
      'sendgrid',
      'keycredential(',
      'withapikey(',
      'oauthhandler(',
      'cohere.client',
      'vt.newclient(',
      'launchdarkly.init(',
      'algoliasearch(',
      'lark.newclient(',
      'basic(',
      'searchclient::create(',
      'credentials(',
      'speechconfig',
    ],
    pattern: new RegExp(
      String.raw`(?:\bopenai\.NewClient\(|\bsendgrid\.NewSendClient\(|\bnew\s+\\?(?:SendGrid|SendGridClient|AzureKeyCredential|ApiKeyCredential)\(|\boption\.WithAPIKey\(|\bOAuthHandler\(|\bcohere\.Client(?:V2)?\(|\bvt\.NewClient\(|\bLaunchDarkly\.init\(|\b(?:algoliasearch|lark\.NewClient|Credentials\\Basic|SearchClient::create)\(\s{0,4}${ARG},|\b(?:CognitiveServicesCredentials|ApiKeyServiceClientCredentials|SpeechConfig\.FromSubscription)\(|\bSpeechConfig\(\s{0,4}subscription\s{0,4}=)\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'API_KEY',
  },
  {
    // Keys that sign session cookies and tokens: cookieParser('x') (Express), sessions.NewCookieStore([]byte("x")),
    // csrf.Protect([]byte("x")) (gorilla),
    // cookie.NewStore([]byte("x")) (gin) and securecookie.New([]byte("x"), …) (Go), URLSafeTimedSerializer('x') and
    // TimestampSigner('x') (itsdangerous)
    id: 'cookie-signing-key',
    readInBundles: true,
    keywords: [
      'cookieparser(',
      'newcookiestore(',
      'csrf.protect(',
      'cookie.newstore(',
      'securecookie.new(',
      'serializer(',
      'timestampsigner(',
    ],
    pattern: new RegExp(
      String.raw`(?:\bcookieParser\(|\bNewCookieStore\(|\bcsrf\.Protect\(|\bcookie\.NewStore\(|\bsecurecookie\.New\(|\b(?:URLSafe)?(?:Timed)?Serializer\(|\bTimestampSigner\()\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'SESSION_SECRET',
  },
  {
    // The second key of gorilla's NewCookieStore(hashKey, blockKey) and securecookie.New(hashKey, blockKey): it
    // encrypts the cookies (a comment may follow the first key when the call is broken over lines)
    id: 'cookie-block-key',
    readInBundles: true,
    keywords: ['newcookiestore(', 'securecookie.new('],
    pattern: new RegExp(
      String.raw`\b(?:NewCookieStore|securecookie\.New)\(\s{0,4}${Q_ARG.replace(/\?<\w+>/g, '?:')}\)?\s{0,4},(?:\s{0,4}\/\/[^"\n]{0,80}?)?\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'SESSION_SECRET',
  },
  {
    // The first of the keys that sign session cookies: cookieSession({ keys: ['x', …] }) (Express), app.keys = ['x'] (Koa)
    id: 'cookie-keys-array',
    readInBundles: true,
    keywords: ['cookiesession(', 'app.keys'],
    pattern: new RegExp(
      String.raw`(?:\bcookieSession\(\s{0,4}\{[^}\n]{0,200}?\bkeys|\bapp\.keys)\s{0,4}[:=]\s{0,4}\[\s{0,4}` + Q_ARG,
      'g',
    ),
    fixedKey: 'SESSION_SECRET',
  },
  {
    // A CryptoKit key made from a literal: SymmetricKey(data: "x".data(using: .utf8)!), SymmetricKey(data: Data("x".utf8))
    id: 'symmetric-key-literal',
    keywords: ['symmetrickey('],
    pattern: new RegExp(String.raw`\bSymmetricKey\(\s{0,4}data:\s{0,4}(?:Data\(\s{0,4})?` + Q_ARG, 'g'),
    fixedKey: 'SIGNING_KEY',
  },
  {
    // The key a Go JWT key function returns:
    // jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return []byte("x"), nil })
    id: 'go-key-function',
    keywords: ['[]byte('],
    pattern: /\breturn\s+\[\]byte\(\s*"(?<dq>[^"\n]{1,500})"\s*\)\s*,\s*nil\b/g,
    fixedKey: 'JWT_SECRET',
  },
  {
    // A password in the second place: env.put(Context.SECURITY_CREDENTIALS, "x") (JNDI, LDAP), conn.Bind("cn=admin,…",
    // "x") and l.simple_bind_s("uid=…", "x") (LDAP), req.basic_auth 'u', 'x' (Ruby), .basic_auth("u", Some("x")) (Rust),
    // new X509Certificate2("server.pfx", "x") (.NET), WiFi.begin("ssid", "x") (Arduino), client.username_pw_set("u", "x")
    // (MQTT), $smtp->auth('u', 'x') (Perl's Net::SMTP), nats.UserInfo("u", "x") (Go), Couchbase's
    // ClusterOptions.clusterOptions("u", "x")
    id: 'second-argument-password',
    readInBundles: true,
    keywords: [
      'security_credentials',
      '.bind(',
      'bind_s(',
      'simple_bind(',
      'basic_auth',
      'x509certificate2(',
      'wifi.begin(',
      'addap(',
      'username_pw_set(',
      '->auth(',
      'nats.userinfo(',
      'clusteroptions(',
    ],
    pattern: new RegExp(
      String.raw`(?:\b(?:WiFi\.begin|(?:WiFiMulti|wifiMulti)\.addAP|username_pw_set|ClusterOptions\.clusterOptions)\(\s{0,4}${ARG}|\bput\(\s{0,4}(?:Context|InitialContext|javax\.naming\.Context)\.SECURITY_CREDENTIALS|\.(?:Bind|bind|simple_bind_s|simple_bind|bind_s)\(\s{0,4}["'](?:cn|uid|CN|UID|ou|OU)=[^"'\n]{0,200}["']|\bbasic_auth(?:\(\s{0,4}|\s{1,4})${ARG}|\bnew\s+X509Certificate2\(\s{0,4}${ARG}|->auth\(\s{0,4}${ARG}|\bnats\.UserInfo\(\s{0,4}${ARG})\s{0,4},\s{0,4}(?:Some\(\s{0,4})?` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // ASP.NET Identity seeding and tests: userManager.CreateAsync(user, "x"), AddPasswordAsync(user, "x"),
    // CheckPasswordAsync(user, "x"), PasswordSignInAsync(name, "x", …), hasher.HashPassword(user, "x")
    id: 'identity-password',
    keywords: ['createasync(', 'passwordasync(', 'passwordsigninasync(', 'hashpassword('],
    lineContext: /[Uu]ser[Mm]anager|[Ss]ign[Ii]n[Mm]anager|[Hh]asher/,
    pattern: new RegExp(
      String.raw`\b(?:CreateAsync|AddPasswordAsync|CheckPasswordAsync|PasswordSignInAsync|HashPassword)\(\s{0,4}${ARG},\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // A key or secret in the second place: TwilioClient.Init(sid, "x"), tweepy.OAuthHandler(key, "x"), new
    // ClientCredential(clientId, "x") (ADAL), new CosmosClient(endpoint, "x"), new StorageCredentials(account, "x"),
    // Swagger UI's ui.preauthorizeApiKey("scheme", "x")
    id: 'second-argument-secret',
    readInBundles: true,
    keywords: [
      'twilio',
      'oauthhandler(',
      'clientcredential(',
      'cosmosclient(',
      'documentclient(',
      'storagecredentials(',
      'preauthorizeapikey(',
    ],
    pattern: new RegExp(
      String.raw`\b(?:TwilioClient\.Init|Twilio\.init|new\s+TwilioRestClient|OAuthHandler|new\s+ClientCredential|new\s+CosmosClient|new\s+DocumentClient|new\s+StorageCredentials|preauthorizeApiKey)\(\s{0,4}${ARG}\s{0,4},\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'API_SECRET',
  },
  {
    // A Twilio auth token beside its account SID, in any language's client: `Client("AC…", "…")`,
    // `Twilio::REST::Client.new("AC…", "…")`, `require('twilio')('AC…', '…')`; a bundle's two variables in a row
    // (`o="AC…",l="…"`)
    id: 'twilio-sid-and-token',
    readInBundles: true,
    keywords: ['twilio', 'client(', 'client.new('],
    pattern:
      /(["'])AC[0-9a-f]{32}\1\s{0,4},\s{0,4}(?:[A-Za-z_$][\w$]{0,3}\s{0,2}=\s{0,2})?(?:"(?<dq>[0-9a-f]{32})"|'(?<sq>[0-9a-f]{32})')/g,
    fixedKey: 'TWILIO_AUTH_TOKEN',
  },
  {
    // A cloud's secret beside its key ID, handed to a client: Tencent Cloud's `Credential("AKID…", "…")`, Volcengine's
    // and KSYun's `AKLT…`, Baidu's `ALTAK…`
    id: 'cloud-key-id-and-secret',
    readInBundles: true,
    keywords: ['akid', 'aklt', 'altak'],
    pattern: new RegExp(
      String.raw`["'](?:AKID[A-Za-z0-9]{32}|AKLT[A-Za-z0-9_-]{20,60}|ALTAK[A-Za-z0-9]{18,30})["']\s{0,4},\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'SECRET_KEY',
  },
  {
    // Object storage clients given their key pair: Qiniu's `Auth.create("…", "…")`, `qiniu.Auth(…)`, `qbox.NewMac(…)`,
    // `digest.Mac(…)`, Huawei OBS's `new ObsClient("…", "…", endpoint)` and `obs.New(…)`, Huawei Cloud's
    // `BasicCredentials("…", "…", project)`, Baidu's `BceCredentials("…", "…")`, Volcengine's `set_sk("…")`
    id: 'storage-key-pair-arguments',
    readInBundles: true,
    keywords: [...STORAGE_CLIENT_WORDS, 'set_sk('],
    pattern: new RegExp(
      String.raw`(?:\b${STORAGE_CLIENTS}\(\s{0,4}["'][A-Za-z0-9_-]{16,64}["']\s{0,4},\s{0,4}|\.set_sk\(\s{0,4})` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'SECRET_KEY',
  },
  {
    // The same clients' access key ID, before the secret: Huawei's and Baidu's have no prefix to find them by
    id: 'storage-key-id-argument',
    readInBundles: true,
    keywords: STORAGE_CLIENT_WORDS,
    pattern: new RegExp(
      String.raw`\b${STORAGE_CLIENTS}\(\s{0,4}` +
        ID_ARG +
        String.raw`(?=\s{0,4},\s{0,4}["'][A-Za-z0-9_/+=-]{16,64}["'])`,
      'g',
    ),
    fixedKey: 'ACCESS_KEY_ID',
  },
  {
    // Pusher's secret after its key (`new Pusher('<key>', '<secret>', '<app id>')`, PHP), Alpha Vantage's key handed to
    // its Python clients (`TimeSeries(key='…')`)
    id: 'market-and-push-clients',
    readInBundles: true,
    keywords: [
      'pusher(',
      'timeseries(',
      'fundamentaldata(',
      'foreignexchange(',
      'cryptocurrencies(',
      'techindicators(',
    ],
    pattern: new RegExp(
      String.raw`(?:\bPusher\(\s{0,4}["'][0-9a-f]{20}["']\s{0,4},\s{0,4}|\b(?:TimeSeries|FundamentalData|ForeignExchange|CryptoCurrencies|TechIndicators)\(\s{0,4}key\s{0,2}=\s{0,2})` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'API_SECRET',
  },
  {
    // Tokens handed to an HTTP client's authenticator: new JwtAuthenticator("x"),
    // new OAuth2AuthorizationRequestHeaderAuthenticator("x", "Bearer") (RestSharp)
    id: 'token-argument',
    readInBundles: true,
    keywords: ['authenticator('],
    pattern: new RegExp(
      String.raw`\bnew\s+(?:JwtAuthenticator|OAuth2AuthorizationRequestHeaderAuthenticator|OAuth2UriQueryParameterAuthenticator)\(\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'API_TOKEN',
  },
  {
    // Passphrases a key is derived from: new Rfc2898DeriveBytes("x", salt, …) (.NET), crypto.pbkdf2Sync('x', salt, …) and
    // crypto.scryptSync('x', salt, 32) (Node)
    id: 'key-derivation-passphrase',
    readInBundles: true,
    keywords: ['rfc2898derivebytes(', 'pbkdf2', 'scrypt'],
    pattern: new RegExp(
      String.raw`(?:\bnew\s+Rfc2898DeriveBytes\(|\b(?:pbkdf2Sync|pbkdf2|scryptSync|scrypt)\()\s{0,4}` + Q_ARG,
      'g',
    ),
    fixedKey: 'PASSPHRASE',
  },
  {
    // Secrets compared in constant time: subtle.ConstantTimeCompare([]byte(t), []byte("x")) (Go),
    // hmac.compare_digest(t, "x") (Python), crypto.timingSafeEqual(a, Buffer.from("x")) (Node),
    // CryptographicOperations.FixedTimeEquals (.NET), ActiveSupport::SecurityUtils.secure_compare (Ruby)
    id: 'constant-time-compare',
    keywords: ['constanttimecompare(', 'compare_digest(', 'timingsafeequal(', 'fixedtimeequals(', 'secure_compare('],
    pattern: new RegExp(
      String.raw`\b(?:ConstantTimeCompare|compare_digest|timingSafeEqual|FixedTimeEquals|secure_compare)\(\s{0,4}(?:${ARG},\s{0,4})?` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'API_TOKEN',
  },
  {
    // A password in the third place: transport.connect("smtp.host", "user", "x") (JavaMail),
    // MongoCredential.createCredential("user", "db", "x".toCharArray()) (and .NET's CreateCredential),
    // keyring.set_password("svc", "user", "x"), ftplib.FTP("host", "user", "x") (Python), Sql.newInstance(url, "user",
    // "x", driver) (Groovy),
    // UTL_HTTP.set_authentication(req, 'user', 'x') (Oracle), User.objects.create_superuser("u", "e@x", "x") (Django),
    // MATLAB's database('source', 'user', 'x'), Upyun's UpYun('bucket', 'operator', 'x')
    id: 'third-argument-password',
    keywords: [
      'database(',
      'transport.connect(',
      'transport.send(',
      'credential(',
      'keyring.set_password(',
      'ftp(',
      'sql.newinstance(',
      'utl_http.set_authentication(',
      'create_superuser(',
      'create_user(',
      'upyun(',
    ],
    pattern: new RegExp(
      String.raw`(?:(?:\b[tT]ransport\.(?:connect|send)|\bMongoCredential\.[cC]reate\w{0,30}Credential|\bkeyring\.set_password|\bftplib\.FTP(?:_TLS)?|\bFTP(?:_TLS)?|\bSql\.newInstance|\bUTL_HTTP\.set_authentication|\.create_(?:super)?user|\bUpYun)\(\s{0,4}${ARG},\s{0,4}${ARG},|\bdatabase\((?:\s{0,4}(?:"[^"\n]{1,200}"|'[^'\n]{1,200}')\s{0,4},){2})\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // A password in the fourth place: mysql_real_connect(conn, host, "user", "x", …) (C), sbt's
    // Credentials("realm", "host", "user", "x") (literals all: other `Credentials` classes take other arguments), LWP's
    // $ua->credentials("host:443", "realm", "user", "x"), Julia's DBInterface.connect(MySQL.Connection, host, "user", "x")
    id: 'fourth-argument-password',
    keywords: ['mysql_real_connect(', 'credentials(', 'dbinterface.connect('],
    pattern: new RegExp(
      String.raw`(?:(?:\bmysql_real_connect|->credentials|\bDBInterface\.connect)\(\s{0,4}${ARG},\s{0,4}${ARG},\s{0,4}${ARG},|\bCredentials\((?:\s{0,4}"[^"\n]{0,200}"\s{0,4},){3})\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // Java key store and key passwords: ks.load(in, "x".toCharArray()), kmf.init(ks, "x".toCharArray()),
    // new PBEKeySpec("x".toCharArray())
    id: 'char-array-password',
    keywords: ['.tochararray()'],
    lineContext:
      /\b(?:load|init|getKey|setKeyEntry|getEntry|PBEKeySpec|PasswordProtection|PasswordAuthentication|\w*Credential|\w*[Pp]assword|\w*[Pp]assphrase)\s*\(/,
    pattern: /(?<![\w$])"(?<dq>[^"\n]{1,200})"\.toCharArray\(\)/g,
    fixedKey: 'KEYSTORE_PASSWORD',
  },
  {
    // user:password encoded for Basic authentication on the spot: Buffer.from('u:x').toString('base64'), btoa('u:x'),
    // base64.StdEncoding.EncodeToString([]byte("u:x")), base64.b64encode(b"u:x"), curl's CURLOPT_USERPWD, "u:x" (and
    // CURLOPT_PROXYUSERPWD),
    // Convert.ToBase64String(Encoding.ASCII.GetBytes("u:x")), base64.encode("u:x") and `"Basic "+t.encode("u:x")`
    // (React Native's base-64); the user may be empty (Azure DevOps takes a PAT as `":x"`)
    id: 'basic-credentials-string',
    readInBundles: true,
    keywords: [
      'btoa(',
      'buffer.from(',
      'b64encode(',
      'base64_encode(',
      'encodetostring(',
      'encode64(',
      'curlopt_userpwd',
      'curlopt_proxyuserpwd',
      'tobase64string(',
      'base64.encode(',
      'basic "+',
      "basic '+",
    ],
    pattern: new RegExp(
      String.raw`(?:\bbtoa\(|\b[Bb]ase64\.encode\(|["']Basic ["']\s{0,2}\+\s{0,2}[\w$.]{1,40}\.encode\(|\bBuffer\.from\(|\bb64encode\(|\bbase64_encode\(|\bEncodeToString\(|\bencodeToString\(|\b(?:strict_)?encode64\(|\bCURLOPT_(?:PROXY)?USERPWD\s{0,4},|\bToBase64String\(\s{0,4}(?:System\.Text\.)?Encoding\.\w{2,8}\.GetBytes\()\s{0,4}(?:\[\]byte\(|[bB](?=["']))?(?:"[^:"\s]{0,100}:(?<dq>[^"\s]{1,200})"|'[^:'\s]{0,100}:(?<sq>[^'\s]{1,200})')`,
      'g',
    ),
    fixedKey: 'BASIC_AUTH_PASSWORD',
    credentialMix: true,
  },
  {
    // Alibaba Cloud SDK clients given the AccessKey pair as arguments: AcsClient("id", "x", "cn-beijing"),
    // oss.New(endpoint, "id", "x"), oss2.Auth("id", "x"), DefaultProfile.getProfile("cn-hangzhou", "id", "x"),
    // new OSSClientBuilder().build(endpoint, "id", "x"), new OssClient("id", "x", endpoint) (legacy IDs lack LTAI)
    id: 'alibaba-client-arguments',
    keywords: [
      'acsclient(',
      'oss.new(',
      'auth(',
      'getprofile(',
      '.build(',
      'ossclient(',
      'accesskeyclient(',
      'withaccesskey(',
    ],
    pattern: new RegExp(
      String.raw`\b(?:AcsClient|oss\.New|oss2\.Auth|[gG]etProfile|OSSClientBuilder\(\)\.build|OSSClient|OssClient|accessKeyClient|NewClientWithAccessKey)\(\s{0,4}(?:(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[\w.$]{1,80})\s{0,4},\s{0,4}){1,3}["'](?<sq>[A-Za-z0-9]{30})["']`,
      'g',
    ),
    fixedKey: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    credentialMix: true,
  },
  {
    // AWS credential objects given the secret as their second argument, the key ID from elsewhere:
    // new BasicAWSCredentials(accessKey, "x"), credentials.NewStaticCredentials(id, "x", ""),
    // AwsBasicCredentials.create(id, "x"), Aws::Credentials.new(id, 'x')
    id: 'aws-credentials-arguments',
    keywords: ['credentials(', 'credentials.create(', 'credentials.new(', 'credentialsprovider('],
    pattern: new RegExp(
      String.raw`\b(?:BasicAWSCredentials|BasicSessionCredentials|NewStaticCredentials(?:Provider)?|Aws(?:Basic|Session)Credentials\.create|Aws::Credentials\.new|StaticCredentialsProvider)\(\s{0,4}(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[\w.$:]{1,80}(?:\([^()\n]{0,80}\)|\[[^[\]\n]{0,80}\])?)\s{0,4},\s{0,4}["'](?<sq>[A-Za-z0-9+/]{40})["']`,
      'g',
    ),
    fixedKey: 'AWS_SECRET_ACCESS_KEY',
    credentialMix: true,
  },
  {
    // Twilio's clients given the auth token beside the account SID: twilio(sid, "…"), new Twilio(sid, "…"),
    // Client("AC…", "…") (Python), new TwilioRestClient(accountSid, "…")
    id: 'twilio-client-arguments',
    keywords: ['twilio(', 'client(', 'twiliorestclient('],
    pattern:
      /\b(?:twilio|Twilio|TwilioRestClient|Client)\(\s{0,4}(?:["']AC[0-9a-f]{32}["']|[\w.$[\]'"]{0,80}(?:sid|SID|Sid)[\w'"\]]{0,20})\s{0,4},\s{0,4}["'](?<sq>[0-9a-f]{32})["']/g,
    fixedKey: 'TWILIO_AUTH_TOKEN',
  },
  {
    // Gin's basic auth: gin.BasicAuth(gin.Accounts{"admin": "x"}), the map's values are passwords (of eight characters
    // or more: its documentation's accounts are "foo": "bar", "austin": "1234")
    id: 'gin-accounts',
    keywords: ['accounts{'],
    pattern:
      /\bAccounts\{\s{0,4}(?:"[^"\n]{1,64}"\s{0,4}:\s{0,4}"[^"\n]{0,200}"\s{0,4},\s{0,4}){0,5}"[^"\n]{1,64}"\s{0,4}:\s{0,4}"(?<dq>[^"\n]{8,200})"/g,
    fixedKey: 'BASIC_AUTH_PASSWORD',
  },
  {
    // nginx variables: set $jwt_secret "x";
    id: 'nginx-set',
    keywords: ['set $'],
    onlyIn: ['config'],
    pattern:
      /^\s*set\s+\$(?<key>[A-Za-z_]\w{0,79})\s+(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s;"']{1,500}))\s*;/g,
  },
  {
    // A lookup's default: config('SECRET_KEY', default='x') (python-decouple), env.str('JWT_SECRET', default='x'),
    // Joi.string().default('x') under its variable's name (NestJS configuration schemas)
    id: 'lookup-default-keyword',
    keywords: ['default=', 'default ='],
    pattern: new RegExp(
      String.raw`\b(?:config|env(?:\.\w{2,8})?|getenv|get_env)\(\s{0,4}["'](?<key>[A-Za-z_][\w.-]{0,79})["']\s{0,4},\s{0,4}(?:\w{1,10}\s{0,4}=\s{0,4}[\w.]{1,40}\s{0,4},\s{0,4})?default\s{0,4}=\s{0,4}` +
        Q_ARG,
      'g',
    ),
  },
  {
    id: 'joi-default',
    keywords: ['.default('],
    pattern: new RegExp(
      String.raw`\b(?<key>[A-Za-z_]\w{0,79})\s{0,4}:\s{0,4}Joi\.\w{1,20}\(\)(?:\.\w{1,20}\([^()\n]{0,80}\)){0,5}?\.default\(\s{0,4}` +
        Q_ARG,
      'g',
    ),
  },
  {
    // An HMAC key written as a JWK: {"kty":"oct","k":"x"} (Quarkus' smallrye.jwt.sign.key, jose)
    id: 'jwk-octet-key',
    keywords: ['"kty"'],
    pattern:
      /"kty"\s{0,4}:\s{0,4}"oct"[^{}\n]{0,300}?"k"\s{0,4}:\s{0,4}"(?<dq>[A-Za-z0-9_-]{16,1000})"|"k"\s{0,4}:\s{0,4}"(?<sq>[A-Za-z0-9_-]{16,1000})"(?=[^{}\n]{0,300}?"kty"\s{0,4}:\s{0,4}"oct")/g,
    fixedKey: 'JWT_SECRET',
  },
  {
    // Redis clients authenticating with a literal: red:auth("x") (OpenResty), jedis.auth("x"), AUTH x in redis-cli
    id: 'redis-auth-call',
    keywords: ['auth('],
    pattern:
      /(?:\b(?:red|redis|jedis|client|conn|r)[:.]auth\(\s{0,4})(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})')\s{0,4}\)/g,
    fixedKey: 'REDIS_PASSWORD',
  },
  {
    // Sinatra: set :session_secret, 'x'
    id: 'sinatra-setting',
    keywords: ['set :'],
    pattern: new RegExp(String.raw`\bset\s+:(?<key>[A-Za-z_]\w{0,79}),\s{0,4}` + Q_ARG, 'g'),
  },
  {
    // IdentityServer clients: ClientSecrets = { new Secret("x".Sha256()) }
    id: 'identityserver-secret',
    keywords: ['new secret('],
    pattern: /\bnew\s+Secret\(\s{0,4}"(?<dq>[^"\n]{1,500})"\.Sha(?:256|512)\(\)/g,
    fixedKey: 'CLIENT_SECRET',
  },
  {
    // smali (a decompiled Android app's BuildConfig): .field public static final API_SECRET:Ljava/lang/String; = "x"
    id: 'smali-field',
    keywords: [':ljava/lang/string;'],
    pattern:
      /^\s*\.field\s[\w\s]{0,60}?\b(?<key>[A-Za-z_$][\w$]{0,79}):Ljava\/lang\/String;\s{0,4}=\s{0,4}"(?<dq>[^"\n]{1,500})"/g,
  },
  {
    // A user and a password as words, each followed by its quoted value: Monit's `set mailserver … username "u"
    // password "x"`, fetchmail's `poll … user "u" password "x"`
    id: 'user-password-words',
    keywords: ['password "'],
    pattern: /\b(?:user|username)\s+"[^"\n]{1,100}"\s+(?:password|passwd)\s+"(?<dq>[^"\n]{1,200})"/g,
    fixedKey: 'PASSWORD',
  },
  {
    // strongSwan's ipsec.secrets: `<selectors> : PSK "…"` (or `0s…` base64, `0x…` hex), `carol : EAP "…"`
    id: 'ipsec-secret',
    keywords: ['psk', ': eap', ': xauth'],
    pattern: /\s:\s{0,4}(?:PSK|EAP|XAUTH)\s{1,4}(?:"(?<dq>[^"\n]{1,500})"|(?<bare>0[sx][A-Za-z0-9+/=]{8,500}))/g,
    fixedKey: 'PASSWORD',
    bareInCode: true,
  },
  {
    // Confluent Schema Registry's `basic.auth.user.info`: `<API key>:<secret>` (the key is its user, the secret its
    // password); not a config provider's `${file:/path:key}`
    id: 'basic-auth-user-info',
    keywords: ['basic.auth.user.info'],
    pattern: /\bbasic\.auth\.user\.info["']?\s{0,4}[:=]\s{0,4}["']?[^\s:"'${}]{1,100}:(?<bare>[^\s"']{8,200})/g,
    fixedKey: 'PASSWORD',
    bareInCode: true,
  },
  {
    // A settings row by path, its value beside it (Magento's `core_config_data`:
    // `(NULL, 'default', 0, 'system/smtp/password', '…', NOW())`): the path's last part names the value
    id: 'setting-path-value',
    onlyIn: ['shell'],
    requires: ['/'],
    pattern: /'(?:[\w.-]{1,60}\/){1,8}(?<key>[A-Za-z_][\w.-]{0,79})'\s{0,4},\s{0,4}'(?<sq>[^'\n]{1,500})'\s{0,4}[,)]/g,
  },
  {
    // A name and its value as a pair: Rocket's figment `.merge(("secret_key", "x"))`, a Python list of settings'
    // `("api_key", "x")`
    id: 'name-value-pair',
    requires: ['("', "('"],
    pattern:
      /\(\s{0,4}["'](?<key>[A-Za-z_][\w.-]{0,79})["']\s{0,4},\s{0,4}(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s{0,4}\)/g,
    credentialMix: true,
  },
  {
    // ClickHouse's engines and table functions reading another database: ENGINE = MySQL('host:3306', 'db', 'user', 'x'),
    // MySQL('host:3306', 'db', 'table', 'user', 'x'), FROM postgresql('host:5432', 'db', 'table', 'user', 'x')
    id: 'clickhouse-remote-database',
    keywords: ['mysql(', 'postgresql('],
    pattern:
      /\b(?:MySQL|PostgreSQL|MaterializedMySQL|MaterializedPostgreSQL|mysql|postgresql)\(\s{0,4}(?:'[^'\n]{0,200}'\s{0,4},\s{0,4}){3,4}'(?<sq>[^'\n]{1,200})'\s{0,4}[,)]/g,
    fixedKey: 'DB_PASSWORD',
  },
  {
    // SQLCipher: PRAGMA key = 'x', PRAGMA rekey = 'x', ATTACH DATABASE 'f.db' AS a KEY 'x' (or a raw key, "x'<hex>'")
    id: 'sqlcipher-key',
    keywords: ['pragma key', 'pragma rekey', 'attach '],
    lineContext: /\bPRAGMA\s+(?:re)?key\b|\bATTACH\b/i,
    pattern:
      /\b(?:PRAGMA\s+(?:re)?key\s{0,4}=\s{0,4}|ATTACH\s[^\n]{1,300}?\bKEY\s+)(?:"x'(?<eq>[0-9A-Fa-f]{32,128})'"|'(?<sq>[^'\n]{1,200})'|"(?<dq>[^"\n]{1,200})")/gi,
    fixedKey: 'DB_ENCRYPTION_KEY',
  },
  {
    // Monit's web interface users: `allow admin:x` under `set httpd` (an address or a host name has no such pair)
    id: 'monit-allow',
    onlyIn: ['config'],
    keywords: ['allow '],
    pattern: /^\s*allow\s+[\w.@-]{1,64}:(?<bare>[^\s"]{4,200})(?:\s+read-only)?\s*$/g,
    fixedKey: 'PASSWORD',
    credentialMix: true,
  },
  {
    // Ruby: a setting given as a block that returns the literal: `config.token_secret_signature_key = -> { 'x' }`
    id: 'ruby-lambda-value',
    keywords: ['-> {', 'lambda {', 'proc {'],
    pattern:
      /(?<key>[A-Za-z_][\w.]{0,79})\s{0,4}=\s{0,4}(?:->|lambda|proc)\s{0,4}\{\s{0,4}(?:'(?<sq>[^'\n]{1,500})'|"(?<dq>[^"\n]{1,500})")\s{0,4}\}/g,
  },
  {
    // Go's `%+v` of a struct in a log or a panic: `cfg="&{Endpoint:oss-… AccessKeySecret:bCd1… Prefix:uploads/}"`
    id: 'go-struct-dump',
    onlyIn: ['config', 'docs'],
    requires: ['{'],
    pattern: /(?<=[{ ])(?<key>[A-Z][A-Za-z0-9]{1,60}):(?<bare>[^\s{}:"\\]{1,200})(?=[ }])/g,
    lineContext: /\{[A-Z][A-Za-z0-9]{0,60}:[^\s{}]/,
    bareInCode: true,
  },
  {
    // C and Arduino character arrays: char pass[] = "x"; const char password[32] = "x";
    id: 'c-char-array',
    requires: ['[]', '] ='],
    onlyIn: ['code'],
    pattern: /\bchar\s+\*?(?<key>[A-Za-z_]\w{0,79})\s*\[\s*\d{0,5}\s*\]\s*=\s*"(?<dq>[^"\n]{1,500})"/g,
  },
  {
    // libcurl's password options: curl_easy_setopt(c, CURLOPT_PASSWORD, "x"), CURLOPT_KEYPASSWD (its bearer token option
    // is read with the other bearer tokens: matchers/authorization.ts)
    id: 'curl-option',
    keywords: ['curlopt_'],
    pattern: new RegExp(
      String.raw`\bCURLOPT_(?:PROXY)?(?:PASSWORD|KEYPASSWD|SSLKEYPASSWD|SSLCERTPASSWD|TLSAUTH_PASSWORD)\s{0,4},\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'CURL_PASSWORD',
  },
  {
    // A password after the option that names it in a list of options: MySQL Connector/C++'s
    // `SessionSettings(SessionOption::USER, "app", SessionOption::PWD, "x")`
    id: 'enum-option-password',
    keywords: ['::pwd', '::password', '::passwd'],
    pattern: new RegExp(String.raw`::(?:PWD|PASSWORD|PASSWD)\s{0,4},\s{0,4}` + Q_ARG, 'g'),
    fixedKey: 'PASSWORD',
  },
  {
    // An Erlang node's distribution cookie, which lets whoever knows it run code on the node: `-setcookie x` in an
    // Erlang release's vm.args or on `erl`'s command line
    id: 'erlang-cookie',
    keywords: ['-setcookie'],
    pattern: /(?:^|\s)-setcookie\s+(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s"'$]{1,500}))/g,
    fixedKey: 'ERLANG_COOKIE',
    bareInCode: true,
  },
  {
    // A log's or a document's sentence that prints the value it was given, last on its line: `Connecting to redis with
    // password CCiFmHQQhW4EXhnjhaRE` (a CI job echoing an unmasked variable)
    id: 'sentence-password',
    keywords: ['password', 'passwd', 'token', 'secret'],
    requires: ['with ', 'using '],
    onlyIn: ['config', 'docs'],
    pattern:
      /\b(?:with|using)\s(?:the\s)?(?:password|passwd|token|secret|api\skey)\s(?<bare>[^\s"'`$<>{}()[\]]{12,200})(?=[.,;]?\s*$)/gi,
    fixedKey: 'PASSWORD',
    randomOnly: true,
  },
  {
    // A session cookie sent in a `Cookie` header (a HAR capture's `{"name": "Cookie", "value": "…"}`, curl's
    // `-H 'Cookie: …'`, an .http file): whoever holds it is signed in. The first random session, sid, auth or token
    // cookie of the header.
    id: 'cookie-header-session',
    keywords: ['cookie'],
    pattern:
      /\bCookie["']?\s{0,4}(?::|,\s{0,4}"value"\s{0,4}:)\s{0,4}"?(?:[^"'\n;]{0,300};\s?){0,20}?[\w.-]{0,60}(?:sess|sid|auth|token)[\w.-]{0,60}=(?<bare>[^\s"';,]{16,500})/gi,
    fixedKey: 'SESSION_COOKIE',
    randomOnly: true,
    bareInCode: true,
    readsStrings: true,
  },
  {
    // Erlang's and Elixir's macros: -define(API_TOKEN, <<"x">>) (a binary or a string)
    id: 'erlang-define',
    keywords: ['-define('],
    pattern: /^-define\(\s*(?<key>[A-Za-z_]\w{0,79})\s*,\s*(?:<<)?"(?<dq>[^"\n]{1,500})"(?:>>)?\s*\)/g,
  },
  {
    // HAProxy: a userlist's `user ops insecure-password x`, the statistics page's `stats auth admin:x`
    id: 'haproxy-password',
    keywords: ['insecure-password', 'stats auth'],
    pattern: /^\s*(?:user\s+\S+\s+insecure-password|stats\s+auth\s+[^:\s]+:)\s*(?<bare>\S{1,500})/g,
    fixedKey: 'PASSWORD',
    onlyIn: ['config'],
  },
  {
    // Nagios' resource file: `$USER3$=…` macros hold what its commands log in with (not `$USER1$`, the plugins' path)
    id: 'nagios-resource-macro',
    keywords: ['$user'],
    pattern: /^\s*\$(?<key>USER\d{1,3})\$=(?<bare>[^\s/]\S{3,199})\s*$/g,
    fixedKey: 'PASSWORD',
    randomOnly: true, // (beside users, hosts and SNMP settings: `nagios01`, `authPriv`)
    onlyIn: ['config'],
  },
  {
    // Network devices' configurations (Cisco IOS and NX-OS, Junos): `username ops password 0 …`, `tacacs-server key 7
    // …` (type 7 is reversible), `snmp-server community … RO`, `crypto isakmp key … address`, `ip nhrp authentication
    // …`, `neighbor … password 7 …`, `key-string 7 …`; Junos' `plain-text-password-value "…"`, `pre-shared-key
    // ascii-text "…"`, `set snmp community …` (not a hash: types 4 to 9, `$9$…`, ASA's `… encrypted`, Aruba's
    // `ciphertext …`; nor Oxidized's `<secret hidden>`, a reference's syntax `key-string-text`, a sentence's word)
    id: 'network-device-secret',
    keywords: ['key', 'community', 'password', 'secret', 'authentication'],
    pattern:
      /^\s*(?:set\s.{0,80}?\b(?:plain-text-password-value|pre-shared-key\s+ascii-text|snmp\s+community)|(?:username\s+\S+\s+(?:privilege\s+\d+\s+)?|enable\s+|neighbor\s+\S+\s+)(?:password|secret)|(?:tacacs|radius)-server\s+(?:host\s+\S+\s+)?key|key-string|crypto\s+isakmp\s+key|ip\s+nhrp\s+authentication|ip\s+ospf\s+message-digest-key\s+\d+\s+md5|snmp-server\s+community)\s+(?:(?:[07]|plaintext)\s+)?(?!(?:[4-9]|encrypted|ciphertext|sha512|level)\s|[a-z]+(?:-[a-z0-9]+)+\b)"?(?<bare>[A-Za-z0-9][^\s"]{2,198}[^\s",.;:])(?:"|(?=\s|$))(?!\s+encrypted)/g,
    fixedKey: 'PASSWORD',
    credentialMix: true,
    bareInCode: true,
    keywordsFollow: true,
  },
  {
    // Caddy's DNS challenge with a provider's API token: `acme_dns cloudflare x`, `dns cloudflare x` inside `tls { }`
    // (not `{env.CF_API_TOKEN}`), also where a document or a script's heredoc holds the site file
    id: 'caddy-dns-token',
    keywords: ['dns '],
    pattern:
      /^\s*(?:acme_)?dns\s+(?:cloudflare|digitalocean|duckdns|gandi|hetzner|vultr|porkbun|namecheap|godaddy|linode|ovh|netlify|desec|dnsimple|alidns|tencentcloud|powerdns|ionos|njalla|route53)\s+"?(?<bare>[^\s{}"'][^\s{}"']{15,500})"?\s*$/g,
    fixedKey: 'DNS_API_TOKEN',
    bareInCode: true,
  },
  {
    // caddy-security's (AuthCrunch) token key: `crypto key sign-verify x`, `crypto key verify x`
    id: 'caddy-crypto-key',
    keywords: ['crypto key'],
    pattern: /^\s*crypto\s+key\s+(?:sign-verify|verify|sign)\s+(?<bare>[^\s{}]{1,500})\s*$/g,
    fixedKey: 'SIGNING_KEY',
    onlyIn: ['config'],
  },
  {
    // A dotenv line's unquoted value runs to the end of the line, brackets and all: `SECRET_KEY=@r0=yl+…)9kv…&(` (a
    // Django key's alphabet, where the other sites stop at the first bracket)
    id: 'dotenv-raw-value',
    requires: ['(', ')', '[', ']', '{', '}', '<', '>'],
    pattern:
      /^(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_]{0,79})=(?=[^\s]{0,999}[()[\]{}<>])(?<bare>[^\s"'\x60#{<[(][^\s]{0,999})$/g,
    onlyIn: ['config'],
  },
  {
    // Redis' MONITOR output (and its command log): `"AUTH" "x"`, `"AUTH" "user" "x"`
    id: 'redis-monitor-auth',
    keywords: ['"auth" "'],
    pattern: /"AUTH"(?:\s+"[^"\n]{1,100}")?\s+"(?<dq>[^"\n]{1,500})"\s*$/gi,
    fixedKey: 'REDIS_PASSWORD',
  },
  {
    // PHP's serialized arrays (WordPress options in a dump): `s:4:"pass";s:17:"x";`, with quotes escaped or not
    id: 'php-serialized-pair',
    requires: ['";s:'],
    pattern: /\bs:\d{1,4}:\\?"(?<key>[\w-]{1,60})\\?";s:\d{1,4}:\\?"(?<dq>[^"\\\n]{1,500})\\?"/g,
  },
  {
    // express-basic-auth: `basicAuth({ users: { ops: 'x' } })`, each user's password (only one that mixes characters)
    id: 'basic-auth-users',
    keywords: ['users:'],
    credentialMix: true,
    pattern: new RegExp(
      String.raw`\busers\s{0,4}:\s{0,4}\{\s{0,4}(?:['"]?[\w.@-]{1,60}['"]?\s{0,4}:\s{0,4}(?:"[^"\n]{0,200}"|'[^'\n]{0,200}')\s{0,4},\s{0,4}){0,8}['"]?[\w.@-]{1,60}['"]?\s{0,4}:\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // Go: flag.String("password", "default", "usage"), flag.StringVar(&p, "token", "default", "usage"), and cobra's
    // cmd.Flags().StringVarP(&p, "password", "p", "default", "usage")
    id: 'go-flag-default',
    keywords: ['flag.', 'flags().string', 'persistentflags().string'],
    pattern:
      /(?:\bflag|\b(?:Persistent)?Flags\(\))\.String(?:Var)?P?\(\s*(?:&[\w.]{1,60}\s*,\s*)?"(?<key>[\w.-]{1,80})"\s*,\s*(?:"[\w]{0,3}"\s*,\s*)?"(?<dq>[^"\n]{1,500})"/g,
  },
  {
    // .setPassword("x"), Django's .set_password("x"), .password("x"), .withApiKey("x"), setAccessKeySecret("x"),
    // .setAccountPassword("x") (a word between the verb and the name: Alibaba Cloud's RDS CreateAccount request), a
    // builder's .secretAccessKey("x") and .token("x") (python-telegram-bot's ApplicationBuilder); not IdentityServer's
    // `new Secret("…")`, which holds the secret's hash (its plain value is hashed on the spot: `new
    // Secret("x".Sha256())`, read below); a C# attribute's first argument before its named ones (`[ApiKey("…",
    // HeaderName = "X-Partner-Key")]`); a ternary's literal branch (`.setPassword(pw != null ? pw : "x")`)
    id: 'setter',
    requires: ['('],
    lineContext: /(?:passw(?:or)?d|secret|token|key)\s*\(/i,
    keywords: ['pass', 'secret', 'token', 'apikey'],
    readInBundles: true,
    keyIsSecretName: true,
    pattern: new RegExp(
      String.raw`(?<!\bnew\s)\.?\b(?<key>(?:[Ss]et_?|[Ww]ith)?(?:(?<=[Ss]et|[Ww]ith)[A-Z][a-z]{1,15})?(?:Password|Passwd|Secret|Token|ApiKey|AccessKeySecret|SecretAccessKey|SecretKey|ClientSecret|AuthToken|ApiSecretKey|ApiSecret|AppSecret|password|secret|token|apiKey|apiSecretKey|apiSecret|appSecret|accessKeySecret|secretAccessKey|secretKey|clientSecret|authToken))\s*\(\s*(?:[^?;"'()\n]{1,80}\?\s*[\w.]{1,60}\s*:\s*)?(?:${BYTES})?(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s*(?:\)|,\s*[A-Z]\w{0,40}\s*=)`,
      'g',
    ),
  },
  {
    // Huawei Cloud's credentials builders: `new BasicCredentials().withAk("…").withSk("…")` (Java), `.WithAk(…)` (Go)
    id: 'huawei-credentials-builder',
    keywords: ['withak(', 'withsk('],
    readInBundles: true,
    keyIsSecretName: true,
    pattern: new RegExp(String.raw`(?<![\w$])(?<key>[Ww]ith[AS]k)\(\s{0,4}` + Q_ARG + String.raw`\s{0,4}\)`, 'g'),
  },
  {
    // PowerShell: ConvertTo-SecureString "x" -AsPlainText -Force (or -Force -AsPlainText)
    id: 'powershell-secure-string',
    keywords: ['convertto-securestring'],
    pattern:
      /\bConvertTo-SecureString\s+(?:-String\s+)?(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s+(?:-Force\s+)?-AsPlainText\b/gi,
    fixedKey: 'PASSWORD',
  },
  {
    // PHP define('DB_PASSWORD', 'x'), also after a lookup: define('DB_PASSWORD', getenv('DB_PASSWORD') ?: 'x')
    id: 'php-define',
    keywords: ['define('],
    pattern:
      /\bdefine\(\s*['"](?<key>[^'"\n]{1,80})['"]\s*,\s*(?:[\w$]{1,40}\(\s*['"][\w.-]{1,80}['"]\s*\)\s*(?:\?:|\?\?|\|\|)\s*)?(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s*\)/g,
  },
  {
    // A .properties value that starts with `#` (a comment only at a line's start there; a dotenv file's `KEY=#x` is
    // commented out, and its keys are not dotted): spring.datasource.password=#p2…
    id: 'properties-hash-value',
    requires: ['=#'],
    pattern: /^\s*(?<key>[a-z][\w-]*(?:\.[\w-]+)+)=(?<bare>#\S{4,199})\s*$/g,
    onlyIn: ['config'],
  },
  {
    // Settings written `name value` (Fluentd, Squid, .properties with a space): password x, admin_token x
    id: 'space-separated-setting',
    requires: [' ', '\t'],
    // (a `#` starts a comment only at a word's start: Fluent Bit's `HTTP_Passwd Gr4nite.Falc0n#2024` is one value)
    pattern: /^\s*(?<key>[A-Za-z_][\w.-]{0,79})[ \t]+(?<bare>[^\s"'#;][^\s"';]{3,199})[ \t]*;?[ \t]*$/g,
    credentialMix: true,
    onlyIn: ['config'], // in a shell, `pass Email/x` runs the password store
  },
  {
    // A literal hashed on the spot is the password it stores: bcrypt.hash('x', 12), password_hash('x', PASSWORD_DEFAULT),
    // make_password('x') (Django), generate_password_hash('x') (Flask), Hash::make('x') and bcrypt('x') (Laravel),
    // BCrypt::Password.create('x') (Ruby), bcrypt.hashpw(b'x', …), argon2.hash('x'), Go's
    // bcrypt.GenerateFromPassword([]byte("x"), …), BCrypt.Net's BCrypt.HashPassword("x"), Puppet's mysql_password('x');
    // not Ansible's filter, whose argument is the scheme (`{{ pw | password_hash('sha512') }}`)
    id: 'hashed-password-literal',
    keywords: [
      'bcrypt',
      'password_hash(',
      'make_password(',
      'generate_password_hash(',
      'hash::make(',
      'argon2',
      'mysql_password(',
    ],
    pattern: new RegExp(
      String.raw`(?:\bbcrypt(?:(?:js)?\.(?:hash|hashSync|hashpw|GenerateFromPassword))?|\bBCrypt\.HashPassword|(?<!\|\s{0,4})\bpassword_hash|\bmake_password|\bgenerate_password_hash|\bHash::make|\bBCrypt::Password\.create|\bargon2\.hash|\bmysql_password)\(\s{0,4}` +
        Q_ARG,
      'g',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // A hash function imported by name, hashing a literal into a password's or token's field: `passwordHash: await
    // hash('…')` (argon2's and bcrypt's `hash`), `password = hashPassword("…")`, PHP's `'token' => hash('sha256', '…')`
    // (its algorithm, any, first, and not what it hashes when that is no literal: `hash('sha3-256', Str::random(60))`;
    // not `token_bucket = hash("…")`, Python's built-in)
    id: 'hashed-password-field',
    keywords: ['hash(', 'hashsync(', 'hashpassword('],
    pattern: new RegExp(
      String.raw`\b(?:(?:password|passwd|pwd)\w{0,20}|\w{0,20}token)["']?\s{0,2}(?:[:=]|=>)\s{0,4}(?:await\s{1,4})?(?:hash|hashSync|hashPassword)\(\s{0,4}(?:["'][\w/-]{2,20}["']\s{0,4},\s{0,4})?(?!["'][\w/-]{2,20}["']\s{0,4},\s{0,4}[A-Za-z_$])` +
        Q_ARG,
      'gi',
    ),
    fixedKey: 'PASSWORD',
  },
  {
    // Elasticsearch's .NET client: .Authentication(new ApiKey("…")), the base64 of the key's id and secret
    id: 'elastic-api-key',
    keywords: ['new apikey('],
    randomOnly: true,
    pattern: new RegExp(String.raw`\bnew\s+ApiKey\(\s{0,4}` + Q_ARG, 'g'),
    fixedKey: 'ELASTICSEARCH_API_KEY',
  },
  {
    // web-push's VAPID keys: setVapidDetails(subject, publicKey, privateKey); the private key signs every push
    id: 'vapid-private-key',
    keywords: ['setvapiddetails('],
    pattern: new RegExp(String.raw`\bsetVapidDetails\(\s{0,4}${ARG},\s{0,4}${ARG},\s{0,4}` + Q_ARG, 'g'),
    fixedKey: 'VAPID_PRIVATE_KEY',
  },
  {
    // An API's own client given its base URL and key: new CatalogApiClient("https://api…", "…") (an unknown client's
    // second argument may be anything: only a random one is a key)
    id: 'api-client-key',
    keywords: ['apiclient('],
    randomOnly: true,
    pattern: new RegExp(
      String.raw`\bnew\s+\w{0,60}ApiClient\(\s{0,4}"https?://[^"\n]{1,300}"\s{0,4},\s{0,4}` + Q_ARG,
      'g',
    ),
    fixedKey: 'API_KEY',
  },
  {
    // A Go SDK's client made from its key alone: courier.NewClient("…") (any one argument may be anything: only a random
    // one is a key)
    id: 'go-client-key',
    keywords: ['.newclient("'],
    randomOnly: true,
    pattern: /\b[a-z]\w{0,40}\.NewClient\(\s{0,4}"(?<dq>[^"\n]{1,500})"\s{0,4}\)/g,
    fixedKey: 'API_KEY',
  },
  {
    // A Rust SDK's client made from its key alone: `Client::new("…")` (only a random one is a key)
    id: 'rust-client-key',
    keywords: ['client::new("'],
    randomOnly: true,
    pattern: /\bClient::new\(\s{0,4}"(?<dq>[^"\n]{1,500})"\s{0,4}\)/g,
    fixedKey: 'API_KEY',
  },
  {
    // Ktor's bearer auth: `BearerTokens("access", "refresh")` (the access token is found as a bearer token)
    id: 'ktor-refresh-token',
    keywords: ['bearertokens('],
    readInBundles: true,
    pattern: new RegExp(String.raw`\bBearerTokens\(\s{0,4}${ARG},\s{0,4}` + Q_ARG, 'g'),
    fixedKey: 'REFRESH_TOKEN',
  },
  {
    // Vert.x's JWT key: new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("…") (only a random one: a PEM key is
    // found as one)
    id: 'vertx-key-buffer',
    keywords: ['setbuffer('],
    randomOnly: true,
    pattern: new RegExp(String.raw`\.setBuffer\(\s{0,4}` + Q_ARG, 'g'),
    fixedKey: 'JWT_SECRET',
  },
  {
    // .NET's SecureString filled from a literal: foreach (var c in "x") secure.AppendChar(c);
    id: 'secure-string-literal',
    keywords: ['appendchar('],
    pattern:
      /\bforeach\s{0,4}\(\s{0,4}(?:var|char)\s{1,4}\w{1,40}\s{1,4}in\s{1,4}"(?<dq>[^"\n]{1,500})"\s{0,4}\)[^\n]{0,80}\.AppendChar\(/g,
    fixedKey: 'PASSWORD',
  },
  {
    // A name and its value as a pair: new KeyValuePair<string, string?>("Jwt:Key", "x") (.NET's in-memory settings),
    // Tuple.Create("api_key", "x"), a list of pairs [("api_key", "x")] (Python, BigQuery's user_defined_context)
    id: 'pair-literal',
    keywords: ['keyvaluepair<', 'tuple.create(', '[("', "[('"],
    credentialMix: true, // lists of pairs are often labels and icons: `[("password", "fa-lock")]`
    pattern: new RegExp(
      String.raw`(?:\bKeyValuePair<[^<>\n]{0,80}>|\bTuple\.Create|\[\s{0,4})\(\s{0,4}["'](?<key>[\w.:-]{1,80})["']\s{0,4},\s{0,4}` +
        Q_ARG +
        String.raw`\s{0,4}\)`,
      'g',
    ),
  },
  {
    // PL/SQL declarations: c_api_key CONSTANT VARCHAR2(64) := 'x';
    id: 'plsql-declaration',
    keywords: [':='],
    pattern:
      /^\s*(?<key>[A-Za-z_]\w{0,79})\s{1,8}(?:CONSTANT\s{1,8})?[A-Za-z_][\w.%]{0,40}(?:\(\s{0,4}\d{1,5}(?:\s{1,4}(?:CHAR|BYTE))?\s{0,4}\))?\s{0,8}:=\s{0,8}'(?<sq>[^'\n]{1,500})'/gi,
  },
  {
    // Erlang's configuration terms: {default_pass, <<"x">>} (RabbitMQ), a binary string under an atom
    id: 'erlang-binary-tuple',
    keywords: ['<<"'],
    pattern: /\{\s{0,4}(?<key>[a-z]\w{0,79})\s{0,4},\s{0,4}<<"(?<dq>[^"\n]{1,500})">>\s{0,4}\}/g,
  },
  {
    // C and C++ macros: #define WIFI_PASSWORD "x", #define API_TOKEN L"x", Objective-C's #define kApiSecret @"x"
    id: 'c-define',
    keywords: ['#define'],
    pattern: /^\s*#\s*define\s+(?<key>[A-Za-z_]\w{0,79})\s+(?:L|u8|u|U|@)?"(?<dq>[^"\n]{1,500})"/g,
  },
  {
    // Kotlin pairs: mapOf("api.key" to "x")
    id: 'kotlin-pair',
    onlyIn: ['code', 'notebook'],
    requires: [' to '],
    pattern: /"(?<key>[\w.-]{1,80})"\s+to\s+"(?<dq>[^"\n]{1,500})"/g,
    credentialMix: true,
  },
  {
    // Clojure and EDN maps: {:user "app" :password "x"} (a keyword, a space, the value)
    id: 'clojure-keyword',
    keywords: [':pass', ':pw', ':secret', ':token', ':api', ':key', ':auth', ':cred'],
    pattern: /(?<![\w:]):(?<key>[A-Za-z_][\w.-]{0,79})\s+"(?<dq>[^"\n]{1,500})"/g,
  },
  {
    // Erlang and Elixir tuples: {password, "x"}, {:api_key, "x"}, {cluster_cookie, 'x'}
    id: 'tuple-pair',
    keywords: [
      '{pass',
      '{pw',
      '{secret',
      '{token',
      '{api',
      '{auth',
      '{cred',
      '{:pass',
      '{:secret',
      '{:token',
      '{:api',
      'cookie,',
    ],
    pattern: /\{\s*:?(?<key>[a-z_]\w{0,79})\s*,\s*(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s*\}/g,
  },
  {
    // Environment set by a server's configuration: php-fpm's env[DB_PASSWORD] = x, Apache's SetEnv DB_PASSWORD "x",
    // nginx's fastcgi_param DB_PASSWORD "x";
    id: 'server-environment',
    keywords: ['env[', 'setenv', 'fastcgi_param'],
    pattern: new RegExp(
      String.raw`(?:\benv\[|\b(?:SetEnv|fastcgi_param)\s+)(?<key>[A-Za-z_][\w.-]{0,79})(?:\]\s{0,4}=\s{0,4}|\s+)(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s"';]{1,500}))`,
      'g',
    ),
    bareInCode: true,
  },
  {
    // Dockerfile ENV KEY value (the space form; KEY=value is an ordinary assignment)
    id: 'dockerfile-env',
    requires: ['ENV', 'ARG'],
    pattern:
      /^\s*(?:ENV|ARG)\s+(?<key>[A-Za-z_]\w{0,79})[ \t]+(?:"(?<dq>[^"\n]{1,1000})"|'(?<sq>[^'\n]{1,1000})'|(?<bare>[^\s="'][^\n]{0,1000}))[ \t]*$/g,
    bareInCode: true,
  },
  {
    // An Elixir module attribute: `@api_key "…"`
    id: 'elixir-attribute',
    requires: ['@'],
    onlyIn: ['code'],
    pattern: /^\s*@(?<key>[a-z_]\w{0,79})\s+(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})')\s*$/g,
  },
  {
    // Headers a web server sets: nginx `proxy_set_header X-Api-Key value;`, Apache `RequestHeader set X-Api-Key value`,
    // HAProxy `http-request set-header X-Api-Key value` (not its sample fetches: `%[env(API_KEY)]`)
    id: 'server-header',
    keywords: ['_header', 'header ', 'set-header'],
    pattern:
      /\b(?:proxy_set_header|add_header|more_set_input_headers|grpc_set_header|RequestHeader\s+(?:set|append|add)|Header\s+set|http-request\s+(?:set|add)-header)\s+(?<key>[\w-]{1,80}):?\s+(?!"?%[[{])(?:"(?<dq>[^"\n]{1,500})"|'(?<sq>[^'\n]{1,500})'|(?<bare>[^\s;"']{1,500}))/g,
    bareInCode: true,
  },
  {
    // .netrc: machine host login user password secret
    id: 'netrc',
    requires: ['password ', 'password\t'],
    // not a command's option (`aws ecr get-login-password --region …`)
    pattern: /(?<![\w-])password\s+(?<bare>[^\s{$%<'"-][^\s]{0,199})/g,
    fixedKey: 'NETRC_PASSWORD',
    bareInCode: true,
    // a `machine`, or a login before the password (`the SQL login password comes from …` is a sentence), or an
    // entry's indented line of its own (`#` is then part of the password, not a comment; not Chef's
    // `password node['app']['password']`)
    // (`login disabled, password cleared` is a remark: a login's name has no comma)
    lineContext: /\bmachine\s+\S|\blogin\s+[^\s,;]+\s+password\s|^\s+password\s+[^\s[('".]+\s*$/,
  },
  {
    // A GitHub token given as the login of a .netrc entry (its password is then `x-oauth-basic`): 40 hex digits
    id: 'netrc-token-login',
    keywords: ['login'],
    pattern: /(?:^|\s)login\s+(?<bare>[0-9a-f]{40})(?=\s|$)/g,
    fixedKey: 'GITHUB_TOKEN',
    bareInCode: true,
  },
  {
    // libpq / ADO.NET / ODBC keyword strings: "host=db user=app password=x", "Server=…;Password=x;"
    id: 'keyword-connection-string',
    requires: ['='],
    pattern: /(?:^|[\s;,"'(])(?<key>password|passwd|pwd)\s*=\s*(?<bare>[^\s;,"'){}]{1,200})/gi,
    bareInCode: true,
    readsStrings: true,
    lineContext:
      /\b(host|hostaddr|dbname|server|data source|user id|uid|database|initial catalog|sslmode|port|ssl|abortConnect|allowAdmin)\s*=|:\d{2,5},|\buser=[^\s&;]+\s+(?:password|passwd|pwd)=/i,
  },
];
