/**
 * The one rule for a user-given service address (an IMM or OSS endpoint override): `https://host[:port]`, a bare
 * host meaning https, `http://` for a loopback host only; no path, query or user info, because both APIs live at `/`
 * and credentials never go in a URL.
 */
import { t } from '../../core/src/index';

/** Loopback only: plain HTTP elsewhere would send the signed request, and the job, in clear text. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/**
 * `what` names the address in messages ("The endpoint", "The OSS endpoint", translated by the caller); `fail` makes the caller's own error
 * type from a message, so each API reports a bad address the way it reports its other errors.
 */
export function parseServiceUrl(text: string, what: string, fail: (message: string) => Error): URL {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw fail(t('{0} "{1}" is not a URL. Write it as https://host or https://host:port.', what, trimmed));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw fail(t('{0} "{1}" uses {2}; use https://host[:port].', what, trimmed, url.protocol.replace(':', '')));
  if (url.username || url.password) throw fail(t('{0} must not contain a user name or password; credentials are configured separately.', what));
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw fail(t('{0} "{1}" has a path or query; give only the scheme, host and port (https://host[:port]).', what, trimmed));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw fail(
      t(
        'Plain http:// is refused for {0}: requests would travel unencrypted. Use https://{1}, or http:// only for a local test endpoint (127.0.0.1, localhost, ::1).',
        url.hostname,
        url.host,
      ),
    );
  }
  return url;
}
