/**
 * The kinds the built-in rules report ("GitHub token", "password in a connection string"), for people, in the display
 * language (@vscode/l10n; English where none is configured, as in the CLI and the scan worker). A kind named by a custom
 * pattern is the user's own text and is shown as it is (but for the generic words of "<name> API key" and the like). A
 * unit test checks that every kind a rule can report is translated.
 */
import * as l10n from '@vscode/l10n';

/**
 * "<name> API key" and the like (the vendor token rules' kinds, rules/vendorTokens.ts): the name is a name, the rest is
 * translated, whoever named the kind (a custom pattern's "ACME API key" too).
 */
const NAMED_KIND = /^(.+) (API token|API key|access token|secret key|webhook URL)$/;

function namedKind(name: string, what: string): string {
  switch (what) {
    case 'API token':
      return l10n.t('{0} API token', name);
    case 'API key':
      return l10n.t('{0} API key', name);
    case 'access token':
      return l10n.t('{0} access token', name);
    case 'secret key':
      return l10n.t('{0} secret key', name);
    default:
      return l10n.t('{0} webhook URL', name);
  }
}

/** A kind as people read it: a built-in kind's translation (looked up by its text), else its generic words translated. */
export function kindName(kind: string): string {
  const translated = l10n.t(kind);
  if (translated !== kind) return translated;
  const named = NAMED_KIND.exec(kind);
  return named ? namedKind(named[1], named[2]) : kind;
}

/**
 * The built-in kinds, for the translators: `npm run l10n` puts each in the bundle from these calls. Nothing calls this
 * list at run time (kindName looks a kind up by its text), so the bundles leave it out.
 */
export const BUILT_IN_KINDS = (): string[] => [
  l10n.t('1Password secret key'),
  l10n.t('1Password service account token'),
  l10n.t('42 Intra client secret'),
  l10n.t('API key'),
  l10n.t('AWS access key ID'),
  l10n.t('AWS secret access key'),
  l10n.t('AWS session token'),
  l10n.t('Alibaba Cloud AccessKey ID'),
  l10n.t('Alibaba Cloud AccessKey secret'),
  l10n.t('Anthropic API key'),
  l10n.t('Atlassian API token'),
  l10n.t('Azure AD client secret'),
  l10n.t('Alibaba Cloud STS security token'),
  l10n.t('Alibaba Cloud STS AccessKey ID'),
  l10n.t('Azure storage account key'),
  l10n.t('Azure SAS token'),
  l10n.t('Azure shared access key'),
  l10n.t('Azure identifiable key'),
  l10n.t('Tencent Cloud SecretId'),
  l10n.t('Tencent Cloud SecretKey'),
  l10n.t('Volcengine AccessKey ID'),
  l10n.t('Cloudflare API token'),
  l10n.t('Cloudflare token'),
  l10n.t('Databricks token'),
  l10n.t('DigitalOcean token'),
  l10n.t('DingTalk robot access token'),
  l10n.t('Discord bot token'),
  l10n.t('Firebase Cloud Messaging server key'),
  l10n.t('Discord webhook URL'),
  l10n.t('Facebook access token'),
  l10n.t('Facebook app access token'),
  l10n.t('Figma token'),
  l10n.t('Fly.io token'),
  l10n.t('GitHub fine-grained token'),
  l10n.t('GitHub token'),
  l10n.t('GitLab token'),
  l10n.t('Google API key'),
  l10n.t('Google Cloud Storage HMAC access ID'),
  l10n.t('Google OAuth client secret'),
  l10n.t('Grafana token'),
  l10n.t('Groq API key'),
  l10n.t('HashiCorp Vault token'),
  l10n.t('HashiCorp Vault unseal key'),
  l10n.t('Hugging Face organization token'),
  l10n.t('Hugging Face token'),
  l10n.t('JSON Web Token'),
  l10n.t('JWT signing secret'),
  l10n.t('Laravel application key'),
  l10n.t('Linear API key'),
  l10n.t('Mailgun API key'),
  l10n.t('Notion integration token'),
  l10n.t('OpenAI API key'),
  l10n.t('PyPI upload token'),
  l10n.t('SendGrid API key'),
  l10n.t('Sentry token'),
  l10n.t('Shopify access token'),
  l10n.t('Slack app token'),
  l10n.t('Slack token'),
  l10n.t('Slack webhook URL'),
  l10n.t('Sourcegraph access token'),
  l10n.t('Square token'),
  l10n.t('Stripe secret key'),
  l10n.t('Stripe webhook signing secret'),
  l10n.t('Tailscale key'),
  l10n.t('Telegram bot token'),
  l10n.t('Twilio API key'),
  l10n.t('Vercel token'),
  l10n.t('bearer token'),
  l10n.t('credential'),
  l10n.t('credentials in an Authorization header'),
  l10n.t('npm access token'),
  l10n.t('npm registry auth token'),
  l10n.t('password'),
  l10n.t('password in a URL'),
  l10n.t('password in a basic-auth URL'),
  l10n.t('password in a connection URL'),
  l10n.t('password in a connection string'),
  l10n.t('password in a database DSN'),
  l10n.t('private key'),
  l10n.t('secret'),
  l10n.t('secret in a URL'),
  l10n.t('secret-like value'),
  l10n.t('token'),
  l10n.t('value in a Kubernetes Secret'),
];
