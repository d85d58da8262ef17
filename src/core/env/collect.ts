/** Sorting env values into references, broken references and plain values. Pure: never imports vscode. */
import { ReferenceSyntaxError, SecretReference, looksLikeReference, parseReference } from '../reference';

export interface EnvReference {
  key: string;
  /** The value exactly as written (the reference text). */
  text: string;
  reference: SecretReference;
}

export interface BrokenEnvReference {
  key: string;
  text: string;
  error: ReferenceSyntaxError;
}

export interface CollectedReferences {
  references: EnvReference[];
  broken: BrokenEnvReference[];
  /** Keys whose values are ordinary values (not references). Keys whose value is undefined are left out entirely. */
  plain: string[];
}

export type ValueKind =
  | { kind: 'reference'; reference: SecretReference }
  | { kind: 'broken'; error: ReferenceSyntaxError }
  | { kind: 'plain' };

/**
 * A value is a reference when the whole value parses; it is a broken reference when it merely looks like one (starts
 * with
 * `kms://` or a secret-ARN head, after trimming whitespace and quotes); anything else is plain.
 */
export function classifyValue(value: string): ValueKind {
  if (!looksLikeReference(value)) return { kind: 'plain' };
  try {
    return { kind: 'reference', reference: parseReference(value) };
  } catch (error) {
    if (error instanceof ReferenceSyntaxError) return { kind: 'broken', error };
    throw error;
  }
}

export function collectReferences(env: Readonly<Record<string, string | null | undefined>>): CollectedReferences {
  const result: CollectedReferences = { references: [], broken: [], plain: [] };
  for (const [key, value] of Object.entries(env)) {
    if (typeof value !== 'string') continue;
    const kind = classifyValue(value);
    if (kind.kind === 'reference') result.references.push({ key, text: value, reference: kind.reference });
    else if (kind.kind === 'broken') result.broken.push({ key, text: value, error: kind.error });
    else result.plain.push(key);
  }
  return result;
}
