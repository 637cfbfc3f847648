/**
 * ACS3-HMAC-SHA256 verification, written from Alibaba Cloud's "V3 request signature" description and
 * deliberately independent of @alicloud/openapi-core: a test that signs and verifies with the same code
 * proves nothing.
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 *   CanonicalHeaders = for each signed header, sorted: lowercase(name) ":" trim(value) "\n"
 *   StringToSign     = "ACS3-HMAC-SHA256" \n hex(sha256(CanonicalRequest))
 *   Signature        = hex(hmac-sha256(AccessKeySecret, StringToSign))
 *   Authorization    = ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b;c>,Signature=<hex>
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const ALGORITHM = 'ACS3-HMAC-SHA256';
/** The service refuses a request whose x-acs-date is further than this from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface SignedRequest {
  readonly method: string;
  /** Path and query exactly as received, e.g. `/?ProjectName=immtest`. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type Verification =
  | { readonly ok: true; readonly accessKeyId: string }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string; readonly accessKeyId?: string };

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** RFC 3986 percent-encoding: only A-Z a-z 0-9 - _ . ~ stay bare. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  const pairs = rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = decodeURIComponent(eq === -1 ? part : part.slice(0, eq));
      const value = eq === -1 ? '' : decodeURIComponent(part.slice(eq + 1));
      return [percentEncode(name), percentEncode(value)] as const;
    });
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function canonicalRequest(request: SignedRequest, signedHeaders: readonly string[], hashedPayload: string): string {
  const q = request.url.indexOf('?');
  const path = (q === -1 ? request.url : request.url.slice(0, q)) || '/';
  const query = q === -1 ? '' : request.url.slice(q + 1);
  const headers = signedHeaders.map((name) => `${name}:${(headerValue(request.headers, name) ?? '').trim()}\n`).join('');
  return [request.method.toUpperCase(), path, canonicalQuery(query), headers, signedHeaders.join(';'), hashedPayload].join('\n');
}

export function stringToSign(canonical: string): string {
  return `${ALGORITHM}\n${sha256Hex(canonical)}`;
}

interface Authorization {
  readonly accessKeyId: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

function parseAuthorization(header: string | undefined): Authorization | undefined {
  if (!header?.startsWith(`${ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq !== -1) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

function parseAcsDate(text: string | undefined): number | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

export interface VerifyOptions {
  readonly secretOf: (accessKeyId: string) => string | undefined;
  /** Returns false when the nonce was seen before (a replayed request). */
  readonly claimNonce: (nonce: string) => boolean;
  readonly now?: number;
}

export function verifySignature(request: SignedRequest, options: VerifyOptions): Verification {
  const fail = (status: number, code: string, message: string, accessKeyId?: string): Verification => ({
    ok: false,
    status,
    code,
    message,
    ...(accessKeyId ? { accessKeyId } : {}),
  });
  const auth = parseAuthorization(headerValue(request.headers, 'authorization'));
  if (!auth)
    return fail(
      400,
      'IncompleteSignature',
      `The Authorization header is missing or is not of the form "${ALGORITHM} Credential=…,SignedHeaders=…,Signature=…".`,
    );

  const secret = options.secretOf(auth.accessKeyId);
  if (secret === undefined) return fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.', auth.accessKeyId);

  const sorted = [...auth.signedHeaders].sort();
  if (sorted.join(';') !== auth.signedHeaders.join(';') || auth.signedHeaders.some((h) => h !== h.toLowerCase())) {
    return fail(400, 'IncompleteSignature', 'SignedHeaders must be lowercase and sorted.', auth.accessKeyId);
  }
  // Everything that steers the call must be covered by the signature, or it could be changed in flight.
  const mustSign = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];
  const present = Object.keys(request.headers).filter((h) => h.startsWith('x-acs-') || h === 'host' || h === 'content-type');
  for (const name of new Set([...mustSign, ...present])) {
    if (!auth.signedHeaders.includes(name)) return fail(400, 'IncompleteSignature', `The header ${name} must be signed.`, auth.accessKeyId);
  }

  const date = parseAcsDate(headerValue(request.headers, 'x-acs-date'));
  const now = options.now ?? Date.now();
  if (date === undefined) return fail(400, 'InvalidTimeStamp.Format', 'x-acs-date must be UTC in the form yyyy-MM-ddTHH:mm:ssZ.', auth.accessKeyId);
  if (Math.abs(now - date) > MAX_CLOCK_SKEW_MS)
    return fail(400, 'InvalidTimeStamp.Expired', 'x-acs-date is more than 15 minutes from the server time.', auth.accessKeyId);

  const hashedPayload = sha256Hex(request.body);
  if (headerValue(request.headers, 'x-acs-content-sha256') !== hashedPayload) {
    return fail(400, 'ContentSHA256NotMatch', 'x-acs-content-sha256 does not match the SHA-256 of the body received.', auth.accessKeyId);
  }

  const canonical = canonicalRequest(request, auth.signedHeaders, hashedPayload);
  const expected = createHmac('sha256', secret).update(stringToSign(canonical)).digest('hex');
  const given = Buffer.from(auth.signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected, 'utf8'))) {
    return fail(
      400,
      'SignatureDoesNotMatch',
      `The request signature does not conform to Aliyun standards. server string to sign is:${stringToSign(canonical)}`,
      auth.accessKeyId,
    );
  }

  const nonce = headerValue(request.headers, 'x-acs-signature-nonce') ?? '';
  if (!options.claimNonce(nonce)) return fail(400, 'SignatureNonceUsed', 'The request signature nonce has been used.', auth.accessKeyId);
  return { ok: true, accessKeyId: auth.accessKeyId };
}
