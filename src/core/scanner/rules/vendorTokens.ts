/**
 * Credentials of developer services that carry a prefix of their own (`PMAK-`, `rubygems_`, `dp.st.`), so they are
 * found with no name beside them. Each is reported as "<vendor> <what>" (kindNames.ts translates the `what`). Patterns
 * follow the services' documented formats; every repetition is bounded.
 */
type VendorWhat = 'API token' | 'API key' | 'access token' | 'secret key' | 'webhook URL';

export interface VendorToken {
  id: string;
  vendor: string;
  what: VendorWhat;
  /** Lower case: the line must hold one before the pattern runs. */
  keywords: string[];
  /** Its first group is the secret. */
  pattern: RegExp;
  accept?: (secret: string) => boolean;
}

/**
 * Where a token starts: not inside a word, path or URL segment (but a URL's user, `https://<token>@host`, a shell
 * default, `${KEY:-<token>}`, a query's value escaped into another URL, `%26key%3D<token>`, and a quoted value
 * URL-encoded, `%22secretKey%22%3A%22<token>%22` (Ember's config meta tag), are tokens).
 */
export const B = '(?:(?<=://|:-|%3[Dd]|%2[27])|(?<![A-Za-z0-9_/.-]))';
/** Where a token ends: not inside a word. */
export const E = '(?![A-Za-z0-9_])';
/** Ghost's Admin API key: `<24 hex id>:<64 hex secret>`. */
export const GHOST_ADMIN_KEY = '[0-9a-f]{24}:[0-9a-f]{64}';
const token = (source: string): RegExp => new RegExp(`${B}(${source})${E}`, 'g');
/** Random: two of lower case, upper case and digits, and no character eight times over (`AAAAAAAA…`). */
const random = (s: string): boolean =>
  Number(/[a-z]/.test(s)) + Number(/[A-Z]/.test(s)) + Number(/\d/.test(s)) >= 2 && !/(.)\1{7}/.test(s);

export const VENDOR_TOKENS: readonly VendorToken[] = [
  {
    // an API key: base64, `==-`, base64, and a last part of any printable characters
    id: 'adyen-api-key',
    vendor: 'Adyen',
    what: 'API key',
    keywords: ['aqe'],
    pattern: token('AQE[A-Za-z0-9+/]{30,200}={0,2}-[A-Za-z0-9+/]{20,100}={0,2}(?:-[^\\s"\'`]{6,40})?'),
  },
  {
    id: 'age-secret-key',
    vendor: 'age',
    what: 'secret key',
    keywords: ['age-secret-key-1'],
    pattern: token('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'),
  },
  {
    // a personal access token: `pat`, 14 characters, a dot and 64 hex digits
    id: 'airtable-pat',
    vendor: 'Airtable',
    what: 'access token',
    keywords: ['pat'],
    pattern: token('pat[A-Za-z0-9]{14}\\.[0-9a-f]{64}'),
  },
  {
    id: 'artifactory-token',
    vendor: 'JFrog Artifactory',
    what: 'API token',
    keywords: ['akcp', 'cmvmdgtu'],
    pattern: token('AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAxOj[A-Za-z0-9]{40,60}'),
  },
  {
    id: 'aws-bedrock-api-key',
    vendor: 'Amazon Bedrock',
    what: 'API key',
    keywords: ['absk', 'bedrock-api-key-'],
    pattern: new RegExp(
      `${B}(ABSK[A-Za-z0-9+/]{80,300}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&.-]{0,3000})`,
      'g',
    ),
  },
  {
    // an API key (16 capitals and digits) where it is a Kafka client's SASL user (`"sasl.username": "…"`,
    // `PlainLoginModule required username="…"`, `SaslUsername = "…"`, a JAAS line in a Java string:
    // `"username=\"…\""`) or Schema Registry's (`basic.auth.user.info=<key>:<secret>`); its secret is found as the
    // password. Not any `username` of that shape (`ADMINISTRATOR123`, an SAP or mainframe user)
    id: 'confluent-api-key',
    vendor: 'Confluent Cloud',
    what: 'API key',
    keywords: ['sasl', 'plainloginmodule', 'user.info', 'username=\\"'],
    pattern:
      /(?:(?:[Ss]asl|SASL)[._]?(?:(?:plain|PLAIN)[._]?)?(?:[Uu]ser(?:name)?|USER(?:NAME)?)|(?:[Ss]asl|SASL|PlainLoginModule)\b[^;]{0,200}?\b[Uu]sername|user\.info|\busername(?==\\"))\\?["']?\]?\s{0,4}[:=,]>?\s{0,4}\\?["']?([A-Z0-9]{16})(?=\\?["':\s,;)]|$)/g,
    accept: random,
  },
  {
    // a DeepL API Free key: a UUID and `:fx`
    id: 'deepl-api-key',
    vendor: 'DeepL',
    what: 'API key',
    keywords: [':fx'],
    pattern: token('[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:fx'),
  },
  {
    // a Docker Hub personal (or organization) access token
    id: 'docker-hub-token',
    vendor: 'Docker Hub',
    what: 'access token',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    pattern: token('dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32}'),
    accept: random,
  },
  {
    id: 'doppler-token',
    vendor: 'Doppler',
    what: 'access token',
    keywords: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
    pattern: token('dp\\.(?:pt|st|ct|sa|scim|audit)\\.[A-Za-z0-9_]{40,44}'),
  },
  {
    id: 'duffel-token',
    vendor: 'Duffel',
    what: 'API token',
    keywords: ['duffel_'],
    pattern: token('duffel_(?:test|live)_[A-Za-z0-9_=-]{43}'),
  },
  {
    id: 'dynatrace-token',
    vendor: 'Dynatrace',
    what: 'API token',
    keywords: ['dt0c01.'],
    pattern: token('dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}'),
  },
  {
    id: 'easypost-token',
    vendor: 'EasyPost',
    what: 'API key',
    keywords: ['ezak', 'eztk'],
    pattern: token('EZ[AT]K[A-Za-z0-9]{54}'),
  },
  {
    id: 'flutterwave-secret-key',
    vendor: 'Flutterwave',
    what: 'secret key',
    keywords: ['flwseck'],
    pattern: token('FLWSECK(?:_TEST)?-[a-h0-9]{32}-X|FLWSECK(?:_TEST)?-?[a-h0-9]{12}'),
  },
  {
    id: 'frameio-token',
    vendor: 'Frame.io',
    what: 'API token',
    keywords: ['fio-u-'],
    pattern: token('fio-u-[A-Za-z0-9_=-]{64}'),
  },
  {
    id: 'google-oauth-access-token',
    vendor: 'Google OAuth',
    what: 'access token',
    keywords: ['ya29.'],
    pattern: token('ya29\\.[A-Za-z0-9_-]{30,2000}'),
  },
  {
    id: 'heroku-token',
    vendor: 'Heroku',
    what: 'API key',
    keywords: ['hrku-'],
    pattern: token('HRKU-AA[A-Za-z0-9_-]{58}'),
  },
  {
    id: 'infracost-token',
    vendor: 'Infracost',
    what: 'API token',
    keywords: ['ico-'],
    pattern: token('ico-[A-Za-z0-9]{32}'),
    accept: random,
  },
  {
    id: 'mailchimp-api-key',
    vendor: 'Mailchimp',
    what: 'API key',
    keywords: ['-us'],
    pattern: token('[0-9a-f]{32}-us[0-9]{1,2}'),
  },
  {
    id: 'new-relic-key',
    vendor: 'New Relic',
    what: 'API key',
    keywords: ['nrak-', 'nrii-', 'nral'],
    // user keys, insert keys, and the license (ingest) key: 36 hex digits and `NRAL`
    pattern: token('NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|[0-9a-f]{36}NRAL'),
  },
  {
    id: 'openshift-token',
    vendor: 'OpenShift',
    what: 'access token',
    keywords: ['sha256~'],
    pattern: new RegExp(`${B}(sha256~[A-Za-z0-9_-]{43})${E}`, 'g'),
  },
  {
    // an Events API integration key in the URL alerts are sent to (Alertmanager's `webhook_configs`)
    id: 'pagerduty-integration-key',
    vendor: 'PagerDuty',
    what: 'API key',
    keywords: ['events.pagerduty.com/integration/'],
    pattern: /events\.pagerduty\.com\/integration\/([0-9a-f]{32})\/enqueue/g,
  },
  {
    id: 'perplexity-api-key',
    vendor: 'Perplexity',
    what: 'API key',
    keywords: ['pplx-'],
    pattern: token('pplx-[A-Za-z0-9]{48}'),
  },
  {
    id: 'planetscale-token',
    vendor: 'PlanetScale',
    what: 'access token',
    keywords: ['pscale_'],
    pattern: token('pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.-]{32,64}'),
  },
  {
    id: 'postman-api-key',
    vendor: 'Postman',
    what: 'API key',
    keywords: ['pmak-'],
    pattern: token('PMAK-[a-f0-9]{24}-[a-f0-9]{34}'),
  },
  {
    // a personal API key (`phx_`); project keys (`phc_`) ship in every page
    id: 'posthog-personal-api-key',
    vendor: 'PostHog',
    what: 'API key',
    keywords: ['phx_'],
    pattern: token('phx_[A-Za-z0-9]{30,60}'),
  },
  {
    id: 'prefect-api-key',
    vendor: 'Prefect',
    what: 'API key',
    keywords: ['pnu_'],
    pattern: token('pnu_[A-Za-z0-9]{36}'),
  },
  {
    id: 'netlify-token',
    vendor: 'Netlify',
    what: 'access token',
    keywords: ['nfp_'],
    pattern: token('nfp_[A-Za-z0-9]{36}'),
  },
  {
    id: 'pulumi-token',
    vendor: 'Pulumi',
    what: 'access token',
    keywords: ['pul-'],
    pattern: token('pul-[a-f0-9]{40}'),
  },
  {
    id: 'readme-api-key',
    vendor: 'ReadMe',
    what: 'API key',
    keywords: ['rdme_'],
    pattern: token('rdme_[a-z0-9]{70}'),
  },
  {
    id: 'replicate-token',
    vendor: 'Replicate',
    what: 'API token',
    keywords: ['r8_'],
    pattern: token('r8_[A-Za-z0-9]{37}'),
    accept: random,
  },
  {
    id: 'rubygems-api-key',
    vendor: 'RubyGems',
    what: 'API key',
    keywords: ['rubygems_'],
    pattern: token('rubygems_[a-f0-9]{48}'),
  },
  {
    // `re_` + 8 + `_` + 24: the key's ID, then its secret (`re_` alone is in too many identifiers to wake a line: the
    // service's name beside it does; a key under another name is an assignment's)
    id: 'resend-api-key',
    vendor: 'Resend',
    what: 'API key',
    keywords: ['resend'],
    pattern: token('re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}'),
    accept: random,
  },
  {
    id: 'scalingo-token',
    vendor: 'Scalingo',
    what: 'API token',
    keywords: ['tk-us-'],
    pattern: token('tk-us-[A-Za-z0-9_-]{48}'),
  },
  {
    id: 'sendinblue-api-key',
    vendor: 'Brevo (Sendinblue)',
    what: 'API key',
    keywords: ['xkeysib-', 'xsmtpsib-'],
    pattern: token('x(?:key|smtp)sib-[a-f0-9]{64}-[A-Za-z0-9]{16}'),
  },
  {
    id: 'settlemint-token',
    vendor: 'SettleMint',
    what: 'access token',
    keywords: ['sm_aat_', 'sm_pat_', 'sm_sat_'],
    pattern: token('sm_[aps]at_[A-Za-z0-9]{16}'),
    accept: random,
  },
  {
    id: 'shippo-token',
    vendor: 'Shippo',
    what: 'API token',
    keywords: ['shippo_'],
    pattern: token('shippo_(?:live|test)_[a-fA-F0-9]{40}'),
  },
  {
    id: 'sonarqube-token',
    vendor: 'SonarQube',
    what: 'access token',
    keywords: ['sqp_', 'squ_', 'sqa_'],
    pattern: token('sq[pua]_[a-f0-9]{40}'),
  },
  {
    id: 'supabase-token',
    vendor: 'Supabase',
    what: 'secret key',
    keywords: ['sbp_', 'sb_secret_'],
    pattern: token('sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,64}'),
  },
  {
    // Transifex's API token: `1/` and 40 hex digits (`.transifexrc`'s `token`, the tx CLI's TX_TOKEN)
    id: 'transifex-token',
    vendor: 'Transifex',
    what: 'API token',
    keywords: ['1/'],
    pattern: token('1/[0-9a-f]{40}'),
  },
  {
    id: 'typeform-token',
    vendor: 'Typeform',
    what: 'API token',
    keywords: ['tfp_'],
    pattern: token('tfp_[A-Za-z0-9_.=-]{59}'),
  },
  {
    // Infura's project ID is the key of its RPC URLs: https://mainnet.infura.io/v3/<32 hex>
    id: 'infura-api-key',
    vendor: 'Infura',
    what: 'API key',
    keywords: ['infura.io/v3/'],
    pattern: /(?<=infura\.io\/v3\/)([0-9a-f]{32})(?![A-Za-z0-9_])/g,
  },
  {
    // Alchemy's API key is the last segment of its RPC URLs: https://eth-mainnet.g.alchemy.com/v2/<32 characters>
    id: 'alchemy-api-key',
    vendor: 'Alchemy',
    what: 'API key',
    keywords: ['alchemy.com/v2/', 'alchemyapi.io/v2/'],
    pattern: /(?<=\.alchemy(?:api)?\.(?:com|io)\/v2\/)([A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/g,
    accept: random,
  },
  {
    // anaconda.org's tokens in a channel URL (`https://conda.anaconda.org/t/<token>/acme`, a `.condarc`)
    id: 'anaconda-token',
    vendor: 'Anaconda',
    what: 'access token',
    keywords: ['/t/'],
    pattern: /(?<=\/t\/)([a-z]{2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=\/)/g,
  },
  {
    // Gemfury's tokens, given as a repository URL's user (`source "https://<token>@gem.fury.io/acme/"`, npm's and pip's
    // `…@npm.fury.io`, `…@pypi.fury.io`)
    id: 'gemfury-token',
    vendor: 'Gemfury',
    what: 'access token',
    keywords: ['fury.io'],
    pattern: /(?<=:\/\/)([A-Za-z0-9_-]{16,64})(?=(?::[^@\s/]{0,100})?@[a-z]{2,8}\.fury\.io\b)/g,
    accept: random,
  },
  {
    // Mailgun's private API keys since 2022: 32 hex digits and two groups of eight (before: `key-…`, tokens.ts)
    id: 'mailgun-private-api-key',
    vendor: 'Mailgun',
    what: 'API key',
    // (`api:` is its basic-auth user: `Encoding.ASCII.GetBytes("api:" + "…")`, `-u 'api:…'`)
    keywords: ['mailgun', 'api:'],
    pattern: token('[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}'),
  },
  {
    // A Cloudflare Tunnel's token (`cloudflared tunnel run --token …`): base64 of `{"a":<account>,"t":<tunnel>,"s":<secret>}`
    id: 'cloudflare-tunnel-token',
    vendor: 'Cloudflare Tunnel',
    what: 'access token',
    keywords: ['eyjhijoi'],
    pattern: token('eyJhIjoi[A-Za-z0-9+/]{60,400}={0,2}'),
  },
  {
    // NATS nkey seeds: `S` and the key's type (user, account, operator, server, cluster, curve), base32 to 58 characters
    // (`nkeys.FromSeed(…)`, a `.creds` file's `USER NKEY SEED` block)
    id: 'nats-nkey-seed',
    vendor: 'NATS',
    what: 'secret key',
    keywords: ['seed', 'nkey', 'nats'],
    pattern: token('S[UAONCX][A-Z2-7]{56}'),
    accept: random,
  },
  {
    // HubSpot's private app access tokens: `pat-` and the account's region (`na1`, `eu1`) before a UUID
    id: 'hubspot-private-app-token',
    vendor: 'HubSpot',
    what: 'access token',
    keywords: ['pat-na', 'pat-eu', 'pat-ap'],
    pattern: token('pat-(?:na|eu|ap)\\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
  },
  {
    // NuGet.org's API keys: `oy2` and 43 small letters and digits (a NuGet.config's `<apikeys>`, `dotnet nuget push -k`)
    id: 'nuget-api-key',
    vendor: 'NuGet',
    what: 'API key',
    keywords: ['oy2'],
    pattern: token('oy2[a-z0-9]{43}'),
  },
  {
    // Ghost's Admin API keys, `<24 hex id>:<64 hex secret>`, on a line that names Ghost (`GhostAdminAPI`, `GHOST_…`)
    id: 'ghost-admin-api-key',
    vendor: 'Ghost',
    what: 'API key',
    keywords: ['ghost'],
    pattern: token(GHOST_ADMIN_KEY),
  },
  {
    // Mapbox's secret tokens (`sk.`); its public ones (`pk.`) ship in every map page
    id: 'mapbox-secret-token',
    vendor: 'Mapbox',
    what: 'access token',
    keywords: ['sk.eyj'],
    pattern: token('sk\\.eyJ[A-Za-z0-9_-]{20,300}\\.[A-Za-z0-9_-]{20,60}'),
  },
  {
    // X (Twitter) app-only bearer tokens: a run of A's, then URL-encoded base64 (`%2B`, `%3D`)
    id: 'twitter-bearer-token',
    vendor: 'X (Twitter)',
    what: 'access token',
    keywords: ['aaaaaaaaaaaaaaaaaaaa'],
    pattern: token('A{20}(?=[A-Za-z0-9%]{0,150}%(?:2B|2F|3D))[A-Za-z0-9%]{60,150}'),
  },
  {
    id: 'xai-api-key',
    vendor: 'xAI',
    what: 'API key',
    keywords: ['xai-'],
    pattern: token('xai-[A-Za-z0-9]{80}'),
  },
  {
    // The key in an incoming webhook's URL is all it takes to post to the group.
    id: 'wecom-webhook',
    vendor: 'WeCom',
    what: 'webhook URL',
    keywords: ['qyapi.weixin.qq.com'],
    // a UUID (a documented sample with letters past `f` in it is a placeholder), or 32 to 40 letters and digits
    pattern: new RegExp(
      String.raw`qyapi\.weixin\.qq\.com/cgi-bin/webhook/send\?key=([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|[A-Za-z0-9]{32,40})${E}`,
      'g',
    ),
  },
  {
    id: 'feishu-webhook',
    vendor: 'Feishu/Lark',
    what: 'webhook URL',
    keywords: ['/open-apis/bot/v2/hook/'],
    pattern: new RegExp(
      String.raw`open\.(?:feishu\.cn|larksuite\.com)/open-apis/bot/v2/hook/([A-Za-z0-9-]{32,40})${E}`,
      'g',
    ),
  },
  {
    // a Zapier webhook's catch URL: anyone holding it can start the Zap
    id: 'zapier-webhook',
    vendor: 'Zapier',
    what: 'webhook URL',
    keywords: ['hooks.zapier.com'],
    pattern: /(https:\/\/hooks\.zapier\.com\/hooks\/catch\/\d{4,12}\/[a-z0-9]{5,12}\/?)(?![\w-])/g,
  },
  {
    // Mollie's live API keys: `live_` and 30 letters and digits (`test_` keys reach only the test mode)
    id: 'mollie-api-key',
    vendor: 'Mollie',
    what: 'API key',
    keywords: ['live_'],
    pattern: token('live_[A-Za-z0-9]{30}'),
    accept: random,
  },
  {
    // Okta's API tokens, always sent after the scheme `SSWS` (`Authorization: SSWS 00…`): `00` and 40 more characters
    id: 'okta-api-token',
    vendor: 'Okta',
    what: 'API token',
    keywords: ['ssws'],
    pattern: new RegExp(`\\bSSWS\\s{1,4}(00[A-Za-z0-9_-]{40})${E}`, 'g'),
    accept: random,
  },
  {
    // Terraform Cloud's and Enterprise's API tokens (a user's, a team's, an organization's): `<14>.atlasv1.<60–70>`
    id: 'terraform-cloud-token',
    vendor: 'Terraform Cloud',
    what: 'API token',
    keywords: ['.atlasv1.'],
    pattern: token('[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}'),
  },
  {
    // OneSignal's REST API keys (an app's or an organization's): `os_v2_app_` or `os_v2_org_`, then base32
    id: 'onesignal-api-key',
    vendor: 'OneSignal',
    what: 'API key',
    keywords: ['os_v2_'],
    pattern: token('os_v2_(?:app|org)_[a-z2-7]{56,200}'),
  },
  {
    // a Render service's deploy hook: anyone holding its key deploys the service
    id: 'render-deploy-hook',
    vendor: 'Render',
    what: 'webhook URL',
    keywords: ['api.render.com/deploy/'],
    pattern: /(https:\/\/api\.render\.com\/deploy\/srv-[a-z0-9]{16,24}\?key=[A-Za-z0-9_-]{8,64})(?![\w-])/g,
  },
  {
    id: 'teams-webhook',
    vendor: 'Microsoft Teams',
    what: 'webhook URL',
    keywords: ['webhook.office.com'],
    pattern: new RegExp(
      String.raw`(https://[A-Za-z0-9-]{1,60}\.webhook\.office\.com/webhookb2/[A-Za-z0-9@-]{36,120}/IncomingWebhook/[a-f0-9]{32}/[A-Za-z0-9-]{36}(?:/[A-Za-z0-9_-]{10,60})?)`,
      'g',
    ),
  },
  {
    // The Things Stack's API keys (LoRaWAN): `NNSXS.` and two base32 parts
    id: 'things-stack-api-key',
    vendor: 'The Things Stack',
    what: 'API key',
    keywords: ['nnsxs.'],
    pattern: token('NNSXS\\.[A-Z0-9]{39}\\.[A-Z0-9]{52}'),
  },
  {
    // IFTTT's Webhooks key, at the end of a trigger's URL (Home Assistant's rest commands)
    id: 'ifttt-webhook-key',
    vendor: 'IFTTT',
    what: 'API key',
    keywords: ['maker.ifttt.com/'],
    pattern: /(?<=maker\.ifttt\.com\/trigger\/[^/\n]{1,100}\/(?:json\/)?with\/key\/)([A-Za-z0-9_-]{20,64})(?![\w-])/g,
    accept: random,
  },
];
