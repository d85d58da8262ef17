/** Reference checking shared by the editor's diagnostics and `kms-secrets check` (pure: never imports vscode). */
export { ProblemCodes, type Problem, type ProblemCode } from './problems';
export {
  regionOf,
  type SecretLookup,
  type LookupMetadata,
  type LookupVersion,
  type JsonKeyOptions,
  type UnlistedKeys,
} from './lookup';
export {
  checkReference,
  checkSecretUse,
  syntaxProblem,
  type CheckOptions,
  type CheckResult,
  type SecretUse,
} from './rules';
export { valueKeys } from './valueKeys';
