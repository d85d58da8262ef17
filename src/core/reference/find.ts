/** Finding references in running text (any file, any language): the recogniser over the grammar's own validator. */
import {
  blocksStart,
  extentEnd,
  headLength,
  REFERENCE_SCHEME,
  ReferenceSyntaxError,
  validate,
  type FoundReference,
  type SecretReference,
} from './grammar';

/** Every `kms://` or secret-ARN occurrence in arbitrary text, non-overlapping, with exact offsets; malformed ones carry `error`. */
export function findReferences(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  const starts = /kms:\/\/|acs:kms:/g;
  let m: RegExpExecArray | null;
  while ((m = starts.exec(text))) {
    const start = m.index;
    // On a miss, resume right after the match start: `acs:kms://x` still holds `kms://x`.
    starts.lastIndex = start + 1;
    if (start > 0 && blocksStart(text.charCodeAt(start - 1))) continue;
    const head = headLength(text, start);
    if (head === 0) continue;
    const { end } = extentEnd(text, start + head);
    starts.lastIndex = Math.max(end, start + 1);
    const slice = text.slice(start, end);
    const isArn = head !== REFERENCE_SCHEME.length;
    try {
      found.push({ start, end, text: slice, reference: validate(slice).reference });
    } catch (error) {
      if (!(error instanceof ReferenceSyntaxError)) throw error;
      if (isArn && error.code === 'arn-wildcard') continue;
      found.push({ start, end, text: slice, error: error.shifted(start) });
    }
  }
  return found;
}

/** The parts of a plain secret ARN (`acs:kms:<region>:<account>:secret/<name>`, nothing after the name), else undefined. */
export function parseSecretArn(text: string): { region: string; accountId: string; name: string } | undefined {
  let reference: SecretReference;
  try {
    reference = validate(text).reference;
  } catch (error) {
    if (error instanceof ReferenceSyntaxError) return undefined;
    throw error;
  }
  const { arn } = reference;
  if (!arn || reference.profile || reference.stage || reference.versionId || reference.jsonKey !== undefined)
    return undefined;
  return { region: arn.region, accountId: arn.accountId, name: reference.name };
}
