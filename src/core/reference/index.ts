/** The secret-reference grammar (see grammar.ts for the decisions every feature relies on). */
export {
  ARN_PREFIX,
  DEFAULT_STAGE,
  encodeKeyComponent,
  isReference,
  looksLikeReference,
  MAX_NAME_LENGTH,
  parseReference,
  QUERY_KEYS,
  REFERENCE_SCHEME,
  ReferenceSyntaxError,
  tryParseReference,
  validateSecretName,
} from './grammar';
export type { FoundReference, QueryKey, ReferenceErrorCode, SecretReference } from './grammar';
export { findReferences, parseSecretArn } from './find';
export { formatArn, formatReference, referenceKey, secretId } from './format';
export { referenceContextAt } from './cursor';
export type { ReferenceContext, ReferenceContextKind } from './cursor';
