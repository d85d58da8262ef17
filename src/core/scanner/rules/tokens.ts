/**
 * Known credential formats: a prefix or shape that is a credential wherever it stands, so no key name is needed. Each
 * rule:
 * `keywords` (lower case; the line must contain one before the pattern runs, which keeps scanning cheap), a global
 * pattern whose first group (or whole match) is the secret, and bounded repetitions only (linear time on any input).
 */
import type { Severity } from '../types';
import { decodedBase64, isExampleJwt, isPlausibleSecret, isPublicJwt } from '../values';
import { B, E, VENDOR_TOKENS } from './vendorTokens';

export interface TokenRule {
  id: string;
  kind: string;
  severity: Severity;
  keywords: string[];
  pattern: RegExp;
  /** Extra check on the secret (entropy, not a documentation example). */
  accept?: (secret: string) => boolean;
  /** The part that must look random, when the rest is fixed fields (runs of `A` for zero bytes, a signature). */
  randomPart?: (secret: string) => string;
  /** An access key's ID, which signed requests name (matchers/tokens.ts passes it over there). */
  keyId?: boolean;
}

/**
 * The signatures of jwt.io's sample token and of RFC 7519's example (§3.1), written backwards: packaged, they are
 * nothing a secret scanner matches.
 */
const EXAMPLE_JWT_SIGNATURES = [
  'c5wssQda_VJy6kOP63fJeMpwf4TQ2FKKeMSJRwxKlfS.',
  'kXjEOFWFg1Ww_r1p1UJUbhu72K29Bm-PVC4ZeJtfjBd.',
].map((backwards) => [...backwards].reverse().join(''));
const notExample = (s: string): boolean => !/example|sample|dummy|xxxxx/i.test(s);
const isRandomAlnum = (s: string): boolean =>
  /[A-Za-z]/.test(s) && (/[0-9]/.test(s) || (/[a-z]/.test(s) && /[A-Z]/.test(s) && !/^(?:[A-Z][a-z]+)+$/.test(s)));

/** A base64-encoded PEM block (kubeconfig's `client-key-data`, a Helm value) that decodes to a private key. */
const isEncodedPrivateKey = (s: string): boolean =>
  /^-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY-----/.test(Buffer.from(s.slice(0, 80), 'base64').toString('latin1'));

/**
 * Fields of a JSON object that hold a credential: a password, an access key's secret, a client secret, a private key,
 * a token, and in a Docker config (`{"auths":…}`) a login's `auth` (`auth` elsewhere names a method: `"auth":"oidc"`).
 */
const CREDENTIAL_FIELD =
  /"(?:password|passwd|identitytoken|(?:access[_-]?)?key[_-]?secret|secret[_-]?(?:access[_-]?)?key|client[_-]?secret|private[_-]?key|(?:access|refresh)[_-]?token)"\s*:\s*"([^"\\]{1,4000})"/gi;
const REGISTRY_AUTH = /"auth"\s*:\s*"([A-Za-z0-9+/]{8,1000}={0,2})"/g;

/** Base64 of a JSON object that holds a credential under its name, a value judged as one (not `<password>`, `${X}`). */
function isEncodedCredentials(s: string): boolean {
  const json = Buffer.from(s, 'base64').toString('latin1');
  if (!/^\{\s?"/.test(json)) return false;
  const values = [...json.matchAll(CREDENTIAL_FIELD)].map((m) => m[1]);
  // (a login's `auth` is `user:password` in base64: the password is judged)
  if (json.includes('"auths"'))
    for (const [, auth] of json.matchAll(REGISTRY_AUTH)) values.push(decodedBase64(auth)?.split(':')[1] ?? '');
  return values.some((value) => isPlausibleSecret(value, { minLength: 8 }));
}

/**
 * The base64 of `sk_live_`, `rk_live_`, `ghp_` (and GitHub's other token prefixes), `xoxb-`, `sk-proj-`, and of the
 * AccessKey IDs `LTAI`, `AKIA`, `AKLT` (an app that hides its keys from a string search) (whole characters only).
 */
const ENCODED_TOKEN_PREFIXES = [
  'c2tfbGl2ZV',
  'cmtfbGl2ZV',
  'Z2hwX',
  'Z2hvX',
  'Z2h1X',
  'Z2hzX',
  'Z2hyX',
  'Z2l0aHViX3BhdF',
  'eG94Yi',
  'eG94cC',
  'c2stcHJvai',
  'c2stYW50L',
  'Z2xwYXQt',
  'TFRBS',
  'QUtJQ',
  'QUtMV',
];
/** What such base64 must decode to, whole: the vendor's secret token. */
const ENCODED_TOKEN =
  /^(?:[sr]k_live_[A-Za-z0-9]{20,}|gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{50,}|xox[bp]-[\w-]{20,}|sk-(?:proj|ant)-[\w-]{30,}|glpat-[\w-]{20,}|LTAI[A-Za-z0-9]{12,28}|AKIA[A-Z0-9]{16}|AKLT[A-Za-z0-9_-]{20,60})\s*$/;

export const TOKEN_RULES: TokenRule[] = [
  {
    id: 'alibaba-access-key-id',
    kind: 'Alibaba Cloud AccessKey ID',
    severity: 'error',
    keywords: ['ltai'],
    pattern: new RegExp(`${B}(LTAI[A-Za-z0-9]{12,28})${E}`, 'g'),
    keyId: true,
    // 20 characters after LTAI today, 12 in the legacy form; a little slack either way, but random: letters with
    // digits, or (legacy IDs may have none) both cases that do not spell words (`LTAIAccessKeyId`).
    accept: (s) => notExample(s) && isRandomAlnum(s.slice(4)),
  },
  {
    // The AccessKey ID of STS temporary credentials: `STS.` and 20 to 32 random characters (25 today)
    id: 'alibaba-sts-access-key-id',
    kind: 'Alibaba Cloud STS AccessKey ID',
    severity: 'error',
    keywords: ['sts.'],
    pattern: new RegExp(`${B}(STS\\.[A-Za-z0-9]{20,32})${E}`, 'g'),
    accept: (s) => notExample(s) && isRandomAlnum(s.slice(4)),
  },
  {
    // An STS security token (`SecurityToken`, `ALIBABA_CLOUD_SECURITY_TOKEN`): base64 of a protobuf, always "CAIS…"
    id: 'alibaba-sts-token',
    kind: 'Alibaba Cloud STS security token',
    severity: 'error',
    keywords: ['cais'],
    pattern: new RegExp(`${B}(CAIS[A-Za-z0-9+/]{100,4000}={0,2})(?![A-Za-z0-9+/=])`, 'g'),
    accept: (s) => /[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s.slice(4)),
  },
  {
    // Tencent Cloud's API key ID (`SecretId`), the partner of a 32-character `SecretKey`
    id: 'tencent-secret-id',
    kind: 'Tencent Cloud SecretId',
    severity: 'error',
    keywords: ['akid'],
    pattern: new RegExp(`${B}(AKID[A-Za-z0-9]{32})${E}`, 'g'),
    accept: (s) => notExample(s) && /[0-9]/.test(s.slice(4)) && /[a-z]/.test(s) && /[A-Z]/.test(s.slice(4)),
  },
  {
    id: 'private-key-base64',
    kind: 'private key',
    severity: 'error',
    keywords: ['ls0tls1crudjti'],
    pattern: /(?<![A-Za-z0-9+/])(LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,20000}={0,2})(?![A-Za-z0-9+/=])/g,
    accept: isEncodedPrivateKey,
  },
  {
    // Credentials as a JSON object in base64 (`eyJ…`, not a JWT's part): registry logins as Docker stores them (a
    // `.dockerconfigjson` in a chart's values, GitLab's `DOCKER_AUTH_CONFIG`), an access key pair an app decodes at
    // start, a credentials file in a Secret
    id: 'encoded-json-credentials',
    kind: 'credential',
    severity: 'error',
    keywords: ['eyj'],
    pattern: /(?<![\w+/.-])(eyJ[A-Za-z0-9+/]{40,20000}={0,2})(?![\w+/=.-])/g,
    accept: isEncodedCredentials,
  },
  {
    // Volcengine's AccessKey ID: `AKLT` and a base64-encoded UUID
    id: 'volcengine-access-key-id',
    kind: 'Volcengine AccessKey ID',
    severity: 'error',
    keywords: ['aklt'],
    pattern: new RegExp(`${B}(AKLT[A-Za-z0-9]{40,44})${E}`, 'g'),
    accept: (s) => notExample(s) && /[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s.slice(4)),
  },
  {
    id: 'aws-access-key-id',
    kind: 'AWS access key ID',
    severity: 'error',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: new RegExp(`${B}((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})${E}`, 'g'),
    keyId: true,
    accept: notExample,
  },
  {
    // An AWS STS session token (`AWS_SESSION_TOKEN`, `SessionToken`): base64 that begins with "origin" (`IQoJb3JpZ2lu`,
    // or `FwoGZXIvYXdz`, "aws", in the older form); its runs of `/` read as filler to the rules for named values.
    id: 'aws-session-token',
    kind: 'AWS session token',
    severity: 'error',
    keywords: ['iqojb3jpz2lu', 'fwogzxivyxdz'],
    pattern: new RegExp(`${B}((?:IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9+/]{100,4000}={0,2})(?![A-Za-z0-9+/=])`, 'g'),
    accept: notExample,
  },
  {
    id: 'github-token',
    kind: 'GitHub token',
    severity: 'error',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'ghsat0'],
    // GHSAT0…: the token of a raw.githubusercontent.com link to a private file
    pattern: new RegExp(
      `${B}(gh[pousr]_[A-Za-z0-9]{36,251}|ghs_\\d{1,12}_[A-Za-z0-9_.-]{40,2000}|GHSAT0[A-Z0-9]{30,60})${E}`,
      'g',
    ),
  },
  {
    id: 'github-fine-grained-token',
    kind: 'GitHub fine-grained token',
    severity: 'error',
    keywords: ['github_pat_'],
    pattern: new RegExp(`${B}(github_pat_[A-Za-z0-9_]{60,255})${E}`, 'g'),
  },
  {
    id: 'gitlab-token',
    kind: 'GitLab token',
    severity: 'error',
    keywords: [
      'glpat-',
      'gldt-',
      'glrt-',
      'glptt-',
      'glsoat-',
      'glcbt-',
      'gloas-',
      'glimt-',
      'glft-',
      'glagent-',
      'glffct-',
      'gr1348941',
    ],
    pattern: new RegExp(
      `${B}((?:glpat|gldt|glrt|glptt|glsoat|glcbt|gloas|glimt|glft|glagent|glffct)-[A-Za-z0-9_-]{20,64}|GR1348941[A-Za-z0-9_-]{20})${E}`,
      'g',
    ),
  },
  {
    id: 'slack-token',
    kind: 'Slack token',
    severity: 'error',
    keywords: ['xox'],
    pattern: new RegExp(`${B}(xox(?:[abposre]|e\\.xoxp|c|a-\\d)-[A-Za-z0-9-]{10,250})${E}`, 'g'),
    accept: (s) => s.length >= 30 && (/\d{4}/.test(s) || s.startsWith('xoxe-')) && !s.endsWith('-') && notExample(s),
  },
  {
    id: 'slack-app-token',
    kind: 'Slack app token',
    severity: 'error',
    keywords: ['xapp-'],
    pattern: new RegExp(`${B}(xapp-\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{40,80})${E}`, 'g'),
  },
  {
    id: 'slack-webhook',
    kind: 'Slack webhook URL',
    severity: 'error',
    keywords: ['hooks.slack.com'],
    pattern: /(https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,120})/g,
  },
  {
    id: 'stripe-secret-key',
    kind: 'Stripe secret key',
    severity: 'error',
    keywords: ['sk_', 'rk_'],
    pattern: new RegExp(`${B}((?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,247})${E}`, 'g'),
    // Stripe issues 24 or more characters after the prefix; a shorter random tail (letters and digits, not
    // `sk_test_myValidKey`) is still written as a key
    accept: (s) => s.length >= 28 || (notExample(s) && /[A-Za-z]/.test(s.slice(8)) && /\d/.test(s.slice(8))),
  },
  {
    id: 'stripe-webhook-secret',
    kind: 'Stripe webhook signing secret',
    severity: 'error',
    keywords: ['whsec_'],
    pattern: new RegExp(`${B}(whsec_[A-Za-z0-9+/]{32,100})${E}`, 'g'),
  },
  {
    id: 'google-api-key',
    kind: 'Google API key',
    severity: 'error',
    keywords: ['aiza'],
    pattern: new RegExp(`${B}(AIza[0-9A-Za-z_-]{35})${E}`, 'g'),
    accept: notExample,
  },
  {
    id: 'google-oauth-client-secret',
    kind: 'Google OAuth client secret',
    severity: 'error',
    keywords: ['gocspx-'],
    pattern: new RegExp(`${B}(GOCSPX-[A-Za-z0-9_-]{28})${E}`, 'g'),
  },
  {
    id: 'npm-token',
    kind: 'npm access token',
    severity: 'error',
    keywords: ['npm_'],
    pattern: new RegExp(`${B}(npm_[A-Za-z0-9]{36})${E}`, 'g'),
  },
  {
    id: 'npmrc-auth-token',
    kind: 'npm registry auth token',
    severity: 'error',
    keywords: ['_authtoken'],
    pattern: /:_authToken\s*=\s*([A-Za-z0-9._~+/=-]{20,200})/g,
  },
  {
    id: 'openai-api-key',
    kind: 'OpenAI API key',
    severity: 'error',
    keywords: ['sk-'],
    pattern: new RegExp(
      `${B}(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})${E}`,
      'g',
    ),
  },
  {
    id: 'anthropic-api-key',
    kind: 'Anthropic API key',
    severity: 'error',
    keywords: ['sk-ant-'],
    pattern: new RegExp(`${B}(sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{80,120})${E}`, 'g'),
  },
  {
    id: 'sendgrid-api-key',
    kind: 'SendGrid API key',
    severity: 'error',
    keywords: ['sg.'],
    pattern: new RegExp(`${B}(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})${E}`, 'g'),
  },
  {
    id: 'twilio-api-key',
    kind: 'Twilio API key',
    severity: 'error',
    keywords: ['sk'],
    pattern: new RegExp(`${B}(SK[0-9a-f]{32})${E}`, 'g'),
  },
  {
    id: 'mailgun-api-key',
    kind: 'Mailgun API key',
    severity: 'error',
    keywords: ['key-'],
    pattern: new RegExp(`${B}(key-[0-9a-f]{32})${E}`, 'g'),
  },
  {
    id: 'shopify-token',
    kind: 'Shopify access token',
    severity: 'error',
    keywords: ['shpat_', 'shpss_', 'shpca_', 'shppa_'],
    pattern: new RegExp(`${B}(shp(?:at|ss|ca|pa)_[A-Za-z0-9]{32,40})${E}`, 'g'),
  },
  {
    id: 'huggingface-token',
    kind: 'Hugging Face token',
    severity: 'error',
    keywords: ['hf_'],
    pattern: new RegExp(`${B}(hf_[A-Za-z0-9]{34,40})${E}`, 'g'),
    accept: (s) => notExample(s) && isRandomAlnum(s.slice(3)),
  },
  {
    id: 'databricks-token',
    kind: 'Databricks token',
    severity: 'error',
    keywords: ['dapi'],
    pattern: new RegExp(`${B}(dapi[a-f0-9]{32}(?:-\\d)?)${E}`, 'g'),
  },
  {
    id: 'digitalocean-token',
    kind: 'DigitalOcean token',
    severity: 'error',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: new RegExp(`${B}(do[opr]_v1_[a-f0-9]{64})${E}`, 'g'),
  },
  {
    id: 'pypi-token',
    kind: 'PyPI upload token',
    severity: 'error',
    keywords: ['pypi-'],
    pattern: new RegExp(`${B}(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300})${E}`, 'g'),
  },
  {
    id: 'atlassian-api-token',
    kind: 'Atlassian API token',
    severity: 'error',
    keywords: ['atatt3'],
    pattern: new RegExp(`${B}(ATATT3[A-Za-z0-9_=-]{150,250})${E}`, 'g'),
  },
  {
    id: 'grafana-token',
    kind: 'Grafana token',
    severity: 'error',
    keywords: ['glc_', 'glsa_'],
    pattern: new RegExp(`${B}((?:glc_[A-Za-z0-9+/]{32,400}={0,2})|(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}))${E}`, 'g'),
  },
  {
    id: 'linear-api-key',
    kind: 'Linear API key',
    severity: 'error',
    keywords: ['lin_api_'],
    pattern: new RegExp(`${B}(lin_api_[A-Za-z0-9]{40})${E}`, 'g'),
  },
  {
    id: 'notion-token',
    kind: 'Notion integration token',
    severity: 'error',
    keywords: ['secret_', 'ntn_'],
    pattern: new RegExp(`${B}((?:secret_[A-Za-z0-9]{43})|(?:ntn_[0-9]{11}[A-Za-z0-9]{35}))${E}`, 'g'),
  },
  {
    id: 'groq-api-key',
    kind: 'Groq API key',
    severity: 'error',
    keywords: ['gsk_'],
    pattern: new RegExp(`${B}(gsk_[A-Za-z0-9]{52})${E}`, 'g'),
  },
  {
    id: 'vercel-token',
    kind: 'Vercel token',
    severity: 'error',
    keywords: ['vercel_'],
    pattern: new RegExp(`${B}(vercel_[A-Za-z0-9]{24,})${E}`, 'g'),
  },
  {
    id: 'tailscale-key',
    kind: 'Tailscale key',
    severity: 'error',
    keywords: ['tskey-'],
    pattern: new RegExp(`${B}(tskey-(?:api|auth|client|webhook)-[A-Za-z0-9]{10,}-[A-Za-z0-9]{20,})${E}`, 'g'),
  },
  {
    id: 'hashicorp-vault-token',
    kind: 'HashiCorp Vault token',
    severity: 'error',
    keywords: ['hvs.', 'hvb.'],
    pattern: new RegExp(`${B}(hv[sb]\\.[A-Za-z0-9_-]{24,250})${E}`, 'g'),
  },
  {
    // `vault operator init` prints the unseal keys' shares (base64 of 32 or 33 bytes) as `Unseal Key 1: …`: a quorum of
    // them opens the whole vault
    id: 'hashicorp-vault-unseal-key',
    kind: 'HashiCorp Vault unseal key',
    severity: 'error',
    // (`vault operator init` prints recovery keys instead where an HSM or a cloud KMS unseals: they as good as unseal)
    keywords: ['unseal key', 'recovery key'],
    pattern: /\b(?:Unseal|Recovery) Key \d{1,2}:\s{1,4}([A-Za-z0-9+/]{43,44}=?)(?![A-Za-z0-9+/=])/g,
  },
  {
    id: 'figma-token',
    kind: 'Figma token',
    severity: 'error',
    keywords: ['figd_'],
    pattern: new RegExp(`${B}(figd_[A-Za-z0-9_-]{40})${E}`, 'g'),
  },
  {
    // under a Cloudflare name, or handed to cloudflare-go's `cloudflare.NewWithAPIToken("…")`
    id: 'cloudflare-api-key',
    kind: 'Cloudflare API token',
    severity: 'warning',
    keywords: ['cloudflare', 'cf_api', 'newwithapitoken('],
    pattern:
      /(?:(?:cloudflare|cf_api)[\w.-]{0,20}["']?\s*[:=]\s*["']?|NewWithAPIToken\(\s{0,4}["'])([A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/gi,
  },
  {
    id: 'azure-storage-key',
    kind: 'Azure storage account key',
    severity: 'error',
    keywords: ['accountkey='],
    // (64 bytes: 86 characters and `==`; any long base64 here is a key, whatever its length)
    pattern: /AccountKey=([A-Za-z0-9+/]{40,120}={0,2})(?![A-Za-z0-9+/=])/g,
  },
  {
    // The same key in Hadoop's setting for the account (Spark and Databricks): `SET spark.hadoop.fs.azure.account.key.
    // <account>.dfs.core.windows.net = …`, `spark.conf.set("fs.azure.account.key.<account>…", "…")`, the account
    // interpolated (`f"…key.{account}.dfs…"`, `s"…key.$account.dfs…"`), spark-defaults.conf's spaces between them
    id: 'azure-storage-key-setting',
    kind: 'Azure storage account key',
    severity: 'error',
    keywords: ['fs.azure.account.key.'],
    pattern:
      /fs\.azure\.account\.key\.[\w.{}$-]{1,200}?["']?\s{0,4}[=:,\s]\s{0,60}["']?([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/g,
  },
  {
    // Service Bus, Event Hubs, IoT Hub and Relay connection strings: SharedAccessKey=<32 bytes in base64>; SignalR's and
    // Web PubSub's `Endpoint=https://….service.signalr.net;AccessKey=<32 bytes>;`
    id: 'azure-shared-access-key',
    kind: 'Azure shared access key',
    severity: 'error',
    keywords: ['sharedaccesskey=', 'signalr.net', 'webpubsub.azure.com'],
    pattern:
      /(?:SharedAccessKey=|\.(?:service\.signalr\.net|webpubsub\.azure\.com)\/?;AccessKey=)([A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/g,
  },
  {
    // A shared access signature's `sig=` (HMAC-SHA256, base64, often URL-encoded) after its `sv=` version parameter, or
    // after the protocol or expiry parameters only a SAS has (a URL split over two literals: `"&spr=https&sig=…"`)
    id: 'azure-sas-token',
    kind: 'Azure SAS token',
    severity: 'error',
    keywords: ['sig='],
    pattern:
      /(?:^|[?&"'\s;=])(?:sv=\d{4}-\d\d-\d\d|spr=https(?:,http)?|se=\d{4}-\d\d-\d\dT[\d:%A]{4,12}Z)&(?:[^&\s"'<>#]{1,120}&){0,12}sig=([A-Za-z0-9%+/]{40,120}={0,2})/g,
  },
  {
    id: 'azure-client-secret',
    kind: 'Azure AD client secret',
    severity: 'error',
    keywords: ['q~'],
    pattern: new RegExp(`${B}([A-Za-z0-9_~.-]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})${E}`, 'g'),
  },
  {
    // Microsoft's identifiable keys (Azure DevOps' 84-character PATs, newer Azure service keys): 52 random characters,
    // the signature `JQQJ9`, and fields whose shape Microsoft publishes (security-utilities, SEC101/200)
    id: 'azure-identifiable-key',
    kind: 'Azure identifiable key',
    severity: 'error',
    keywords: ['jqqj9'],
    randomPart: (s) => s.slice(0, 52),
    pattern: new RegExp(
      `${B}([A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?)(?![A-Za-z0-9_])`,
      'g',
    ),
  },
  {
    // Cloud Storage's HMAC keys for S3-compatible access: the ID is `GOOG1` and 56 more (a service account's `GOOG1E…`)
    id: 'gcs-hmac-access-id',
    kind: 'Google Cloud Storage HMAC access ID',
    severity: 'error',
    keywords: ['goog1'],
    pattern: new RegExp(`${B}(GOOG1[A-Z0-9]{56})${E}`, 'g'),
    accept: (s) => notExample(s) && /\d/.test(s.slice(5)),
  },
  {
    // Firebase Cloud Messaging's legacy server key: `AAAA` and seven characters, a colon, `APA91b` and 134 more
    id: 'fcm-server-key',
    kind: 'Firebase Cloud Messaging server key',
    severity: 'error',
    keywords: ['apa91b'],
    pattern: new RegExp(`${B}(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})${E}`, 'g'),
    accept: notExample,
  },
  {
    // A Discord bot's token: its user ID (17 to 20 digits) in base64, a timestamp and an HMAC, dot-separated; also as
    // an Authorization header's value (`"Bot …"`) and handed to Lua's `client:run(`
    id: 'discord-bot-token',
    kind: 'Discord bot token',
    severity: 'error',
    keywords: ['discord', '.login(', '.run(', ':run(', '"bot ', "'bot ", 'token'],
    pattern: new RegExp(`${B}([MNO][A-Za-z0-9]{23,26}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38})${E}`, 'g'),
    accept: (s) => /^\d{17,20}$/.test(Buffer.from(s.slice(0, s.indexOf('.')), 'base64').toString('latin1')),
  },
  {
    id: 'telegram-bot-token',
    kind: 'Telegram bot token',
    severity: 'error',
    // (`:aa`: its secret half starts so, and a chat that hands one over need not say `bot`)
    keywords: ['telegram', 'bot', ':aa'],
    // also in the Bot API's URLs: https://api.telegram.org/bot<token>/sendMessage
    pattern: new RegExp(`(?:${B}|(?<=/bot))([0-9]{8,10}:AA[A-Za-z0-9_-]{33})${E}`, 'g'),
  },
  {
    id: 'discord-webhook',
    kind: 'Discord webhook URL',
    severity: 'error',
    keywords: ['discord'],
    pattern: /(https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,70})/g,
  },
  {
    id: 'dingtalk-webhook',
    kind: 'DingTalk robot access token',
    severity: 'error',
    keywords: ['oapi.dingtalk.com'],
    pattern: /oapi\.dingtalk\.com\/robot\/send\?access_token=([a-f0-9]{64})/g,
  },
  {
    id: 'onepassword-service-account-token',
    kind: '1Password service account token',
    severity: 'error',
    keywords: ['ops_eyj'],
    pattern: new RegExp(`${B}(ops_eyJ[A-Za-z0-9+/_=-]{100,4000})`, 'g'),
  },
  {
    id: 'onepassword-secret-key',
    kind: '1Password secret key',
    severity: 'error',
    keywords: ['a3-'],
    pattern: new RegExp(
      `${B}(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})${E}`,
      'g',
    ),
  },
  {
    id: 'facebook-access-token',
    kind: 'Facebook access token',
    severity: 'error',
    keywords: ['eaa'],
    pattern: new RegExp(`${B}(EAA[A-Za-z0-9]{90,400})${E}`, 'g'),
  },
  {
    id: 'facebook-app-token',
    kind: 'Facebook app access token',
    severity: 'error',
    keywords: ['|'],
    pattern: new RegExp(`${B}(\\d{15,16}\\|[A-Za-z0-9_-]{27})${E}`, 'g'),
  },
  {
    id: 'flyio-token',
    kind: 'Fly.io token',
    severity: 'error',
    keywords: ['flyv1', 'fm1', 'fm2'],
    pattern: new RegExp(`${B}((?:FlyV1 )?fm[12][ar]?_[A-Za-z0-9+/=_-]{100,3000})`, 'g'),
  },
  {
    // an organization token printed by `fly tokens create org` (the older format)
    id: 'flyio-org-token',
    kind: 'Fly.io token',
    severity: 'error',
    keywords: ['fo1_'],
    pattern: new RegExp(`${B}(fo1_[A-Za-z0-9_-]{43})${E}`, 'g'),
    accept: isRandomAlnum,
  },
  {
    id: 'huggingface-org-token',
    kind: 'Hugging Face organization token',
    severity: 'error',
    keywords: ['api_org_'],
    pattern: new RegExp(`${B}(api_org_[A-Za-z]{34})${E}`, 'g'),
  },
  {
    id: 'sentry-token',
    kind: 'Sentry token',
    severity: 'error',
    keywords: ['sntrys_', 'sntryu_'],
    pattern: new RegExp(`${B}(sntry[su]_[A-Za-z0-9+/=_-]{60,1000})`, 'g'),
  },
  {
    id: 'sourcegraph-token',
    kind: 'Sourcegraph access token',
    severity: 'error',
    keywords: ['sgp_'],
    pattern: new RegExp(`${B}(sgp_(?:local_|[A-Fa-f0-9]{16}_)?[A-Fa-f0-9]{40})${E}`, 'g'),
  },
  {
    id: 'square-token',
    kind: 'Square token',
    severity: 'error',
    keywords: ['sq0'],
    pattern: new RegExp(`${B}(sq0(?:csp|atp)-[A-Za-z0-9_-]{22,60})${E}`, 'g'), // (an application's `sq0idp-` ID is public)
  },
  {
    id: 'cloudflare-token',
    kind: 'Cloudflare token',
    severity: 'error',
    keywords: ['cfut_', 'cfk_', 'cfat_'],
    // forty random characters and an eight-digit hex checksum
    pattern: new RegExp(`${B}(cf(?:ut|k|at)_[A-Za-z0-9]{40}[0-9a-fA-F]{8})${E}`, 'g'),
  },
  {
    id: 'vercel-access-token',
    kind: 'Vercel token',
    severity: 'error',
    keywords: ['vca_', 'vcp_', 'vci_', 'vcr_', 'vck_'],
    pattern: new RegExp(`${B}(vc[apirk]_[A-Za-z0-9]{24,80})${E}`, 'g'),
  },
  {
    id: 'intra42-secret',
    kind: '42 Intra client secret',
    severity: 'error',
    keywords: ['s-s4t2'],
    pattern: new RegExp(`${B}(s-s4t2(?:ud|af)-[a-f0-9]{64})${E}`, 'g'),
  },
  {
    // A PKCS #8 or PKCS #1 private key in base64 without its PEM lines (Alipay's and WeChat Pay's SDK settings, a
    // constant): RSA's `MII…IBADANBgkqhkiG9w0BAQEFAASC…` and `MIIEowIBAAKCAQEA…`, EC's `MIG…AgEAMBMGByqGSM49AgEG…`;
    // encrypted as PKCS #8 does it (`MII…BgkqhkiG9w0BBQ0w…`, PBES2: a Snowflake connector's key beside its passphrase),
    // as a PEM block's ENCRYPTED PRIVATE KEY is reported
    id: 'private-key-der',
    kind: 'private key',
    severity: 'error',
    keywords: ['ibadanbgkqhkig9w0baqefaasc', 'ibaakc', 'ibaakb', 'ageambmgbyqgsm49ageg', 'bgkqhkig9w0bbq0w'],
    pattern: new RegExp(
      `${B}(MII[A-Za-z0-9+/]{1,3}(?:IBADANBgkqhkiG9w0BAQEFAASC|IBAAK[BC])[A-Za-z0-9+/]{400,6000}={0,2}|MII[A-Za-z0-9+/]{5}BgkqhkiG9w0BBQ0w[A-Za-z0-9+/]{400,6000}={0,2}|MI[A-Za-z0-9+/]{2}AgEAMBMGByqGSM49AgEG[A-Za-z0-9+/]{60,400}={0,2})${E}`,
      'g',
    ),
  },
  {
    // A PKCS #12 file in base64 (version 3, then PKCS #7 data): a private key with its certificate, as a KMS instance's
    // ClientKey file holds it (`"PrivateKeyData": "MIIK…"`, its password in a file beside it) or a `.pfx` pasted
    id: 'private-key-pkcs12',
    kind: 'private key',
    severity: 'error',
    keywords: ['ibazcc'],
    pattern: new RegExp(
      `${B}(MII[A-Za-z0-9+/]{3}IBAzCC[A-Za-z0-9+/]{3}GCSqGSIb3DQEHAaCC[A-Za-z0-9+/]{400,20000}={0,2})${E}`,
      'g',
    ),
  },
  {
    // A vendor's secret token kept in base64 so it does not show in `strings` (`"c2tfbGl2ZV8…"` is `sk_live_…`): the
    // encoding hides nothing, so it is reported when it decodes to the token whole
    id: 'base64-encoded-token',
    kind: 'API key',
    severity: 'error',
    keywords: ENCODED_TOKEN_PREFIXES.map((prefix) => prefix.toLowerCase()),
    pattern: new RegExp(
      `${B}((?:${ENCODED_TOKEN_PREFIXES.join('|')})[A-Za-z0-9+/]{16,400}={0,2})(?![A-Za-z0-9+/=])`,
      'g',
    ),
    accept: (s) => ENCODED_TOKEN.test(Buffer.from(s, 'base64').toString('latin1')),
  },
  {
    // `php artisan key:generate`'s key (32 random bytes in base64) wherever it stands: a fallback, a test's config
    id: 'laravel-app-key',
    kind: 'Laravel application key',
    severity: 'error',
    keywords: ['base64:'],
    pattern: /(?<![\w/+:])(base64:[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/g,
    accept: (s) => notExample(s) && isRandomAlnum(s.slice(7)) && new Set(s.slice(7)).size >= 16,
  },
  {
    id: 'jwt',
    kind: 'JSON Web Token',
    severity: 'warning',
    keywords: ['eyj'],
    pattern: new RegExp(
      `${B}(eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{10,1000})${E}`,
      'g',
    ),
    // jwt.io's sample signature reused under another payload is still a sample (its key is published)
    // and a signature that says it is none (`….placeholder-signature`) is a sample
    accept: (s) =>
      !isPublicJwt(s) &&
      !EXAMPLE_JWT_SIGNATURES.some((signature) => s.endsWith(signature)) &&
      !isExampleJwt(s) &&
      !/placeholder|signature|example|dummy|fake/i.test(s.slice(s.lastIndexOf('.'))),
  },
  ...VENDOR_TOKENS.map(({ id, vendor, what, keywords, pattern, accept }) => ({
    id,
    kind: `${vendor} ${what}`,
    severity: 'error' as const,
    keywords,
    pattern,
    accept: (s: string) => notExample(s) && (!accept || accept(s)),
  })),
];
