/** Where OSS is called: `https://oss-<region>.aliyuncs.com` per bucket region, or one override for every request. */
import { isLoopbackHost } from '../endpoint';
import { OssError } from './errors';

export interface OssEndpointOverride {
  readonly protocol: 'http:' | 'https:';
  /** What ali-oss is given, `http://127.0.0.1:9000`. */
  readonly url: string;
  /** An IP address: ali-oss then sends the bucket in the Host header and keeps the key as the path. */
  readonly isIp: boolean;
}

function endpointError(message: string): OssError {
  return new OssError({ kind: 'endpoint', code: 'InvalidEndpoint', message });
}

/** `https://host[:port]`, a bare host meaning https; `http://` only for a loopback host. */
export function parseOssEndpoint(text: string): OssEndpointOverride {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw endpointError(`The OSS endpoint "${trimmed}" is not a URL. Write it as https://host or https://host:port.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw endpointError(`The OSS endpoint "${trimmed}" uses ${url.protocol.replace(':', '')}; use https://host[:port].`);
  if (url.username || url.password) throw endpointError('The OSS endpoint must not contain a user name or password; credentials are configured separately.');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw endpointError(`The OSS endpoint "${trimmed}" has a path or query; give only the scheme, host and port (https://host[:port]).`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw endpointError(
      `Plain http:// is refused for the OSS endpoint ${url.hostname}: requests would travel unencrypted. Use https://${url.host}, or http:// only for a local test endpoint (127.0.0.1, localhost, ::1).`,
    );
  }
  // `localhost` would become `<bucket>.localhost`, which does not resolve everywhere: use the address itself.
  const hostname = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');
  return { protocol: url.protocol, url: `${url.protocol}//${hostname}${url.port ? `:${url.port}` : ''}`, isIp };
}

/** IMM region id -> the ali-oss region name: `cn-hangzhou` -> `oss-cn-hangzhou`. */
export function ossRegionName(region: string): string {
  return region.startsWith('oss-') ? region : `oss-${region}`;
}

/** A bucket Location (`oss-cn-hangzhou`) -> IMM region id (`cn-hangzhou`). */
export function regionOfLocation(location: string): string {
  return location.replace(/^oss-/, '');
}
