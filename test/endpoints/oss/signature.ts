/**
 * OSS V4 (OSS4-HMAC-SHA256) verification for the Authorization header and for presigned URLs, written from
 * OSS's "V4 signature" description and deliberately independent of ali-oss: a test that signs and verifies
 * with the same code proves nothing.
 *
 *   CanonicalRequest = Method \n URI-encoded /bucket/key \n CanonicalQuery \n CanonicalHeaders \n
 *                      AdditionalHeaders \n UNSIGNED-PAYLOAD
 *   CanonicalQuery   = sorted `k=v` (URI-encoded), or `k` alone for an empty value
 *   CanonicalHeaders = x-oss-*, content-type, content-md5 and the additional headers: `name:trimmed\n`, sorted
 *   StringToSign     = OSS4-HMAC-SHA256 \n x-oss-date \n day/region/oss/aliyun_v4_request \n hex(sha256(CanonicalRequest))
 *   SigningKey       = HMAC chain ("aliyun_v4" + secret, day) -> region -> "oss" -> "aliyun_v4_request"
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const ALGORITHM = 'OSS4-HMAC-SHA256';
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
/** OSS caps a V4 presigned URL at seven days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

export interface OssSignedRequest {
  readonly method: string;
  /** The resource the signature covers: '' for the service (ListBuckets), else the bucket. */
  readonly bucket: string;
  /** '' for bucket operations. */
  readonly key: string;
  /** Decoded query parameters as received, in order. */
  readonly query: readonly (readonly [string, string])[];
  readonly headers: IncomingHttpHeaders;
}

export type OssVerification =
  | { readonly ok: true; readonly accessKeyId: string; readonly region: string; readonly presigned: boolean; readonly securityToken?: string }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string; readonly accessKeyId?: string };

export interface OssKeyring {
  secretOf(accessKeyId: string): string | undefined;
  /** Tokens the endpoint issued, by AccessKey ID (STS credentials). */
  tokenOf?(accessKeyId: string): string | undefined;
  now?(): Date;
}

/** RFC 3986: only A-Z a-z 0-9 - _ . ~ stay bare. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalUri(bucket: string, key: string): string {
  const path = bucket ? `/${bucket}/${key}` : '/';
  return uriEncode(path).replace(/%2F/g, '/');
}

export function canonicalQuery(query: readonly (readonly [string, string])[]): string {
  return query
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`))
    .join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function canonicalHeaders(headers: IncomingHttpHeaders, additional: readonly string[]): string {
  const names = new Set(additional);
  for (const name of Object.keys(headers)) {
    if (name === 'content-type' || name === 'content-md5' || name.startsWith('x-oss-')) names.add(name);
  }
  return [...names]
    .sort()
    .map((name) => `${name}:${(headerValue(headers, name) ?? '').trim()}\n`)
    .join('');
}

export function canonicalRequest(request: OssSignedRequest, query: readonly (readonly [string, string])[], additional: readonly string[]): string {
  return [
    request.method.toUpperCase(),
    canonicalUri(request.bucket, request.key),
    canonicalQuery(query),
    canonicalHeaders(request.headers, additional),
    additional.join(';'),
    headerValue(request.headers, 'x-oss-content-sha256') ?? 'UNSIGNED-PAYLOAD',
  ].join('\n');
}

export function signingKey(secret: string, day: string, region: string): Buffer {
  const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();
  return hmac(hmac(hmac(hmac(`aliyun_v4${secret}`, day), region), 'oss'), 'aliyun_v4_request');
}

export function signature(secret: string, date: string, region: string, canonical: string): string {
  const day = date.slice(0, 8);
  const stringToSign = [ALGORITHM, date, `${day}/${region}/oss/aliyun_v4_request`, createHash('sha256').update(canonical).digest('hex')].join('\n');
  return createHmac('sha256', signingKey(secret, day, region))
    .update(stringToSign)
    .digest('hex');
}

/** `20261201T093000Z` -> Date, or undefined when malformed. */
export function parseOssDate(text: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

interface Scope {
  readonly accessKeyId: string;
  readonly day: string;
  readonly region: string;
}

/** `<AK>/<yyyymmdd>/<region>/oss/aliyun_v4_request` */
function parseCredential(text: string): Scope | undefined {
  const parts = text.split('/');
  if (parts.length !== 5 || parts[3] !== 'oss' || parts[4] !== 'aliyun_v4_request' || !/^\d{8}$/.test(parts[1] ?? '')) return undefined;
  return { accessKeyId: parts[0]!, day: parts[1]!, region: parts[2]! };
}

const denied = (status: number, code: string, message: string, accessKeyId?: string): OssVerification => ({
  ok: false,
  status,
  code,
  message,
  ...(accessKeyId ? { accessKeyId } : {}),
});

export function verifyOssRequest(request: OssSignedRequest, keyring: OssKeyring): OssVerification {
  const presignVersion = request.query.find(([k]) => k === 'x-oss-signature-version')?.[1];
  return presignVersion !== undefined ? verifyPresigned(request, presignVersion, keyring) : verifyHeader(request, keyring);
}

function checkKey(scope: Scope, date: string, keyring: OssKeyring, token: string | undefined): OssVerification | string {
  const secret = keyring.secretOf(scope.accessKeyId);
  if (secret === undefined) return denied(403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.', scope.accessKeyId);
  const expected = keyring.tokenOf?.(scope.accessKeyId);
  if (expected !== undefined && token !== expected)
    return denied(403, 'InvalidSecurityToken', 'The security token you provided is invalid.', scope.accessKeyId);
  if (date.slice(0, 8) !== scope.day)
    return denied(403, 'SignatureDoesNotMatch', 'The date in the credential scope does not match x-oss-date.', scope.accessKeyId);
  return secret;
}

function compare(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function verifyHeader(request: OssSignedRequest, keyring: OssKeyring): OssVerification {
  const authorization = headerValue(request.headers, 'authorization');
  if (!authorization) return denied(403, 'AccessDenied', 'You have no right to access this object because of bucket acl.');
  if (!authorization.startsWith(`${ALGORITHM} `)) {
    // OSS still answers V1 (`OSS AK:sig`); our endpoint stands for a client that must use V4.
    return denied(
      403,
      'AccessDenied',
      `Only ${ALGORITHM} (V4) signatures are accepted by this endpoint; the request was signed with "${authorization.split(' ')[0]}".`,
    );
  }
  const fields = new Map<string, string>();
  for (const part of authorization.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const scope = parseCredential(fields.get('Credential') ?? '');
  const given = fields.get('Signature');
  if (!scope || !given) return denied(400, 'InvalidArgument', 'Authorization header is invalid: it needs Credential and Signature.');
  const date = headerValue(request.headers, 'x-oss-date');
  const when = parseOssDate(date);
  if (!date || !when) return denied(403, 'AccessDenied', 'x-oss-date is missing or not in the form yyyymmddTHHMMSSZ.', scope.accessKeyId);
  const now = keyring.now?.() ?? new Date();
  if (Math.abs(now.getTime() - when.getTime()) > MAX_CLOCK_SKEW_MS) {
    return denied(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', scope.accessKeyId);
  }
  if (headerValue(request.headers, 'x-oss-content-sha256') === undefined)
    return denied(400, 'InvalidArgument', 'x-oss-content-sha256 is required for V4 signatures.', scope.accessKeyId);
  const secret = checkKey(scope, date, keyring, headerValue(request.headers, 'x-oss-security-token'));
  if (typeof secret !== 'string') return secret;
  const additional = (fields.get('AdditionalHeaders') ?? '')
    .split(';')
    .filter((h) => h !== '')
    .map((h) => h.toLowerCase());
  const expected = signature(secret, date, scope.region, canonicalRequest(request, request.query, additional));
  if (!compare(expected, given)) {
    return denied(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      scope.accessKeyId,
    );
  }
  const token = headerValue(request.headers, 'x-oss-security-token');
  return { ok: true, accessKeyId: scope.accessKeyId, region: scope.region, presigned: false, ...(token ? { securityToken: token } : {}) };
}

function verifyPresigned(request: OssSignedRequest, version: string, keyring: OssKeyring): OssVerification {
  if (version !== ALGORITHM) return denied(400, 'InvalidArgument', `x-oss-signature-version must be ${ALGORITHM}.`);
  const get = (name: string): string | undefined => request.query.find(([k]) => k === name)?.[1];
  const scope = parseCredential(get('x-oss-credential') ?? '');
  const given = get('x-oss-signature');
  const date = get('x-oss-date');
  const expires = Number(get('x-oss-expires'));
  if (!scope || !given || !date) return denied(400, 'InvalidArgument', 'A presigned URL needs x-oss-credential, x-oss-date and x-oss-signature.');
  const when = parseOssDate(date);
  if (!when) return denied(403, 'AccessDenied', 'x-oss-date is not in the form yyyymmddTHHMMSSZ.', scope.accessKeyId);
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_SECONDS) {
    return denied(400, 'InvalidArgument', `x-oss-expires must be between 1 and ${MAX_PRESIGN_SECONDS} seconds.`, scope.accessKeyId);
  }
  const now = keyring.now?.() ?? new Date();
  if (now.getTime() > when.getTime() + expires * 1000) return denied(403, 'AccessDenied', 'Request has expired.', scope.accessKeyId);
  if (when.getTime() - now.getTime() > MAX_CLOCK_SKEW_MS)
    return denied(403, 'RequestTimeTooSkewed', 'The presigned URL was signed in the future.', scope.accessKeyId);
  const secret = checkKey(scope, date, keyring, get('x-oss-security-token'));
  if (typeof secret !== 'string') return secret;
  const additional = (get('x-oss-additional-headers') ?? '')
    .split(';')
    .filter((h) => h !== '')
    .map((h) => h.toLowerCase());
  const signed = request.query.filter(([k]) => k !== 'x-oss-signature');
  const expected = signature(secret, date, scope.region, canonicalRequest(request, signed, additional));
  if (!compare(expected, given)) {
    return denied(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      scope.accessKeyId,
    );
  }
  const token = get('x-oss-security-token');
  return { ok: true, accessKeyId: scope.accessKeyId, region: scope.region, presigned: true, ...(token ? { securityToken: token } : {}) };
}
