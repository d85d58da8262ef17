/** The reference rules live in core, shared with `kms-secrets check`; the editor's SecretCatalog is their lookup. */
export {
  ProblemCodes,
  checkReference,
  syntaxProblem,
  type CheckOptions,
  type Problem,
  type ProblemCode,
} from '../core/check';
