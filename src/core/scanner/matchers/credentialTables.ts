/**
 * A table named for the credentials it holds, one service per entry: Go's `var keys = map[string]string{ "maps":
 * "…" }`, `API_TOKENS = {`, `const secrets = {`, C#'s `IReadOnlyDictionary<string, string> ClientSecrets = new
 * Dictionary<string, string>` with `["pos"] = "…"` entries. The entries' own names are services, not secrets' names, so each
 * value is judged as a key named for its service (`maps_key`): only a random one is a finding. Entries are read up to
 * TABLE_REACH lines below the table's opening (and the edit context covers them).
 */
import { hasAny, PRIORITY, type Add, type Window } from './context';
import { valueCandidate } from './assignments';

const TABLE =
  /^\s*(?:(?:var|const|let|val|static|final|private|public|internal|protected|readonly)\s+)*(?:[\w.]{1,60}<[\w\s,]{1,80}>\s+)?["']?([\w$.]*?(?:key|token|secret|password|credential)s)["']?\s*(?::=|=|:)\s*(?:map\[string\]string\s*|new\s+Dictionary<string,\s*string>\s*(?:\(\s*\))?\s*|dict\(\s*)?([{[(]?)\s*$/i;
/** Tables of keys that are no credentials: ciphertext (`wrappedKeys`, KMS-encrypted data keys), digests, public keys. */
const NOT_CREDENTIAL_TABLE = /(?:^|[.$])(?:wrapped|encrypted|sealed|hashed|public|publishable)/i;
const ENTRY = /^\s*\{?\s*\[?["']?([\w.-]{1,60})["']?\]?\s*(?::|=>?|,)\s*["']([^"'\\\n]{16,300})["']\s*\}?\s*,?\s*$/;
const TABLE_REACH = 30;
/** Entries named for what a key is not: a package lock's `contentHash` under `"Azure.Security.KeyVault.Secrets": {`. */
const NOT_A_SERVICE = /hash|checksum|digest|integrity|sha\d|md5|fingerprint|version|resolved|etag/i;
const ANY_ENTRY = /^\s*["']?[\w.-]{1,60}["']?\s*(?::|=>?)/;
/** Random as issued keys are: both cases and digits, or hex (`eu-central-1-frankfurt` is a name). */
const RANDOM = /^(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=\D*\d)[A-Za-z0-9+/_=-]+$|^[0-9a-f]{32,}$/;

/** The keywords a table's name holds (TABLE's names): only lines with one can open a table. */
const TABLE_WORDS: ReadonlySet<string> = new Set(['key', 'token', 'secret', 'password', 'credential']);

export function scanCredentialTables({ lines, lineStarts, keywordLines }: Window, add: Add): void {
  for (const [index, found] of keywordLines) {
    if (!hasAny(found, TABLE_WORDS)) continue;
    const line = lines[index];
    if (line.length > 300 || !/s["']?\s*(?::=|=|:)/.test(line)) continue;
    const table = TABLE.exec(line);
    if (!table || NOT_CREDENTIAL_TABLE.test(table[1])) continue;
    // (the brace may open the table on the line below: C#'s style)
    const first = table[2] ? index + 1 : index + 2;
    if (!table[2] && !/^\s*\{\s*$/.test(lines[index + 1] ?? '')) continue;
    for (let j = first; j <= Math.min(lines.length - 1, index + TABLE_REACH); j++) {
      const entry = lines[j].length <= 400 ? ENTRY.exec(lines[j]) : null;
      if (!entry) {
        // a lookup, a blank line, a comment (not another table opening)
        if ((ANY_ENTRY.test(lines[j]) && !/[{[(]\s*$/.test(lines[j])) || /^\s*(?:$|\/\/|#)/.test(lines[j])) continue;
        break; // the table closes, or it was no table
      }
      if (!RANDOM.test(entry[2]) || NOT_A_SERVICE.test(entry[1])) continue;
      // judged as a key is (`maps_key`): only a random value is a finding
      const candidate = valueCandidate(`${entry[1]}_key`, entry[2], 'code');
      if (!candidate) continue;
      candidate.start =
        lineStarts[j] + entry.index + entry[0].indexOf(entry[2], entry[0].indexOf(entry[1]) + entry[1].length);
      candidate.end = candidate.start + entry[2].length;
      add(candidate, PRIORITY.assignment);
    }
  }
}
