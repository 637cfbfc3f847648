/** Cloud checks of a job (reads only), shared by the CLI and the VS Code client. */
export {
  answerKeyPrefix,
  CloudAnswerCache,
  CheckCancelled,
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_CHECK_CONCURRENCY,
  DEFAULT_CHECK_DEADLINE_MS,
  DEFAULT_FAILURE_TTL_MS,
  DEFAULT_MEDIA_CONCURRENCY,
  DEFAULT_MEDIA_TIMEOUT_MS,
  headObjectAnswer,
  mediaAnswerKey,
  objectAnswerKey,
  runCloudChecks,
  toFailure,
} from './checks';
export type { CloudCheckDeps } from './checks';
export { cloudCheckJob, cloudCheckJobOutcome } from './checkJob';
export type { CloudCheckOutcome } from './checkJob';
export { inParallel } from './cache';
export { abandonable } from '../abandonable';
export { DEFAULT_LOOKUP_POLICY, keepFor, SharedLookups, type LookupPolicy } from './lookups';
