/**
 * Presigned URLs carry a signature (and sometimes an STS token) in their query string. Anything kept beyond the
 * moment it is sent (task history, task details) keeps the URL without that part.
 */
// Stops at a backslash too, so a URL inside a JSON string's escaped quotes keeps the JSON valid.
const URL_WITH_QUERY = /\bhttps?:\/\/[^\s"'?#\\]+\?[^\s"'#\\]*/gi;
const SIGNED = /(^|[?&])(signature|x-oss-signature|x-oss-credential|ossaccesskeyid|security-token|x-oss-security-token|expires|x-oss-expires)=/i;

export function redactPresignedUrls(text: string): string {
  return text.replace(URL_WITH_QUERY, (url) => {
    const at = url.indexOf('?');
    return SIGNED.test(url.slice(at)) ? `${url.slice(0, at)}?<signature removed>` : url;
  });
}
