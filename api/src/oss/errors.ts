/**
 * Every failure of an OSS call becomes one OssError whose kind says what happened and whose message says
 * what to do. Built from ali-oss's error fields (code, status, requestId): never from headers or credentials.
 */
export type OssErrorKind =
  /** NoSuchBucket. */
  | 'no-such-bucket'
  /** NoSuchKey, or a bare 404 answer to a HEAD. */
  | 'no-such-key'
  /** The bucket lives in another region than the one it was addressed in. */
  | 'wrong-region'
  /** AccessDenied: the identity lacks a permission. */
  | 'access-denied'
  /** The key or its signature is refused: InvalidAccessKeyId, SignatureDoesNotMatch, expired token. */
  | 'credentials'
  | 'timeout'
  | 'network'
  | 'cancelled'
  /** Settings that cannot work: a malformed or plain-http non-loopback endpoint. */
  | 'endpoint'
  | 'service';

export interface OssErrorInit {
  readonly kind: OssErrorKind;
  readonly code: string;
  readonly message: string;
  readonly status?: number;
  readonly requestId?: string;
  /** The OSS call, e.g. `HeadObject`. */
  readonly operation?: string;
}

export class OssError extends Error {
  readonly kind: OssErrorKind;
  readonly code: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly operation: string | undefined;

  constructor(init: OssErrorInit) {
    super(init.message);
    this.name = 'OssError';
    this.kind = init.kind;
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.operation = init.operation;
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, code: this.code, message: this.message, status: this.status, requestId: this.requestId, operation: this.operation };
  }
}

/** The message OSS sends with a 403 for a bucket addressed through another region's endpoint. */
const WRONG_ENDPOINT = /must be addressed using the specified endpoint/i;

interface AliOssErrorShape {
  name?: unknown;
  code?: unknown;
  status?: unknown;
  requestId?: unknown;
  message?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** What ali-oss (or urllib under it) threw, as an OssError for `operation` on `resource` ("oss://b/k"). */
export function normalizeOssError(error: unknown, operation: string, resource: string): OssError {
  if (error instanceof OssError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as AliOssErrorShape;
  const name = text(e.name) ?? '';
  const code = text(e.code) ?? name.replace(/Error$/, '') ?? 'Unknown';
  const status = typeof e.status === 'number' ? e.status : undefined;
  const requestId = text(e.requestId);
  const serviceMessage = (text(e.message) ?? '').split('\n')[0]!.replace(/, please increase the timeout.*$/, '');
  const base = { code, operation, ...(status !== undefined ? { status } : {}), ...(requestId ? { requestId } : {}) };
  const rid = requestId ? ` (RequestId ${requestId})` : '';

  if (/Timeout/i.test(name) || status === -2 || code === 'ETIMEDOUT') {
    return new OssError({ ...base, kind: 'timeout', message: `OSS did not answer ${operation} for ${resource} in time. Check the network or raise the request timeout.` });
  }
  if (status === -1 || /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE)$/.test(code) || /RequestError|ConnectionError|SocketError/.test(name)) {
    return new OssError({ ...base, kind: 'network', message: `Could not reach OSS for ${operation} on ${resource} (${code}). Check the network, proxy or OSS endpoint.` });
  }
  if (code === 'NoSuchBucket') return new OssError({ ...base, kind: 'no-such-bucket', message: `The bucket of ${resource} does not exist${rid}.` });
  if (code === 'NoSuchKey' || (status === 404 && operation === 'HeadObject')) {
    return new OssError({ ...base, code: 'NoSuchKey', kind: 'no-such-key', message: `There is no object at ${resource}${rid}.` });
  }
  if (status === 403 && WRONG_ENDPOINT.test(serviceMessage)) {
    return new OssError({ ...base, kind: 'wrong-region', message: `The bucket of ${resource} is in another region than the one it was addressed in${rid}.` });
  }
  if (['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidSecurityToken', 'SecurityTokenExpired', 'RequestTimeTooSkewed'].includes(code)) {
    return new OssError({ ...base, kind: 'credentials', message: `OSS refused the credentials for ${operation} on ${resource}: ${code}${serviceMessage ? ` (${serviceMessage})` : ''}${rid}. Check the AccessKey, its STS token and the clock.` });
  }
  if (status === 403 || code === 'AccessDenied') {
    return new OssError({ ...base, kind: 'access-denied', message: `OSS denied ${operation} on ${resource}${serviceMessage ? `: ${serviceMessage}` : ''}${rid}.` });
  }
  return new OssError({ ...base, kind: 'service', message: `OSS answered ${operation} on ${resource} with ${code}${status ? ` (HTTP ${status})` : ''}${serviceMessage ? `: ${serviceMessage}` : ''}${rid}.` });
}

export function cancelledError(operation: string): OssError {
  return new OssError({ kind: 'cancelled', code: 'Cancelled', operation, message: `${operation} was cancelled.` });
}
