/** Cloud checks of a job (reads only), shared by the CLI and the VS Code client. */
export { CloudAnswerCache, CheckCancelled, DEFAULT_CACHE_TTL_MS, DEFAULT_CHECK_CONCURRENCY, runCloudChecks, toFailure } from './checks';
export type { CloudCheckDeps } from './checks';
export { cloudCheckJob } from './checkJob';
export { inParallel, TtlCache } from './cache';
