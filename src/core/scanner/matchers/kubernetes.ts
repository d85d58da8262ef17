/** Kubernetes Secret manifests: every value under `data:` (base64) and `stringData:` is a secret, whatever its key. */
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { isPlausibleSecret } from '../values';
import { indentOf, PRIORITY, type Add, type Window } from './context';

/** A Kubernetes Secret manifest (or one document of a multi-document file is one). */
export const KUBERNETES_SECRET = /^kind:\s*Secret\s*$/m;

/** A SealedSecret's values are ciphertext for the cluster's controller, whatever their keys say. */
const SEALED_SECRET = /^kind:\s*SealedSecret\s*$/m;

/** The text holds a SealedSecret manifest: no value in it is judged by its key. */
export const holdsSealedSecret = (text: string): boolean => text.includes('SealedSecret') && SEALED_SECRET.test(text);

/** Keys of a Secret that hold where and who, not the credential (`username`, `host`, `port`, `database`). */
const NOT_SECRET_IN_K8S =
  /^(?:[\w-]*[._-])?(user|username|user_name|login|host|hostname|port|db|database|dbname|db_name|schema|region|endpoint|namespace|name|email|driver|sslmode)$/i;

export function scanKubernetesSecret({ text, lines, lineStarts }: Window, add: Add): void {
  if (!KUBERNETES_SECRET.test(text)) return;
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const indent = indentOf(line);
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
    if (!m || NOT_SECRET_IN_K8S.test(m[2])) continue;
    const value = unquoted(m[3].trimEnd());
    if (!value || /^\s|["'#]/.test(value)) continue;
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : value;
    if (!isPlausibleSecret(decoded, { minLength: 4 })) continue;
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

/** The value without one pair of surrounding quotes (either may be missing, as hand-edited YAML has it). */
function unquoted(raw: string): string {
  let value = raw;
  if (value.startsWith('"') || value.startsWith("'")) value = value.slice(1);
  if (value.endsWith('"') || value.endsWith("'")) value = value.slice(0, -1);
  return value;
}
