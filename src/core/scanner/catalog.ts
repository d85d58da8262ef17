/** Every rule id the scanner can report, with its kind: for documentation, settings and SARIF rule metadata. */
import { TOKEN_RULES } from './rules/tokens';
import type { Severity } from './types';

export interface RuleInfo {
  id: string;
  kind: string;
  severity: Severity;
}

export const RULES: RuleInfo[] = [
  ...TOKEN_RULES.map(({ id, kind, severity }) => ({ id, kind, severity })),
  { id: 'alibaba-access-key-secret', kind: 'Alibaba Cloud AccessKey secret', severity: 'error' },
  { id: 'tencent-secret-key', kind: 'Tencent Cloud SecretKey', severity: 'error' },
  { id: 'aws-secret-access-key', kind: 'AWS secret access key', severity: 'error' },
  { id: 'twilio-api-key-secret', kind: 'Twilio secret key', severity: 'error' },
  { id: 'private-key', kind: 'private key', severity: 'error' },
  { id: 'db-connection-string', kind: 'password in a connection string', severity: 'error' },
  { id: 'basic-auth-url', kind: 'password in a basic-auth URL', severity: 'error' },
  { id: 'url-credentials', kind: 'password in a URL', severity: 'error' },
  { id: 'bearer-token', kind: 'bearer token', severity: 'error' },
  { id: 'authorization-header', kind: 'credentials in an Authorization header', severity: 'error' },
  { id: 'hardcoded-password', kind: 'password', severity: 'warning' },
  { id: 'hardcoded-api-key', kind: 'API key', severity: 'warning' },
  { id: 'hardcoded-token', kind: 'token', severity: 'warning' },
  { id: 'hardcoded-private-key', kind: 'private key', severity: 'warning' },
  { id: 'hardcoded-secret', kind: 'secret', severity: 'warning' },
  { id: 'high-entropy-secret', kind: 'secret-like value', severity: 'warning' },
  { id: 'kubernetes-secret', kind: 'value in a Kubernetes Secret', severity: 'warning' },
];
