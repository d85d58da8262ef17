/** Kubernetes Secret manifests: every value under `data:` (base64) and `stringData:` is a secret, whatever its key. */
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { isPlausibleSecret, isWordyIdentifier, PUBLIC_PEM } from '../values';
import { secretNameStrength } from '../rules/secretNames';
import { ACCESS_KEY_ID_NAME } from './assignments';
import { isPublicByFormat } from './browserKeys';
import { indentOf, PRIORITY, type Add, type Window } from './context';

/** A Kubernetes Secret manifest (or one document of a multi-document file is one). */
export const KUBERNETES_SECRET = /^kind:\s*Secret\s*$/m;

/** A SealedSecret's values are ciphertext for the cluster's controller, whatever their keys say. */
const SEALED_SECRET = /^kind:\s*SealedSecret\s*$/m;
/** kubeseal's default output: a JSON object whose first `kind` is SealedSecret (not a List, not code that names one). */
const SEALED_SECRET_JSON = /^\s*\{(?:(?!"kind")[^])*"kind"\s*:\s*"SealedSecret"/;

/** The text holds a SealedSecret manifest, whose values are judged by no key. */
export const holdsSealedSecret = (text: string): boolean =>
  text.includes('SealedSecret') && (SEALED_SECRET.test(text) || SEALED_SECRET_JSON.test(text));

/**
 * Whether an edit whose lines are `around` may have made `text` hold a SealedSecret: its kind line is among them, or
 * the text is JSON (kubeseal's form is decided by its first `kind`, wherever the edit was).
 */
export const mayHoldSealedSecret = (around: string, text: string): boolean =>
  SEALED_SECRET.test(around) || (/^\s*\{/.test(text) && holdsSealedSecret(text));

/** The lines of the YAML documents that are SealedSecrets; the file's other documents are read. */
export function sealedSecretLines(lines: readonly string[]): Set<number> {
  return documentLines(
    lines,
    (document) => document.some((line) => SEALED_SECRET.test(line)) || SEALED_SECRET_JSON.test(document.join('\n')),
  );
}

/** The lines of the YAML documents (between `---` lines) for which `is` holds. */
function documentLines(lines: readonly string[], is: (document: readonly string[]) => boolean): Set<number> {
  const found = new Set<number>();
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !/^---(?:\s|$)/.test(lines[i])) continue;
    if (is(lines.slice(start, i))) for (let j = start; j < i; j++) found.add(j);
    start = i + 1;
  }
  return found;
}

/**
 * Keys of a Secret that hold where and who, not the credential (`username`, `host`, `port`, `database`, Kafka's
 * `KAFKA_BROKERS` and `KAFKA_SASL_MECHANISM`).
 */
const NOT_SECRET_IN_K8S =
  /^(?:[\w-]*[._-])?(user|username|user_name|login|host|hostname|port|db|database|dbname|db_name|schema|region|endpoint|namespace|name|email|driver|sslmode|url|uri|type|project|dn|bucket|container|topic|queue|address|server|cluster|tenant|path|domain|issuer|audience|channel|account|id|brokers?|bootstrap_servers|hosts|servers|mechanism|protocol|ttl|timeout)$/i;
/** An LDAP distinguished name (`cn=gitlab,ou=services,dc=corp,dc=io`): who binds, not with what. */
const LDAP_DN = /^(?:cn|uid|ou|dc|o)=[^,=]{1,200}(?:,\s?[A-Za-z]{1,3}=[^,=]{1,200}){1,20}$/i;

const URL_WITH_PASSWORD = /:\/\/[^:/@\s]{0,100}:([^@\s]{1,200})@/;
/** A block scalar's indicator (`alertmanager.yaml: |`): the lines below are one value's text, not the Secret's keys. */
const BLOCK_SCALAR = /^[|>][-+]?\d?\s*(?:#.*)?$/;
/** An htpasswd file's lines (an ingress's `auth`): each a user and a digest of the password, never the password. */
const HTPASSWD_DIGESTS = /^(?:[^:\s]{1,64}:(?:\$apr1\$|\$2[abxy]\$|\$[56]\$|\{SHA\})\S{8,200}\n?)+$/;
/**
 * Under a key that names no secret, a list of words (`FEATURE_FLAGS: "refunds-v2,3ds-challenge"`), one word
 * (`STRIPE_MODE: live`, `LOG_LEVEL: debug`), a slug of short ones (`DEFAULT_MODEL: claude-sonnet-4-5`) or options
 * (`NODE_OPTIONS: "--max-old-space-size=768"`) is a setting.
 */
const WORD_LIST =
  /^[a-z0-9]+(?:[-_.][a-z0-9]+)*(?:\s?,\s?[a-z0-9]+(?:[-_.][a-z0-9]+)*)+$|^[a-z]{1,12}$|^[a-z]{2,12}(?:[-_.][a-z0-9]{1,12})+$|^(?:--[a-z][a-z-]{1,40}(?:=\w{1,20})?\s?)+$/;

export function scanKubernetesSecret({ text, lines, lineStarts }: Window, add: Add): void {
  if (!KUBERNETES_SECRET.test(text)) return;
  // only the Secret's own document: a ConfigMap beside it holds no secrets
  const secret = documentLines(lines, (document) => document.some((line) => KUBERNETES_SECRET.test(line)));
  let blockIndent = -1;
  let scalarIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!secret.has(i)) {
      blockIndent = -1;
      continue;
    }
    const line = lines[i].replace(/\r$/, '');
    const indent = indentOf(line);
    if (scalarIndent >= 0 && (!line.trim() || indent > scalarIndent)) continue;
    scalarIndent = -1;
    if (/^(data|stringData):\s*$/.test(line.trim()) && indent <= 2) {
      blockIndent = indent;
      continue;
    }
    if (blockIndent < 0 || !line.trim() || line.trim().startsWith('#')) continue;
    if (indent <= blockIndent) {
      blockIndent = -1;
      continue;
    }
    if (line.length > MAX_ASSIGNMENT_LINE) continue;
    const m = /^(\s*)([\w.-]{1,253}):[ \t]*(.*)$/.exec(line);
    if (!m) continue;
    if (BLOCK_SCALAR.test(m[3])) {
      scalarIndent = indent;
      continue;
    }
    const value = scalarValue(m[3].trimEnd());
    if (!value || /^\s|["']/.test(value)) continue;
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : value;
    // where and who (`host`, `username`, `url`) hold no credential, unless a URL carries a password, which is then what
    // is judged (`postgres://test-user:changeme@…` is a fixture's)
    const password = URL_WITH_PASSWORD.exec(decoded)?.[1];
    if (NOT_SECRET_IN_K8S.test(m[2]) && password === undefined) continue;
    if (LDAP_DN.test(decoded) || HTPASSWD_DIGESTS.test(decoded) || isPublicByFormat(decoded)) continue;
    if (WORD_LIST.test(decoded) && !secretNameStrength(m[2])) continue;
    if (PUBLIC_PEM.test(decoded)) continue; // a TLS Secret's `tls.crt`, a CA bundle: its key is the secret
    // MinIO's and S3's `ACCESS_KEY` is the user's name (`console`); its `SECRET_KEY` is the secret (as assignments judge it)
    if (ACCESS_KEY_ID_NAME.test(m[2]) && isWordyIdentifier(decoded)) continue;
    if (!isPlausibleSecret(password ?? decoded, { minLength: 4 })) continue;
    const start = lineStarts[i] + line.indexOf(value, m[1].length + m[2].length + 1);
    add(
      {
        ruleId: 'kubernetes-secret',
        kind: 'value in a Kubernetes Secret',
        severity: 'warning',
        start,
        end: start + value.length,
        nameHint: m[2],
        namedInText: true,
      },
      PRIORITY.kubernetes,
    );
  }
}

/**
 * A YAML scalar's value: inside its quotes (where `#` is text; hand-edited YAML may lack the closing one), or without
 * a trailing comment.
 */
function scalarValue(raw: string): string {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const end = raw.indexOf(quote, 1);
    return end > 0 ? raw.slice(1, end) : raw.slice(1);
  }
  return raw.replace(/\s+#.*$/, '').replace(/["']$/, '');
}
