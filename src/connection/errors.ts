// Moved to src/core/failure.ts; kept only for src/references/check.ts, which another change is moving into core.
export { failureKind, failureSentence, userSentence } from '../core/failure';
