/**
 * A loopback HTTP server that behaves like OSS for the read calls this product makes: ListBuckets,
 * GetBucketInfo, GetBucketLocation, ListObjects (V1 and V2), HeadObject, GetObject, presigned V4 GETs and video
 * snapshots (`x-oss-process=video/snapshot,…`, ./snapshot). It
 * checks V4 signatures with its own verifier (./signature), answers with OSS's XML shapes and errors, and
 * refuses every write.
 *
 * Addressing: virtual-host (`Host: <bucket>.oss-<region>.aliyuncs.com`, which ali-oss sends to an IP endpoint)
 * and path style (`/<bucket>/<key>` on the loopback host, used by presigned URLs). A bucket addressed through
 * another region's endpoint, or signed for another region, gets OSS's 403 with the right Endpoint.
 *
 * Control from another process: `POST /__control` with a JSON body
 *   {"op":"reset"} | {"op":"deny","action":"oss:ListBuckets","bucket":"b"?} | {"op":"failNext","fault":{…},"times":1}
 *   {"op":"putObject","bucket":"b","object":{"key":"k","contentType":"video/mp4","body":"text"}}
 *   {"op":"advanceClock","seconds":901} (the endpoint's clock runs ahead, so presigned URLs expire)
 * and `GET /__control/requests` for the log of requests received, `GET /__control/reads?bucket=b&key=k` for the
 * GetObject requests and bytes of one object (the media reads' budget).
 *
 * GetObject honours `Range` as OSS documents it: 206 with Content-Range, 416 InvalidRange for a range that starts
 * past the end, a malformed range ignored (200, the whole object). HEAD and GET report x-oss-storage-class and
 * x-oss-restore; a GET of an Archive/ColdArchive/DeepColdArchive object without a finished restore is 403
 * InvalidObjectState.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { verifyOssRequest, type OssVerification } from './signature';
import { OssState, SAMPLE_BUCKETS, type OssBucketSpec, type OssObjectSpec, type StoredBucket, type StoredObject } from './state';
import { isSnapshotProcess, parseSnapshotProcess, snapshotFrame } from './snapshot';
import { bodyBytes } from './sparse';
import { bucketInfoXml, errorXml, listBucketsXml, listObjectsV1Xml, listObjectsV2Xml, locationXml } from './xml';

/** Not a real key: the pair tests and demos sign with (the same as the local IMM endpoint's). */
export const TEST_OSS_ACCESS_KEY = { id: 'LTAI5tLocalImmTestKey01', secret: 'local-imm-endpoint-test-secret-0001' } as const;

/** The RAM actions OSS checks for the calls served here. */
export type OssAction = 'oss:ListBuckets' | 'oss:GetBucketInfo' | 'oss:GetBucketLocation' | 'oss:ListObjects' | 'oss:GetObject';

export type OssFault =
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string }
  /** Never answers: the client sees its timeout. */
  | { readonly kind: 'hang' }
  /** GetObject: sends the headers and the first `afterBytes` bytes of the body, then drops the connection. */
  | { readonly kind: 'cut'; readonly afterBytes: number }
  /** GetObject: sends the headers and the first `afterBytes` bytes, then nothing more (a transfer to cancel). */
  | { readonly kind: 'stall'; readonly afterBytes: number };

export interface OssReceivedRequest {
  readonly time: string;
  readonly method: string;
  readonly url: string;
  readonly host: string;
  readonly bucket: string;
  readonly key: string;
  readonly style: 'virtual-host' | 'path';
  readonly action: OssAction | 'write' | undefined;
  readonly signatureValid: boolean;
  readonly presigned: boolean;
  readonly accessKeyId?: string;
  readonly signedRegion?: string;
  readonly securityToken?: string;
  status: number | 'hang';
  errorCode?: string;
  /** The `Range` header of a GET or HEAD, as sent. */
  readonly range?: string;
  /** Body bytes sent (GetObject), for the read counts. */
  bytesSent?: number;
}

/** What the GETs of one object cost: OSS bills each request and the bytes it sends. */
export interface OssObjectReads {
  readonly requests: number;
  readonly bytes: number;
  /** GETs without a `Range` header: a media read must never send one. */
  readonly withoutRange: number;
}

export interface OssEndpointOptions {
  readonly port?: number;
  /** AccessKey ID -> secret. Defaults to TEST_OSS_ACCESS_KEY. */
  readonly accessKeys?: Readonly<Record<string, string>>;
  /** AccessKey ID -> the STS token that must come with it. */
  readonly securityTokens?: Readonly<Record<string, string>>;
  /** Defaults to SAMPLE_BUCKETS. */
  readonly buckets?: readonly OssBucketSpec[];
  readonly now?: () => Date;
}

export interface OssEndpointControl {
  /** The caller lacks the permission, for every bucket or one. */
  deny(action: OssAction, bucket?: string): void;
  failNext(fault: OssFault, times?: number): void;
  putObject(bucket: string, object: OssObjectSpec): void;
  /** Moves the endpoint's clock ahead (cumulative) until reset. */
  advanceClock(seconds: number): void;
  reset(): void;
}

export interface OssEndpoint {
  readonly url: string;
  readonly port: number;
  readonly state: OssState;
  readonly requests: readonly OssReceivedRequest[];
  readonly control: OssEndpointControl;
  /** The GetObject requests (GET, not HEAD) of one object since the last reset, counted. */
  readsOf(bucket: string, key: string): OssObjectReads;
  close(): Promise<void>;
}

/** `b.oss-cn-hangzhou.aliyuncs.com`, `.oss-cn-hangzhou.aliyuncs.com` (ali-oss for ListBuckets), `oss-cn-hangzhou-internal.aliyuncs.com`. */
const OSS_HOST = /^(?:([a-z0-9-]*)\.)?oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com(?::\d+)?$/;

interface Addressed {
  readonly bucket: string;
  readonly key: string;
  /** The region of the endpoint the request was sent to, when the host names one. */
  readonly hostRegion: string | undefined;
  readonly style: 'virtual-host' | 'path';
}

function address(host: string, path: string): Addressed {
  const decoded = decodeURIComponent(path);
  const match = OSS_HOST.exec(host.toLowerCase());
  if (match && match[1]) return { bucket: match[1], key: decoded.slice(1), hostRegion: match[2], style: 'virtual-host' };
  const [, bucket = '', ...rest] = decoded.split('/');
  return { bucket, key: rest.join('/'), hostRegion: match?.[2], style: 'path' };
}

/** The query as received, decoded but in order; `+` is a literal plus in OSS URLs. */
function parseQuery(raw: string): [string, string][] {
  if (!raw) return [];
  return raw
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return [decodeURIComponent(eq === -1 ? part : part.slice(0, eq)), eq === -1 ? '' : decodeURIComponent(part.slice(eq + 1))];
    });
}

const requestId = (): string => randomBytes(12).toString('hex').toUpperCase();

export async function startOssEndpoint(options: OssEndpointOptions = {}): Promise<OssEndpoint> {
  const accessKeys = new Map(Object.entries(options.accessKeys ?? { [TEST_OSS_ACCESS_KEY.id]: TEST_OSS_ACCESS_KEY.secret }));
  const tokens = new Map(Object.entries(options.securityTokens ?? {}));
  const initial = options.buckets ?? SAMPLE_BUCKETS;
  let state = new OssState(initial);
  const denied = new Set<string>();
  const faults: { fault: OssFault; remaining: number }[] = [];
  const requests: OssReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let clockOffsetMs = 0;
  const now = (): Date => new Date((options.now?.() ?? new Date()).getTime() + clockOffsetMs);

  const control: OssEndpointControl = {
    deny(action, bucket) {
      denied.add(bucket ? `${action}:${bucket}` : action);
    },
    failNext(fault, times = 1) {
      faults.push({ fault, remaining: times });
    },
    putObject(bucket, object) {
      state.putObject(bucket, object);
    },
    advanceClock(seconds) {
      clockOffsetMs += seconds * 1000;
    },
    reset() {
      clockOffsetMs = 0;
      state = new OssState(initial);
      endpoint.state = state;
      denied.clear();
      faults.length = 0;
      requests.length = 0;
    },
  };

  const server = createServer((req, res) => {
    // Only control commands have a body worth reading; a write's body is drained before it is refused.
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 1024 * 1024) chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks));
      } catch (error) {
        if (!res.headersSent) sendXmlError(res, 500, 'InternalError', error instanceof Error ? error.message : String(error), '');
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const query = parseQuery(q === -1 ? '' : url.slice(q + 1));
    if (path.startsWith('/__control')) return handleControl(req, res, path, body);

    const host = req.headers.host ?? '';
    const method = (req.method ?? 'GET').toUpperCase();
    const target = address(host, path);
    const verification = verifyOssRequest(
      { method, bucket: target.bucket, key: target.key, query, headers: req.headers },
      { secretOf: (id) => accessKeys.get(id), tokenOf: (id) => tokens.get(id), now },
    );
    const has = (name: string): boolean => query.some(([k]) => k === name);
    const param = (name: string): string | undefined => query.find(([k]) => k === name)?.[1];
    const action: OssReceivedRequest['action'] =
      method !== 'GET' && method !== 'HEAD'
        ? 'write'
        : !target.bucket
          ? 'oss:ListBuckets'
          : target.key
            ? 'oss:GetObject'
            : has('bucketInfo')
              ? 'oss:GetBucketInfo'
              : has('location')
                ? 'oss:GetBucketLocation'
                : 'oss:ListObjects';
    const entry: OssReceivedRequest = {
      time: new Date().toISOString(),
      method,
      url,
      host,
      bucket: target.bucket,
      key: target.key,
      style: target.style,
      action,
      signatureValid: verification.ok,
      presigned: verification.ok && verification.presigned,
      ...(verification.accessKeyId ? { accessKeyId: verification.accessKeyId } : {}),
      ...(verification.ok ? { signedRegion: verification.region, ...(verification.securityToken ? { securityToken: verification.securityToken } : {}) } : {}),
      ...(req.headers.range !== undefined ? { range: req.headers.range } : {}),
      status: 0,
    };
    requests.push(entry);
    const rid = requestId();
    const fail = (status: number, code: string, message: string, extra?: Record<string, string>): void => {
      entry.status = status;
      entry.errorCode = code;
      sendXmlError(res, status, code, message, rid, extra, method === 'HEAD');
    };

    if (!verification.ok) return fail(verification.status, verification.code, verification.message);
    const fault = faults[0];
    let cut: { afterBytes: number; stall: boolean } | undefined;
    if (fault && (fault.fault.kind === 'cut' || fault.fault.kind === 'stall') && action === 'oss:GetObject' && method === 'GET') {
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.shift();
      cut = { afterBytes: fault.fault.afterBytes, stall: fault.fault.kind === 'stall' };
    } else if (fault && fault.fault.kind !== 'cut' && fault.fault.kind !== 'stall') {
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.shift();
      if (fault.fault.kind === 'hang') {
        entry.status = 'hang';
        return;
      }
      if (fault.fault.kind === 'error') return fail(fault.fault.status, fault.fault.code, fault.fault.message);
    }
    if (action === 'write') return fail(403, 'AccessDenied', 'This local OSS endpoint is read-only: writes are refused.');
    if (denied.has(action) || denied.has(`${action}:${target.bucket}`)) {
      return fail(403, 'AccessDenied', `You have no right to access this resource: ${action} is not allowed for this AccessKey.`);
    }

    if (action === 'oss:ListBuckets') return listBuckets(res, entry, rid, param);

    const bucket = state.buckets.get(target.bucket);
    if (!bucket) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist.', { BucketName: target.bucket });
    // GetBucketLocation is how a client learns the region, so any endpoint answers it; nothing else is.
    const addressedRegion = target.hostRegion ?? verification.region;
    if (action !== 'oss:GetBucketLocation' && (addressedRegion !== bucket.region || verification.region !== bucket.region)) {
      return fail(
        403,
        'AccessDenied',
        'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
        {
          Bucket: bucket.name,
          Endpoint: `${bucket.location}.aliyuncs.com`,
        },
      );
    }
    if (action === 'oss:GetBucketInfo') return sendXml(res, entry, rid, bucketInfoXml(bucket, state.owner));
    if (action === 'oss:GetBucketLocation') return sendXml(res, entry, rid, locationXml(bucket));
    if (action === 'oss:ListObjects') return listObjects(res, entry, rid, bucket, param, fail);

    const object = bucket.objects.get(target.key);
    if (!object) return fail(404, 'NoSuchKey', 'The specified key does not exist.', { Key: target.key });
    const ossProcess = param('x-oss-process');
    if (method === 'GET' && isSnapshotProcess(ossProcess)) {
      const snapshot = parseSnapshotProcess(ossProcess!);
      if (!snapshot.ok) return fail(400, 'InvalidArgument', snapshot.message, { EC: snapshot.ec });
      // Not documented by OSS for a non-video object; refused the way a bad parameter is.
      if (!object.contentType?.startsWith('video/')) return fail(400, 'InvalidArgument', 'The object is not a video.', { EC: '0053-00000109' });
      return sendFrame(res, entry, rid, snapshotFrame(snapshot.format));
    }
    return sendObject(req, res, entry, rid, object, bucket, method === 'HEAD', cut);
  }

  function listBuckets(res: ServerResponse, entry: OssReceivedRequest, rid: string, param: (n: string) => string | undefined): void {
    const prefix = param('prefix') ?? '';
    const marker = param('marker') ?? '';
    const maxKeys = clampMaxKeys(param('max-keys'));
    const matching = state.sortedBuckets().filter((b) => b.name.startsWith(prefix) && b.name > marker);
    const page = matching.slice(0, maxKeys);
    const isTruncated = matching.length > page.length;
    sendXml(
      res,
      entry,
      rid,
      listBucketsXml(page, state.owner, { prefix, marker, maxKeys, isTruncated, ...(isTruncated ? { nextMarker: page[page.length - 1]!.name } : {}) }),
    );
  }

  function listObjects(
    res: ServerResponse,
    entry: OssReceivedRequest,
    rid: string,
    bucket: StoredBucket,
    param: (n: string) => string | undefined,
    fail: (status: number, code: string, message: string) => void,
  ): void {
    const v2 = param('list-type') === '2';
    const prefix = param('prefix') ?? '';
    const delimiter = param('delimiter') ?? '';
    const maxKeysText = param('max-keys');
    if (maxKeysText !== undefined && !/^\d+$/.test(maxKeysText)) return fail(400, 'InvalidArgument', 'max-keys must be a number between 0 and 1000.');
    const maxKeys = clampMaxKeys(maxKeysText);
    // The continuation token is opaque to clients: here it is the last key (or prefix) returned, base64url.
    const token = param('continuation-token');
    let after = v2 ? (param('start-after') ?? '') : (param('marker') ?? '');
    if (v2 && token !== undefined) {
      const decoded = Buffer.from(token, 'base64url').toString('utf8');
      if (!token || Buffer.from(decoded, 'utf8').toString('base64url') !== token)
        return fail(400, 'InvalidArgument', 'The continuation token provided is incorrect.');
      after = decoded;
    }
    const objects: StoredObject[] = [];
    const prefixes: string[] = [];
    let last = '';
    let isTruncated = false;
    for (const key of state.sortedKeys(bucket)) {
      if (!key.startsWith(prefix) || key <= after) continue;
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      const common = cut === -1 ? undefined : key.slice(0, cut + delimiter.length);
      if (common !== undefined && (prefixes.includes(common) || common <= after)) continue;
      if (objects.length + prefixes.length >= maxKeys) {
        isTruncated = true;
        break;
      }
      if (common !== undefined) {
        prefixes.push(common);
        last = common;
      } else {
        objects.push(bucket.objects.get(key)!);
        last = key;
      }
    }
    // A common prefix `a/` sorts before its keys `a/x`: skipping past it means skipping all of them.
    const resumeAfter = last.endsWith(delimiter) && delimiter ? `${last}\uffff` : last;
    const encodeKeys = param('encoding-type') === 'url';
    const page = { bucket: bucket.name, prefix, delimiter, maxKeys, objects, prefixes, isTruncated, encodeKeys };
    if (v2) {
      sendXml(
        res,
        entry,
        rid,
        listObjectsV2Xml({
          ...page,
          ...(token ? { continuationToken: token } : {}),
          ...(param('start-after') ? { startAfter: param('start-after')! } : {}),
          ...(isTruncated ? { nextContinuationToken: Buffer.from(resumeAfter, 'utf8').toString('base64url') } : {}),
        }),
      );
    } else {
      sendXml(res, entry, rid, listObjectsV1Xml({ ...page, marker: after, ...(isTruncated ? { nextMarker: last } : {}) }, state.owner));
    }
  }

  function handleControl(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): void {
    if (req.method === 'GET' && path === '/__control/requests') return sendJson(res, 200, { requests });
    if (req.method === 'GET' && path === '/__control/reads') {
      const params = new URLSearchParams(req.url?.split('?')[1] ?? '');
      return sendJson(res, 200, readsOf(requests, params.get('bucket') ?? '', params.get('key') ?? ''));
    }
    if (req.method !== 'POST' || path !== '/__control') return sendJson(res, 404, { error: 'unknown control path' });
    let command: { op?: string; action?: OssAction; bucket?: string; fault?: OssFault; times?: number; object?: OssObjectSpec; seconds?: number };
    try {
      command = JSON.parse(body.toString('utf8')) as typeof command;
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON' });
    }
    if (command.op === 'reset') control.reset();
    else if (command.op === 'deny' && command.action) control.deny(command.action, command.bucket);
    else if (command.op === 'failNext' && command.fault) control.failNext(command.fault, command.times);
    else if (command.op === 'putObject' && command.bucket && command.object) control.putObject(command.bucket, command.object);
    else if (command.op === 'advanceClock' && typeof command.seconds === 'number') control.advanceClock(command.seconds);
    else
      return sendJson(res, 400, {
        error: 'op must be reset, deny (with action), failNext (with fault), putObject (with bucket and object) or advanceClock (with seconds)',
      });
    sendJson(res, 200, { ok: true });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint: OssEndpoint & { state: OssState } = {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    requests,
    control,
    readsOf: (bucket, key) => readsOf(requests, bucket, key),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return endpoint;
}

export function readsOf(requests: readonly OssReceivedRequest[], bucket: string, key: string): OssObjectReads {
  const gets = requests.filter((r) => r.method === 'GET' && r.action === 'oss:GetObject' && r.bucket === bucket && r.key === key);
  return { requests: gets.length, bytes: gets.reduce((sum, r) => sum + (r.bytesSent ?? 0), 0), withoutRange: gets.filter((r) => r.range === undefined).length };
}

function clampMaxKeys(text: string | undefined): number {
  const n = text === undefined ? 100 : Number(text);
  return Number.isFinite(n) ? Math.max(0, Math.min(1000, Math.floor(n))) : 100;
}

function commonHeaders(rid: string): Record<string, string> {
  return { server: 'AliyunOSS', date: new Date().toUTCString(), 'x-oss-request-id': rid };
}

function sendXml(res: ServerResponse, entry: OssReceivedRequest, rid: string, xml: string): void {
  entry.status = 200;
  res.writeHead(200, { ...commonHeaders(rid), 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
  res.end(xml);
}

function sendXmlError(res: ServerResponse, status: number, code: string, message: string, rid: string, extra?: Record<string, string>, head = false): void {
  const xml = errorXml({ code, message, requestId: rid, hostId: 'oss.local', ...(extra ? { extra } : {}) });
  // A HEAD answer has no body; OSS puts the error document, base64, in x-oss-err.
  res.writeHead(status, {
    ...commonHeaders(rid),
    'content-type': 'application/xml',
    'content-length': head ? 0 : Buffer.byteLength(xml),
    ...(head ? { 'x-oss-err': Buffer.from(xml).toString('base64') } : {}),
  });
  res.end(head ? undefined : xml);
}

/** OSS's cold classes: a GET of such an object fails until a restore has finished. */
const COLD_CLASSES = new Set(['Archive', 'ColdArchive', 'DeepColdArchive']);

/**
 * A `Range` header as OSS reads it: `bytes=a-b`, `bytes=a-` or `bytes=-n`, the end clipped to the object. `invalid`
 * when the range cannot be satisfied (it starts at or past the end: 416 InvalidRange); `undefined` when the header is
 * absent or malformed, which OSS ignores (200 with the whole object).
 */
export function parseOssRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (!match[1] && !match[2])) return undefined;
  if (!match[1]) {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'invalid';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : size - 1;
  if (match[2] && end < start) return undefined;
  if (start >= size) return 'invalid';
  return { start, end: Math.min(end, size - 1) };
}

function sendObject(
  req: IncomingMessage,
  res: ServerResponse,
  entry: OssReceivedRequest,
  rid: string,
  object: StoredObject,
  bucket: StoredBucket,
  head: boolean,
  cut?: { afterBytes: number; stall: boolean },
): void {
  const storageClass = object.storageClass ?? bucket.storageClass;
  const restore = object.restore;
  const headers: Record<string, string | number> = {
    ...commonHeaders(rid),
    'content-type': object.contentType ?? 'application/octet-stream',
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    'x-oss-object-type': 'Normal',
    'x-oss-storage-class': storageClass,
    ...(restore
      ? { 'x-oss-restore': restore.ongoing ? 'ongoing-request="true"' : `ongoing-request="false", expiry-date="${new Date(restore.expiryDate).toUTCString()}"` }
      : {}),
  };
  const restored = restore !== undefined && !restore.ongoing && Date.parse(restore.expiryDate) > Date.now();
  if (!head && COLD_CLASSES.has(storageClass) && !restored) {
    entry.status = 403;
    entry.errorCode = 'InvalidObjectState';
    sendXmlError(res, 403, 'InvalidObjectState', "The operation is not valid for the object's state", rid, { Key: object.key });
    return;
  }
  const size = object.size;
  const range = parseOssRange(req.headers.range, size);
  if (range === 'invalid') {
    entry.status = 416;
    entry.errorCode = 'InvalidRange';
    const xml = errorXml({
      code: 'InvalidRange',
      message: 'The requested range cannot be satisfied',
      requestId: rid,
      hostId: 'oss.local',
      extra: { RangeRequested: req.headers.range ?? '', ActualObjectSize: String(size) },
    });
    res.writeHead(416, {
      ...commonHeaders(rid),
      'content-type': 'application/xml',
      'content-range': `bytes */${size}`,
      'content-length': head ? 0 : Buffer.byteLength(xml),
    });
    res.end(head ? undefined : xml);
    return;
  }
  if (range) {
    entry.status = 206;
    if (!head) entry.bytesSent = range.end - range.start + 1;
    res.writeHead(206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': range.end - range.start + 1 });
    res.end(head ? undefined : bodyBytes(object, range.start, range.end + 1));
    return;
  }
  entry.status = 200;
  res.writeHead(200, { ...headers, 'content-length': size });
  if (cut && !head) {
    entry.bytesSent = Math.min(size, cut.afterBytes);
    res.write(bodyBytes(object, 0, cut.afterBytes), () => {
      if (!cut.stall) setTimeout(() => res.socket?.destroy(), 20);
    });
    return;
  }
  if (!head) entry.bytesSent = size;
  res.end(head ? undefined : bodyBytes(object, 0, size));
}

function sendFrame(res: ServerResponse, entry: OssReceivedRequest, rid: string, frame: { body: Buffer; contentType: string }): void {
  entry.status = 200;
  res.writeHead(200, { ...commonHeaders(rid), 'content-type': frame.contentType, 'content-length': frame.body.length });
  res.end(frame.body);
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export type { OssVerification };
