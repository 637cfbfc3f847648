/**
 * What is masked before a text is kept, logged, shown or printed: the one definition of each redaction, for the
 * editor and the CLI alike.
 *
 * - `redactPresignedUrls`: a presigned URL carries a signature (and sometimes an STS token) in its query string;
 *   the URL is kept without that part. Applied to every GetTask answer (ImmClient.getTask), to the request a task
 *   was sent with, and to persisted errors.
 * - `redactSecrets`: anything shaped like an AccessKey ID, a secret or a token; for texts that are not ours
 *   (a credential provider's or a library's error message).
 */

// Stops at a backslash too, so a URL inside a JSON string's escaped quotes keeps the JSON valid.
const URL_WITH_QUERY = /\bhttps?:\/\/[^\s"'?#\\]+\?[^\s"'#\\]*/gi;
const SIGNED = /(^|[?&])(signature|x-oss-signature|x-oss-credential|ossaccesskeyid|security-token|x-oss-security-token|expires|x-oss-expires)=/i;

export function redactPresignedUrls(text: string): string {
  return text.replace(URL_WITH_QUERY, (match) => {
    // Sentence punctuation after a quoted URL ("Cannot read https://…&Signature=….") is the sentence's, kept.
    const url = match.replace(/[.,;:!)\]]+$/, '');
    const at = url.indexOf('?');
    return SIGNED.test(url.slice(at)) ? `${url.slice(0, at)}?<signature removed>${match.slice(url.length)}` : match;
  });
}

/** Every string inside a JSON-shaped value (an API answer), presigned URLs redacted; the shape is kept. */
export function redactPresignedUrlsDeep<T>(value: T): T {
  if (typeof value === 'string') return redactPresignedUrls(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactPresignedUrlsDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactPresignedUrlsDeep(v)])) as T;
  }
  return value;
}

/** Masks anything shaped like an AccessKey ID, a secret or a token: `LTAI…`, `STS.…`, long runs of key characters. */
export function redactSecrets(text: string): string {
  return (
    text
      .replace(/\b(LTAI|STS\.)[A-Za-z0-9._-]{4,}/g, '$1****')
      // Path segments stay readable: a run counts as a secret from 20 characters with a digit, or from 32.
      .replace(/[A-Za-z0-9+=_-]{20,}/g, (run) => (/\d/.test(run) || run.length >= 32 ? '****' : run))
  );
}
