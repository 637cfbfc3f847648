/**
 * A local HTTP server that behaves like IMM for CreateHighlightTask, GetTask and ListTasks: it checks the ACS3 signature
 * with its own verifier, the action, version and parameters, answers with the service's response shapes and
 * can be told to fail. Loopback only.
 *
 * Control from another process (the CLI and extension demos): `POST /__control` with a JSON body
 *   {"op":"failNext","fault":{…},"action":"CreateHighlightTask","times":1}
 *   {"op":"setTaskScript","script":{"pollsBeforeDone":2,"outcome":"Failed","failure":{"Code":"…","Message":"…"}}}
 *   {"op":"setLimits","maxRunningTasks":2,"requestsPerSecond":5}  (absent or null: no limit)
 *   {"op":"releaseHeld"}  (answers every request a `held` fault keeps waiting; the reply says how many: {"released":n})
 *   {"op":"reset"}        (also answers the held requests, so no client is left waiting)
 * and `GET /__control/requests` for the log of requests received (a held request has status "held" until released).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { verifySignature } from './signature';
import { checkCreate, checkGetTask, ParameterError } from './params';
import { checkListTasks, listTasks } from './listTasks';
import { DEFAULT_TASK_SCRIPT, TaskStore, type OutputWriter, type TaskRequest, type TaskScript } from './tasks';
import type { Action, Fault, QueuedFault } from './faults';
import { checkGetProject, DEFAULT_PROJECTS, listProjects, storeProjects, type ProjectSpec } from './projects';

export const API_VERSION = '2020-09-30';
const ACTIONS: readonly string[] = ['CreateHighlightTask', 'GetTask', 'ListTasks', 'GetProject', 'ListProjects'] satisfies Action[];
/** Not a real key: the pair tests and demos sign with. */
export const TEST_ACCESS_KEY = { id: 'LTAI5tLocalImmTestKey01', secret: 'local-imm-endpoint-test-secret-0001' } as const;
const MAX_BODY_BYTES = 1024 * 1024;

export interface ReceivedRequest {
  readonly time: string;
  readonly method: string;
  readonly url: string;
  readonly action: string | undefined;
  readonly version: string | undefined;
  /** Query and form parameters merged, as the service sees them. */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly accessKeyId?: string;
  readonly signatureValid: boolean;
  /** The HTTP status answered, or what happened instead ('held': waiting for `releaseHeld`). */
  status: number | 'hang' | 'reset' | 'held';
  errorCode?: string;
  taskId?: string;
}

export interface ImmEndpointOptions {
  /** 0 or absent: any free port. */
  readonly port?: number;
  /** AccessKey ID -> secret. Defaults to TEST_ACCESS_KEY. */
  readonly accessKeys?: Readonly<Record<string, string>>;
  /**
   * When given, other project names answer ResourceNotFound (like a project in another region). When absent,
   * CreateHighlightTask accepts any project and GetProject / ListProjects know DEFAULT_PROJECTS.
   */
  readonly projects?: readonly (string | ProjectSpec)[];
  readonly taskScript?: TaskScript;
  /** Writes a succeeded task's result (see OutputWriter). Absent: tasks succeed without writing anything. */
  readonly writeOutput?: OutputWriter;
  readonly limits?: EndpointLimits;
}

/** The project's limits (GetProject's EngineConcurrency and the flow control); absent fields: no limit. */
export interface EndpointLimits {
  /** Tasks a project runs at once; later ones wait, reported as Running with no progress. */
  readonly maxRunningTasks?: number | undefined;
  /** Requests per access key in any one second; past it IMM answers 429 Throttling.User. */
  readonly requestsPerSecond?: number | undefined;
}

export interface ImmEndpointControl {
  /** The next `times` requests (of `action`, when given) fail with `fault`. */
  failNext(fault: Fault, options?: { action?: Action; times?: number }): void;
  setTaskScript(script: TaskScript): void;
  /** Replaces the limits (until reset, which restores the ones the endpoint started with). */
  setLimits(limits: EndpointLimits): void;
  /** Answers every request a `held` fault keeps waiting, in the order they came; returns how many. */
  releaseHeld(): number;
  /** Settles once a request is held (at once when one is): a test releases only what has arrived. */
  whenHeld(): Promise<void>;
  /** Clears faults, the log and the task script; held requests are answered first. */
  reset(): void;
}

export interface ImmEndpoint {
  readonly url: string;
  readonly port: number;
  /** `127.0.0.1:port`, the form openapi-core's Config.endpoint takes. */
  readonly host: string;
  readonly requests: readonly ReceivedRequest[];
  readonly control: ImmEndpointControl;
  /** Requests of one action that passed the signature check. */
  received(action: Action): ReceivedRequest[];
  /** Tasks created (whatever their answer became) that carry the tag `key` = `value`. */
  tasksTagged(key: string, value: string): number;
  /** The most tasks of the project created and not yet ended at one time. */
  peakUnfinished(projectName: string): number;
  /** The most requests of `action` that IMM accepted (not throttled) within any one second. */
  peakPerSecond(action: Action): number;
  close(): Promise<void>;
}

export async function startImmEndpoint(options: ImmEndpointOptions = {}): Promise<ImmEndpoint> {
  const accessKeys = new Map(Object.entries(options.accessKeys ?? { [TEST_ACCESS_KEY.id]: TEST_ACCESS_KEY.secret }));
  const projects = options.projects ? new Set(options.projects.map((p) => (typeof p === 'string' ? p : p.ProjectName))) : undefined;
  const projectStore = storeProjects(options.projects ?? DEFAULT_PROJECTS);
  const requests: ReceivedRequest[] = [];
  const queue: QueuedFault[] = [];
  const nonces = new Set<string>();
  const tasks = new TaskStore(options.writeOutput);
  tasks.script = options.taskScript ?? DEFAULT_TASK_SCRIPT;
  let limits: EndpointLimits = options.limits ?? {};
  tasks.maxRunning = limits.maxRunningTasks;
  /** Times (ms) of the requests admitted in the last second, per AccessKey ID. */
  const admitted = new Map<string, number[]>();
  const sockets = new Set<Socket>();
  /** Requests a `held` fault keeps waiting: answering one runs `release`. */
  const held: { readonly entry: ReceivedRequest; readonly release: () => void }[] = [];
  const heldWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const delayed = new Set<NodeJS.Timeout>();
  let closed = false;

  const releaseHeld = (): number => {
    const released = held.splice(0);
    for (const request of released) request.release();
    return released.length;
  };

  const control: ImmEndpointControl = {
    failNext(fault, { action, times = 1 } = {}) {
      queue.push({ fault, ...(action ? { action } : {}), remaining: times });
    },
    setTaskScript(script) {
      tasks.script = script;
    },
    setLimits(next) {
      limits = next;
      tasks.maxRunning = next.maxRunningTasks;
    },
    releaseHeld,
    whenHeld() {
      if (held.length > 0) return Promise.resolve();
      if (closed) return Promise.reject(new Error('the local IMM endpoint is closed'));
      return new Promise<void>((resolve, reject) => heldWaiters.push({ resolve, reject }));
    },
    reset() {
      releaseHeld();
      queue.length = 0;
      requests.length = 0;
      tasks.script = options.taskScript ?? DEFAULT_TASK_SCRIPT;
      control.setLimits(options.limits ?? {});
      admitted.clear();
    },
  };

  /** Flow control: false when this key already made `requestsPerSecond` requests within the last second. */
  const admit = (accessKeyId: string): boolean => {
    const limit = limits.requestsPerSecond;
    if (limit === undefined) return true;
    const now = Date.now();
    const recent = (admitted.get(accessKeyId) ?? []).filter((at) => now - at < 1000);
    admitted.set(accessKeyId, recent);
    if (recent.length >= limit) return false;
    recent.push(now);
    return true;
  };

  const takeFault = (action: string | undefined): Fault | undefined => {
    const index = queue.findIndex((q) => !q.action || q.action === action);
    if (index === -1) return undefined;
    const queued = queue[index]!;
    queued.remaining -= 1;
    if (queued.remaining <= 0) queue.splice(index, 1);
    return queued.fault;
  };

  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => handle(req, res, body))
      .catch(() => {
        if (!res.headersSent) sendError(res, 400, 'InvalidRequest', 'The request body could not be read.');
      });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = req.url ?? '/';
    if (url.startsWith('/__control')) return handleControl(req, res, body, url);

    const action = header(req, 'x-acs-action');
    const version = header(req, 'x-acs-version');
    const params = new Map<string, string>(new URL(url, 'http://local').searchParams);
    if (/application\/x-www-form-urlencoded/.test(header(req, 'content-type') ?? '')) {
      for (const [name, value] of new URLSearchParams(body.toString('utf8'))) params.set(name, value);
    }
    const verification = verifySignature(
      { method: req.method ?? 'GET', url, headers: req.headers, body },
      { secretOf: (id) => accessKeys.get(id), claimNonce: (nonce) => !nonces.has(nonce) && !!nonces.add(nonce) },
    );
    const entry: ReceivedRequest = {
      time: new Date().toISOString(),
      method: req.method ?? '',
      url,
      action,
      version,
      params: Object.fromEntries(params),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')])),
      ...(verification.accessKeyId ? { accessKeyId: verification.accessKeyId } : {}),
      signatureValid: verification.ok,
      status: 0,
    };
    requests.push(entry);
    const answer = (status: number, payload: Record<string, unknown>): void => {
      entry.status = status;
      if (typeof payload['Code'] === 'string') entry.errorCode = payload['Code'];
      send(res, status, payload);
    };
    const fail = (status: number, code: string, message: string): void => answer(status, errorBody(code, message));

    if (req.method !== 'POST' || (!url.startsWith('/?') && url !== '/'))
      return fail(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
    if (!verification.ok) return fail(verification.status, verification.code, verification.message);
    if (!action || !ACTIONS.includes(action))
      return fail(404, 'InvalidAction.NotFound', `Specified api ${action ?? '(none)'} is not found for version ${version ?? '(none)'}.`);
    if (version !== API_VERSION) return fail(400, 'InvalidVersion', `Specified parameter Version ${version ?? '(none)'} is not valid.`);
    if (!admit(verification.accessKeyId ?? '')) return fail(429, 'Throttling.User', 'Request was denied due to user flow control.');

    const fault = takeFault(action);
    if (fault?.kind === 'hang') {
      entry.status = 'hang';
      return;
    }
    if (fault?.kind === 'reset') {
      entry.status = 'reset';
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'error') return fail(fault.status, fault.code, fault.message);
    if (fault?.kind === 'dropAfterAccept') {
      const drop = (): void => {
        entry.status = 'reset';
        req.socket.destroy();
      };
      return respond(entry, action, params, drop, drop);
    }
    if (fault?.kind === 'delay') {
      const timer = setTimeout(() => {
        delayed.delete(timer);
        respond(entry, action, params, answer, fail);
      }, fault.ms);
      delayed.add(timer);
      return;
    }
    if (fault?.kind === 'held') {
      entry.status = 'held';
      const request = { entry, release: () => respond(entry, action, params, answer, fail) };
      held.push(request);
      // A client that gave up (its timeout) is not answered later.
      res.once('close', () => {
        const index = held.indexOf(request);
        if (index !== -1 && !res.writableFinished) {
          held.splice(index, 1);
          entry.status = 'hang';
        }
      });
      for (const waiter of heldWaiters.splice(0)) waiter.resolve();
      return;
    }
    respond(entry, action, params, answer, fail);
  }

  function respond(
    entry: ReceivedRequest,
    action: string,
    params: Map<string, string>,
    answer: (status: number, payload: Record<string, unknown>) => void,
    fail: (status: number, code: string, message: string) => void,
  ): void {
    try {
      if (action === 'CreateHighlightTask') {
        const checked = checkCreate(params);
        if (projects && !projects.has(checked.ProjectName))
          return fail(404, 'ResourceNotFound', `The specified resource project "${checked.ProjectName}" is not found.`);
        const tags = checked.json['Tags'] as Record<string, unknown> | undefined;
        // checkCreate made sure of Sources[].URI and Output.URI; the rest is read by the writer with care.
        const request: TaskRequest = {
          Type: checked.Type,
          Sources: checked.json['Sources'] as TaskRequest['Sources'],
          Output: checked.json['Output'] as TaskRequest['Output'],
        };
        const definition = {
          ProjectName: checked.ProjectName,
          Type: checked.Type,
          ...checked.json,
          ...(checked.UserData !== undefined ? { UserData: checked.UserData } : {}),
        };
        const task = tasks.create(checked.ProjectName, request, tags, checked.UserData, definition);
        entry.taskId = task.TaskId;
        return answer(200, { RequestId: requestId(), EventId: eventId(), TaskId: task.TaskId });
      }
      if (action === 'GetProject') {
        const checked = checkGetProject(params);
        const project = projectStore.get(checked.ProjectName);
        if (!project) return fail(404, 'ResourceNotFound', `The specified resource project "${checked.ProjectName}" is not found.`);
        return answer(200, { RequestId: requestId(), Project: project });
      }
      if (action === 'ListProjects') return answer(200, { RequestId: requestId(), ...listProjects(projectStore, params) });
      if (action === 'ListTasks') {
        const checked = checkListTasks(params);
        if (projects && !projects.has(checked.ProjectName))
          return fail(404, 'ResourceNotFound', `The specified resource project "${checked.ProjectName}" is not found.`);
        return answer(200, { RequestId: requestId(), ...listTasks(tasks, checked) });
      }
      const checked = checkGetTask(params);
      const task = tasks.find(checked.ProjectName, checked.TaskId);
      if (!task) return fail(404, 'ResourceNotFound', `The specified resource task "${checked.TaskId}" is not found.`);
      entry.taskId = task.TaskId;
      return answer(200, { RequestId: requestId(), EventId: eventId(), ...tasks.poll(task) });
    } catch (error) {
      if (error instanceof ParameterError) return fail(400, error.code, error.message);
      throw error;
    }
  }

  function handleControl(req: IncomingMessage, res: ServerResponse, body: Buffer, url: string): void {
    if (req.method === 'GET' && url === '/__control/requests') return send(res, 200, { requests });
    if (req.method !== 'POST' || url !== '/__control') return send(res, 404, { error: 'unknown control path' });
    let command: {
      op?: string;
      fault?: Fault;
      action?: Action;
      times?: number;
      script?: TaskScript;
      maxRunningTasks?: number | null;
      requestsPerSecond?: number | null;
    };
    try {
      command = JSON.parse(body.toString('utf8')) as typeof command;
    } catch {
      return send(res, 400, { error: 'body must be JSON' });
    }
    if (command.op === 'failNext' && command.fault) {
      control.failNext(command.fault, { ...(command.action ? { action: command.action } : {}), ...(command.times ? { times: command.times } : {}) });
    } else if (command.op === 'setTaskScript' && command.script) {
      control.setTaskScript(command.script);
    } else if (command.op === 'setLimits') {
      control.setLimits({ maxRunningTasks: command.maxRunningTasks ?? undefined, requestsPerSecond: command.requestsPerSecond ?? undefined });
    } else if (command.op === 'releaseHeld') {
      return send(res, 200, { ok: true, released: control.releaseHeld() });
    } else if (command.op === 'reset') {
      control.reset();
    } else {
      return send(res, 400, { error: 'op must be failNext (with fault), setTaskScript (with script), setLimits, releaseHeld or reset' });
    }
    send(res, 200, { ok: true });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    host: `127.0.0.1:${port}`,
    requests,
    control,
    received: (action) => requests.filter((r) => r.action === action && r.signatureValid),
    tasksTagged: (key, value) => tasks.countTagged(key, value),
    peakUnfinished: (projectName) => tasks.peakUnfinished.get(projectName) ?? 0,
    peakPerSecond: (action) => {
      const times = requests.filter((r) => r.action === action && r.signatureValid && r.errorCode !== 'Throttling.User').map((r) => Date.parse(r.time));
      let peak = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i]! - times[j]! >= 1000) j++;
        peak = Math.max(peak, i - j + 1);
      }
      return peak;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Nothing answers after close: held and delayed requests are dropped with their connections.
        closed = true;
        held.length = 0;
        for (const waiter of heldWaiters.splice(0)) waiter.reject(new Error('the local IMM endpoint is closed'));
        for (const timer of delayed) clearTimeout(timer);
        delayed.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function requestId(): string {
  return randomUUID().toUpperCase();
}

function eventId(): string {
  return `0ED-${randomBytes(12).toString('base64url')}`;
}

function errorBody(code: string, message: string): Record<string, unknown> {
  return {
    RequestId: requestId(),
    HostId: 'imm.local',
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=imm`,
  };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, errorBody(code, message));
}
