/** The IMM API client shared by the VS Code client and the CLI. */
export { createImmClient, DEFAULT_TIMEOUT_MS, ImmClient, taskTypeOf, TERMINAL_STATUSES } from './client';
export type { CallOptions, CreateHighlightTaskResult, ImmClientOptions, ListTasksRequest, ProjectInfo, ProjectList, TaskInfo, TaskList } from './client';
export { createCredential, resolveIdentity } from './credentials';
export type { CredentialSource, ResolvedIdentity } from './credentials';
export { DEFAULT_REGION, IMM_REGION_IDS, IMM_REGIONS, isLoopbackHost, parseEndpointOverride, regionEndpointHost, resolveEndpoint } from './endpoint';
export type { EndpointSettings, ImmRegion, ResolvedEndpoint } from './endpoint';
export { describeImmError, extractParameter, ImmApiError, maskAccessKeyId, toPath } from './errors';
export type { ImmErrorKind, JsonPathSegment } from './errors';
export { followTask } from './follow';
export type { FollowOptions, TaskReader } from './follow';
export { DEFAULT_RETRY } from './retry';
export type { RetryPolicy } from './retry';
