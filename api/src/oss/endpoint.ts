/** Where OSS is called: `https://oss-<region>.aliyuncs.com` per bucket region, or one override for every request. */
import { parseServiceUrl } from '../serviceUrl';
import { OssError } from './errors';
import { t } from '../../../core/src/index';

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

/** See parseServiceUrl; ali-oss is given the origin. */
export function parseOssEndpoint(text: string): OssEndpointOverride {
  const url = parseServiceUrl(text, t('The OSS endpoint'), endpointError);
  // ali-oss refuses a bracketed IPv6 literal ("must be conform to the specifications") on every request: say so now.
  if (url.hostname.startsWith('['))
    throw endpointError(
      t(
        'The OSS endpoint "{0}" is an IPv6 address, which the OSS SDK cannot address. Use a host name, or http://127.0.0.1:PORT for a local test endpoint.',
        text.trim(),
      ),
    );
  // `localhost` would become `<bucket>.localhost`, which does not resolve everywhere: use the address itself.
  const hostname = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
  const protocol = url.protocol === 'http:' ? 'http:' : 'https:';
  return { protocol, url: `${url.protocol}//${hostname}${url.port ? `:${url.port}` : ''}`, isIp };
}

/** IMM region id -> the ali-oss region name: `cn-hangzhou` -> `oss-cn-hangzhou`. */
export function ossRegionName(region: string): string {
  return region.startsWith('oss-') ? region : `oss-${region}`;
}

/** A bucket Location (`oss-cn-hangzhou`) -> IMM region id (`cn-hangzhou`). */
export function regionOfLocation(location: string): string {
  return location.replace(/^oss-/, '');
}
