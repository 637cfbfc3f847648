/**
 * The one rule for a user-given service address (an IMM or OSS endpoint override): `https://host[:port]`, a bare
 * host meaning https, `http://` for a loopback host only; no path, query or user info, because both APIs live at `/`
 * and credentials never go in a URL.
 */

/** Loopback only: plain HTTP elsewhere would send the signed request, and the job, in clear text. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/**
 * `what` names the address in messages ("The endpoint", "The OSS endpoint"); `fail` makes the caller's own error
 * type from a message, so each API reports a bad address the way it reports its other errors.
 */
export function parseServiceUrl(text: string, what: string, fail: (message: string) => Error): URL {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw fail(`${what} "${trimmed}" is not a URL. Write it as https://host or https://host:port.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail(`${what} "${trimmed}" uses ${url.protocol.replace(':', '')}; use https://host[:port].`);
  if (url.username || url.password) throw fail(`${what} must not contain a user name or password; credentials are configured separately.`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw fail(`${what} "${trimmed}" has a path or query; give only the scheme, host and port (https://host[:port]).`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw fail(
      `Plain http:// is refused for ${url.hostname}: requests would travel unencrypted. Use https://${url.host}, or http:// only for a local test endpoint (127.0.0.1, localhost, ::1).`,
    );
  }
  return url;
}
