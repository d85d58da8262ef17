/**
 * The little of JMESPath the checks and the rewrite need: which top-level key a `jmesPath[].path` reads, and how to
 * write a key as a path. ack-secret-manager evaluates full JMESPath (`friends[0].name`); only plain chains of fields
 * and indexes are checked, because only their first field must exist for the path to find anything.
 */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FIELD = String.raw`(?:[A-Za-z_][A-Za-z0-9_]*|"(?:[^"\\]|\\.)*")`;
const CHAIN = new RegExp(String.raw`^\s*(${FIELD})((?:\s*\.\s*${FIELD}|\s*\[\s*-?\d+\s*\])*)\s*$`);

/** The top-level key a plain path reads (`password`, `"db-password"`, `db.host`, `hosts[0]`), else undefined. */
export function topLevelKey(path: string): string | undefined {
  const match = CHAIN.exec(path);
  if (!match) return undefined;
  const field = match[1];
  if (!field.startsWith('"')) return field;
  try {
    return JSON.parse(field) as string;
  } catch {
    return undefined;
  }
}

/** A top-level key as a JMESPath expression: bare when it is an identifier, else a quoted identifier (`"tls.crt"`). */
export function keyPath(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}
