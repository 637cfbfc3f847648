/**
 * The IMM calls this product makes, signed by @alicloud/openapi-core (ACS3-HMAC-SHA256). No vscode import:
 * the VS Code client and the CLI share it.
 */
import OpenApiClient, { $OpenApiUtil } from '@alicloud/openapi-core';
import * as $dara from '@darabonba/typescript';
import type Credential from '@alicloud/credentials';
import { API_ACTION, API_VERSION, type CreateHighlightTaskRequest, t } from '../../core/src/index';
import { CredentialChainError } from './credentialFailure';
import { createCredential, credentialsFailed, resolveIdentity, type CredentialSource, type ResolvedIdentity } from './credentials';
import { resolveEndpoint, type EndpointSettings, type ResolvedEndpoint } from './endpoint';
import { ImmApiError } from './errors';
import { redactPresignedUrls, redactPresignedUrlsDeep } from './redaction';
import { normalizeError, type CallContext } from './normalize';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import { TERMINAL_STATUSES } from './taskStatuses';

export const DEFAULT_TIMEOUT_MS = 20_000;

export interface ImmClientOptions extends EndpointSettings {
  /** Default: the @alicloud/credentials default chain. */
  readonly credentials?: CredentialSource;
  /** Per HTTP request, connect and read. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Appended to openapi-core's user agent, e.g. "imm-highlight-vscode/0.1.0". */
  readonly userAgent?: string;
}

export interface CallOptions {
  /** Stops retries and waits; a request already on the wire is not recalled. */
  readonly signal?: AbortSignal;
}

export interface CreateHighlightTaskResult {
  readonly requestId: string;
  readonly eventId: string | undefined;
  readonly taskId: string;
}

export interface TaskInfo {
  readonly requestId: string | undefined;
  readonly projectName: string;
  readonly taskId: string;
  readonly taskType: string;
  /** Running, Succeeded, Failed; anything else counts as still pending. */
  readonly status: string;
  readonly done: boolean;
  /** 0–100 when the service reports it. */
  readonly progress: number | undefined;
  /** Why a Failed task failed. */
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly startTime: string | undefined;
  readonly endTime: string | undefined;
  /** The whole GetTask answer (Tags, UserData, EventId, … included), for a task's details. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** An IMM project as GetProject and ListProjects describe it (the fields this product shows). */
export interface ProjectInfo {
  readonly projectName: string;
  readonly description: string | undefined;
  readonly serviceRole: string | undefined;
  readonly createTime: string | undefined;
  readonly updateTime: string | undefined;
}

export interface ProjectList {
  readonly projects: readonly ProjectInfo[];
  /** More projects follow when this is set. */
  readonly nextToken: string | undefined;
}

export interface ListTasksRequest {
  readonly projectName: string;
  /** `['Highlight']` for highlight tasks (the TaskId prefix). */
  readonly taskTypes?: readonly string[];
  /** `key=value`: tasks created with that tag. */
  readonly tagSelector?: string;
  readonly status?: string;
  readonly sort?: 'TaskId' | 'StartTime' | 'EndTime';
  readonly order?: 'asc' | 'desc';
  /** 1–100; default 100. */
  readonly maxResults?: number;
  readonly nextToken?: string;
  /** Ask for each task's TaskRequestDefinition (what it was created with). */
  readonly requestDefinition?: boolean;
}

export interface TaskList {
  readonly tasks: readonly TaskInfo[];
  /** More tasks follow when this is set. */
  readonly nextToken: string | undefined;
  readonly requestId: string | undefined;
}

export { TERMINAL_STATUSES } from './taskStatuses';

/** GetTask's TaskType is the task id's prefix: `Highlight-4d51…` -> `Highlight`. */
export function taskTypeOf(taskId: string): string {
  return taskId.split('-')[0] ?? taskId;
}

type Body = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export class ImmClient {
  readonly endpoint: ResolvedEndpoint;
  private readonly source: CredentialSource;
  private readonly credential: Credential;
  private readonly api: OpenApiClient;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private identity: Promise<ResolvedIdentity> | undefined;

  /** Throws ImmApiError (kind 'endpoint' or 'credentials') for settings that cannot work. */
  constructor(options: ImmClientOptions = {}) {
    this.endpoint = resolveEndpoint(options);
    this.source = options.credentials ?? { kind: 'default' };
    this.credential = createCredential(this.source);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.api = new OpenApiClient(
      new $OpenApiUtil.Config({
        credential: this.credential,
        endpoint: this.endpoint.host,
        protocol: this.endpoint.protocol,
        regionId: this.endpoint.regionId,
        readTimeout: this.timeoutMs,
        connectTimeout: this.timeoutMs,
        // Off: openapi-core would repeat a POST after a reset or timeout, which can create a second task.
        retryOptions: new $dara.RetryOptions({ retryable: false, retryCondition: [], noRetryCondition: [] }),
        ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      }),
    );
  }

  /** "AccessKey LTAI****abcd from environment variables". Loads the credentials; no request to IMM. */
  async describeCredentials(): Promise<string> {
    return (await this.resolveIdentity()).description;
  }

  async createHighlightTask(request: CreateHighlightTaskRequest, options: CallOptions = {}): Promise<CreateHighlightTaskResult> {
    const body = await this.call(
      API_ACTION,
      { query: { ProjectName: request.query.ProjectName }, body: { ...request.body } },
      { idempotent: false, projectName: request.query.ProjectName },
      options,
    );
    const taskId = str(body['TaskId']);
    if (!taskId) {
      throw new ImmApiError({
        kind: 'service',
        code: 'InvalidResponse',
        retryable: false,
        outcomeUnknown: true,
        ...(str(body['RequestId']) ? { requestId: str(body['RequestId'])! } : {}),
        message: t('IMM answered CreateHighlightTask without a TaskId. Check the IMM console or the task list before submitting again.'),
      });
    }
    return { requestId: str(body['RequestId']) ?? '', eventId: str(body['EventId']), taskId };
  }

  async getTask(task: { projectName: string; taskId: string }, options: CallOptions = {}): Promise<TaskInfo> {
    const query = { ProjectName: task.projectName, TaskId: task.taskId, TaskType: taskTypeOf(task.taskId) };
    const body = await this.call('GetTask', { query }, { idempotent: true, projectName: task.projectName, taskId: task.taskId }, options);
    return taskInfoOf(body, { projectName: task.projectName, taskId: task.taskId, requestId: str(body['RequestId']) });
  }

  /**
   * One page of ListTasks: the project's tasks that match every filter given (TaskTypes, a `key=value`
   * TagSelector, Status), MaxResults 1–100 (default 100). One call answers for many tasks: a batch is followed so,
   * never with one GetTask per task.
   */
  async listTasks(request: ListTasksRequest, options: CallOptions = {}): Promise<TaskList> {
    const query: Record<string, string> = { ProjectName: request.projectName, MaxResults: String(request.maxResults ?? 100) };
    // An array parameter travels as one JSON string, as the SDKs "shrink" it.
    if (request.taskTypes) query['TaskTypes'] = JSON.stringify(request.taskTypes);
    if (request.tagSelector) query['TagSelector'] = request.tagSelector;
    if (request.status) query['Status'] = request.status;
    if (request.sort) query['Sort'] = request.sort;
    if (request.order) query['Order'] = request.order;
    if (request.nextToken) query['NextToken'] = request.nextToken;
    if (request.requestDefinition) query['RequestDefinition'] = 'true';
    const body = await this.call('ListTasks', { query }, { idempotent: true, projectName: request.projectName }, options);
    const requestId = str(body['RequestId']);
    const tasks = Array.isArray(body['Tasks'])
      ? body['Tasks']
          .filter((task: unknown): task is Body => typeof task === 'object' && task !== null && typeof (task as Body)['TaskId'] === 'string')
          .map((task) => taskInfoOf(task, { projectName: request.projectName, taskId: str(task['TaskId'])!, requestId }))
      : [];
    return { tasks, nextToken: str(body['NextToken']) || undefined, requestId };
  }

  /** GetProject: throws ImmApiError code ResourceNotFound when the project is not in this region. */
  async getProject(projectName: string, options: CallOptions = {}): Promise<ProjectInfo> {
    const body = await this.call('GetProject', { query: { ProjectName: projectName } }, { idempotent: true, projectName }, options);
    return projectOf(body['Project'], projectName);
  }

  /** One page of ListProjects (MaxResults 1–200, default 100). */
  async listProjects(request: { prefix?: string; maxResults?: number; nextToken?: string } = {}, options: CallOptions = {}): Promise<ProjectList> {
    const query: Record<string, string> = { MaxResults: String(request.maxResults ?? 100) };
    if (request.prefix) query['Prefix'] = request.prefix;
    if (request.nextToken) query['NextToken'] = request.nextToken;
    const body = await this.call('ListProjects', { query }, { idempotent: true }, options);
    const projects = Array.isArray(body['Projects']) ? body['Projects'].map((p: unknown) => projectOf(p, '')).filter((p) => p.projectName !== '') : [];
    return { projects, nextToken: str(body['NextToken']) || undefined };
  }

  private resolveIdentity(): Promise<ResolvedIdentity> {
    // Cached on success only: a fixed environment or profile must be picked up by the next call.
    this.identity ??= resolveIdentity(this.credential, this.source).catch((error: unknown) => {
      this.identity = undefined;
      throw error;
    });
    return this.identity;
  }

  private async call(
    action: string,
    request: { query: Record<string, string>; body?: Record<string, string> },
    context: Pick<CallContext, 'idempotent' | 'projectName' | 'taskId'>,
    options: CallOptions,
  ): Promise<Body> {
    // Credentials first: a missing key must say so, not surface as a failed request.
    const identity = await this.resolveIdentity();
    const callContext: CallContext = {
      action,
      endpoint: this.endpoint,
      timeoutMs: this.timeoutMs,
      identity: identity.description,
      ...context,
    };
    const params = new $OpenApiUtil.Params({
      action,
      version: API_VERSION,
      protocol: this.endpoint.protocol,
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    const runtime = new $dara.RuntimeOptions({ readTimeout: this.timeoutMs, connectTimeout: this.timeoutMs, autoretry: false, maxAttempts: 1 });
    const response = await withRetry(
      () => this.api.callApi(params, new $OpenApiUtil.OpenApiRequest(request), runtime),
      // The signer loads credentials again (an STS token may be refreshed): its failure is a credentials one.
      (error) => (error instanceof CredentialChainError ? credentialsFailed(this.source, error) : normalizeError(error, callContext)),
      this.retry,
      options.signal,
    );
    const body: unknown = response['body'];
    return typeof body === 'object' && body !== null ? (body as Body) : {};
  }
}

/** A GetTask answer or a ListTasks TaskInfo as TaskInfo; a failed task's Message and every field redacted of presigned URLs. */
function taskInfoOf(body: Body, known: { projectName: string; taskId: string; requestId: string | undefined }): TaskInfo {
  const status = str(body['Status']) ?? 'Unknown';
  const message = str(body['Message']);
  const taskId = str(body['TaskId']) ?? known.taskId;
  return {
    requestId: known.requestId,
    projectName: str(body['ProjectName']) ?? known.projectName,
    taskId,
    taskType: str(body['TaskType']) ?? taskTypeOf(taskId),
    status,
    done: TERMINAL_STATUSES.includes(status),
    progress: typeof body['Progress'] === 'number' ? body['Progress'] : undefined,
    code: str(body['Code']),
    // A failed task's Message may quote a presigned URL (signature, STS token): redacted here, before any
    // caller stores, logs, shows or prints it.
    message: message === undefined ? undefined : redactPresignedUrls(message),
    startTime: str(body['StartTime']),
    endTime: str(body['EndTime']),
    fields: redactPresignedUrlsDeep(body),
  };
}

function projectOf(value: unknown, fallbackName: string): ProjectInfo {
  const p = typeof value === 'object' && value !== null ? (value as Body) : {};
  return {
    projectName: str(p['ProjectName']) ?? fallbackName,
    description: str(p['Description']) || undefined,
    serviceRole: str(p['ServiceRole']),
    createTime: str(p['CreateTime']),
    updateTime: str(p['UpdateTime']),
  };
}

export function createImmClient(options: ImmClientOptions = {}): ImmClient {
  return new ImmClient(options);
}
