import { t } from '../../../core/src/index';

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
  const code = text(e.code) ?? (name.replace(/Error$/, '') || 'Unknown');
  const status = typeof e.status === 'number' ? e.status : undefined;
  const requestId = text(e.requestId);
  const serviceMessage = (text(e.message) ?? '').split('\n')[0]!.replace(/, please increase the timeout.*$/, '');
  const base = { code, operation, ...(status !== undefined ? { status } : {}), ...(requestId ? { requestId } : {}) };
  const rid = requestId ? t(' (RequestId {0})', requestId) : '';
  const quoted = serviceMessage ? t(' ({0})', serviceMessage) : '';
  const said = serviceMessage ? t(': {0}', serviceMessage) : '';

  if (/Timeout/i.test(name) || status === -2 || code === 'ETIMEDOUT') {
    return new OssError({
      ...base,
      kind: 'timeout',
      message: t('OSS did not answer {0} for {1} in time. Check the network or raise the request timeout.', operation, resource),
    });
  }
  if (
    status === -1 ||
    /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE)$/.test(code) ||
    /RequestError|ConnectionError|SocketError/.test(name)
  ) {
    return new OssError({
      ...base,
      kind: 'network',
      message: t('Could not reach OSS for {0} on {1} ({2}). Check the network, proxy or OSS endpoint.', operation, resource, code),
    });
  }
  if (code === 'NoSuchBucket') return new OssError({ ...base, kind: 'no-such-bucket', message: t('The bucket of {0} does not exist{1}.', resource, rid) });
  if (code === 'NoSuchKey' || (status === 404 && operation === 'HeadObject')) {
    return new OssError({ ...base, code: 'NoSuchKey', kind: 'no-such-key', message: t('There is no object at {0}{1}.', resource, rid) });
  }
  if (status === 403 && WRONG_ENDPOINT.test(serviceMessage)) {
    return new OssError({
      ...base,
      kind: 'wrong-region',
      message: t('The bucket of {0} is in another region than the one it was addressed in{1}.', resource, rid),
    });
  }
  if (['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidSecurityToken', 'SecurityTokenExpired', 'RequestTimeTooSkewed'].includes(code)) {
    return new OssError({
      ...base,
      kind: 'credentials',
      message: t(
        'OSS refused the credentials for {0} on {1}: {2}{3}{4}. Check the AccessKey, its STS token and the clock.',
        operation,
        resource,
        code,
        quoted,
        rid,
      ),
    });
  }
  if (status === 403 || code === 'AccessDenied') {
    return new OssError({ ...base, kind: 'access-denied', message: t('OSS denied {0} on {1}{2}{3}.', operation, resource, said, rid) });
  }
  return new OssError({
    ...base,
    kind: 'service',
    message: t('OSS answered {0} on {1} with {2}{3}{4}{5}.', operation, resource, code, status ? t(' (HTTP {0})', status) : '', said, rid),
  });
}

export function cancelledError(operation: string): OssError {
  return new OssError({ kind: 'cancelled', code: 'Cancelled', operation, message: t('{0} was cancelled.', operation) });
}
