/**
 * The kinds the built-in rules report ("GitHub token", "password in a connection string"), for people, in the display
 * language (@vscode/l10n; English where none is configured, as in the CLI and the scan worker). A kind named by a custom
 * pattern is the user's own text and is shown as it is (but for the generic words of "<name> API key" and the like). A
 * unit test checks that every kind a rule can report is here.
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

export function kindName(kind: string): string {
  switch (kind) {
    case '1Password secret key':
      return l10n.t('1Password secret key');
    case '1Password service account token':
      return l10n.t('1Password service account token');
    case '42 Intra client secret':
      return l10n.t('42 Intra client secret');
    case 'API key':
      return l10n.t('API key');
    case 'AWS access key ID':
      return l10n.t('AWS access key ID');
    case 'AWS secret access key':
      return l10n.t('AWS secret access key');
    case 'AWS session token':
      return l10n.t('AWS session token');
    case 'Alibaba Cloud AccessKey ID':
      return l10n.t('Alibaba Cloud AccessKey ID');
    case 'Alibaba Cloud AccessKey secret':
      return l10n.t('Alibaba Cloud AccessKey secret');
    case 'Anthropic API key':
      return l10n.t('Anthropic API key');
    case 'Atlassian API token':
      return l10n.t('Atlassian API token');
    case 'Azure AD client secret':
      return l10n.t('Azure AD client secret');
    case 'Alibaba Cloud STS security token':
      return l10n.t('Alibaba Cloud STS security token');
    case 'Alibaba Cloud STS AccessKey ID':
      return l10n.t('Alibaba Cloud STS AccessKey ID');
    case 'Azure storage account key':
      return l10n.t('Azure storage account key');
    case 'Azure SAS token':
      return l10n.t('Azure SAS token');
    case 'Azure shared access key':
      return l10n.t('Azure shared access key');
    case 'Azure identifiable key':
      return l10n.t('Azure identifiable key');
    case 'Tencent Cloud SecretId':
      return l10n.t('Tencent Cloud SecretId');
    case 'Tencent Cloud SecretKey':
      return l10n.t('Tencent Cloud SecretKey');
    case 'Volcengine AccessKey ID':
      return l10n.t('Volcengine AccessKey ID');
    case 'Cloudflare API token':
      return l10n.t('Cloudflare API token');
    case 'Cloudflare token':
      return l10n.t('Cloudflare token');
    case 'Databricks token':
      return l10n.t('Databricks token');
    case 'DigitalOcean token':
      return l10n.t('DigitalOcean token');
    case 'DingTalk robot access token':
      return l10n.t('DingTalk robot access token');
    case 'Discord bot token':
      return l10n.t('Discord bot token');
    case 'Firebase Cloud Messaging server key':
      return l10n.t('Firebase Cloud Messaging server key');
    case 'Discord webhook URL':
      return l10n.t('Discord webhook URL');
    case 'Facebook access token':
      return l10n.t('Facebook access token');
    case 'Facebook app access token':
      return l10n.t('Facebook app access token');
    case 'Figma token':
      return l10n.t('Figma token');
    case 'Fly.io token':
      return l10n.t('Fly.io token');
    case 'GitHub fine-grained token':
      return l10n.t('GitHub fine-grained token');
    case 'GitHub token':
      return l10n.t('GitHub token');
    case 'GitLab token':
      return l10n.t('GitLab token');
    case 'Google API key':
      return l10n.t('Google API key');
    case 'Google Cloud Storage HMAC access ID':
      return l10n.t('Google Cloud Storage HMAC access ID');
    case 'Google OAuth client secret':
      return l10n.t('Google OAuth client secret');
    case 'Grafana token':
      return l10n.t('Grafana token');
    case 'Groq API key':
      return l10n.t('Groq API key');
    case 'HashiCorp Vault token':
      return l10n.t('HashiCorp Vault token');
    case 'HashiCorp Vault unseal key':
      return l10n.t('HashiCorp Vault unseal key');
    case 'Hugging Face organization token':
      return l10n.t('Hugging Face organization token');
    case 'Hugging Face token':
      return l10n.t('Hugging Face token');
    case 'JSON Web Token':
      return l10n.t('JSON Web Token');
    case 'JWT signing secret':
      return l10n.t('JWT signing secret');
    case 'Laravel application key':
      return l10n.t('Laravel application key');
    case 'Linear API key':
      return l10n.t('Linear API key');
    case 'Mailgun API key':
      return l10n.t('Mailgun API key');
    case 'Notion integration token':
      return l10n.t('Notion integration token');
    case 'OpenAI API key':
      return l10n.t('OpenAI API key');
    case 'PyPI upload token':
      return l10n.t('PyPI upload token');
    case 'SendGrid API key':
      return l10n.t('SendGrid API key');
    case 'Sentry token':
      return l10n.t('Sentry token');
    case 'Shopify access token':
      return l10n.t('Shopify access token');
    case 'Slack app token':
      return l10n.t('Slack app token');
    case 'Slack token':
      return l10n.t('Slack token');
    case 'Slack webhook URL':
      return l10n.t('Slack webhook URL');
    case 'Sourcegraph access token':
      return l10n.t('Sourcegraph access token');
    case 'Square token':
      return l10n.t('Square token');
    case 'Stripe secret key':
      return l10n.t('Stripe secret key');
    case 'Stripe webhook signing secret':
      return l10n.t('Stripe webhook signing secret');
    case 'Tailscale key':
      return l10n.t('Tailscale key');
    case 'Telegram bot token':
      return l10n.t('Telegram bot token');
    case 'Twilio API key':
      return l10n.t('Twilio API key');
    case 'Vercel token':
      return l10n.t('Vercel token');
    case 'bearer token':
      return l10n.t('bearer token');
    case 'credential':
      return l10n.t('credential');
    case 'credentials in an Authorization header':
      return l10n.t('credentials in an Authorization header');
    case 'npm access token':
      return l10n.t('npm access token');
    case 'npm registry auth token':
      return l10n.t('npm registry auth token');
    case 'password':
      return l10n.t('password');
    case 'password in a URL':
      return l10n.t('password in a URL');
    case 'password in a basic-auth URL':
      return l10n.t('password in a basic-auth URL');
    case 'password in a connection URL':
      return l10n.t('password in a connection URL');
    case 'password in a connection string':
      return l10n.t('password in a connection string');
    case 'password in a database DSN':
      return l10n.t('password in a database DSN');
    case 'private key':
      return l10n.t('private key');
    case 'secret':
      return l10n.t('secret');
    case 'secret in a URL':
      return l10n.t('secret in a URL');
    case 'secret-like value':
      return l10n.t('secret-like value');
    case 'token':
      return l10n.t('token');
    case 'value in a Kubernetes Secret':
      return l10n.t('value in a Kubernetes Secret');
    default: {
      const named = NAMED_KIND.exec(kind);
      return named ? namedKind(named[1], named[2]) : kind;
    }
  }
}
