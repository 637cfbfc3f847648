/** Where IMM is called: a documented region's endpoint, or an explicit override (a proxy, a local test endpoint). */
import { ImmApiError } from './errors';

export interface ImmRegion {
  readonly id: string;
  readonly name: string;
}

/** The regions IMM documents, in the console's order. The VS Code setting uses the ids as its enum. */
export const IMM_REGIONS: readonly ImmRegion[] = [
  { id: 'cn-hangzhou', name: 'China (Hangzhou)' },
  { id: 'cn-shanghai', name: 'China (Shanghai)' },
  { id: 'cn-beijing', name: 'China (Beijing)' },
  { id: 'cn-zhangjiakou', name: 'China (Zhangjiakou)' },
  { id: 'cn-wulanchabu', name: 'China (Ulanqab)' },
  { id: 'cn-shenzhen', name: 'China (Shenzhen)' },
  { id: 'cn-qingdao', name: 'China (Qingdao)' },
  { id: 'cn-guangzhou', name: 'China (Guangzhou)' },
  { id: 'cn-chengdu', name: 'China (Chengdu)' },
  { id: 'cn-hongkong', name: 'China (Hong Kong)' },
  { id: 'ap-southeast-1', name: 'Singapore' },
  { id: 'ap-southeast-2', name: 'Australia (Sydney)' },
  { id: 'ap-southeast-5', name: 'Indonesia (Jakarta)' },
  { id: 'ap-south-1', name: 'India (Mumbai)' },
  { id: 'us-west-1', name: 'US (Silicon Valley)' },
  { id: 'us-east-1', name: 'US (Virginia)' },
  { id: 'eu-west-1', name: 'UK (London)' },
  { id: 'eu-central-1', name: 'Germany (Frankfurt)' },
  { id: 'cn-north-2-gov-1', name: 'China North 2 Ali Gov 1' },
  { id: 'cn-beijing-gov-1', name: 'China (Beijing) Gov 1' },
];

export const IMM_REGION_IDS: readonly string[] = IMM_REGIONS.map((r) => r.id);
export const DEFAULT_REGION = 'cn-hangzhou';

/** What openapi-core's Config takes: a host (with port when not the default) and a protocol. */
export interface ResolvedEndpoint {
  readonly host: string;
  readonly protocol: 'HTTPS' | 'HTTP';
  readonly regionId: string;
  /** For messages: `https://imm.cn-hangzhou.aliyuncs.com`. */
  readonly url: string;
  readonly overridden: boolean;
}

/** The region's endpoint. Only cn-beijing-gov-1 breaks the pattern (VPC-only). */
export function regionEndpointHost(region: string): string {
  return region === 'cn-beijing-gov-1' ? 'imm-vpc.cn-beijing-gov-1.aliyuncs.com' : `imm.${region}.aliyuncs.com`;
}

function endpointError(message: string): ImmApiError {
  return new ImmApiError({ kind: 'endpoint', code: 'InvalidEndpoint', message, retryable: false, outcomeUnknown: false });
}

/** Loopback only: plain HTTP elsewhere would send the signed request, and the job, in clear text. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/**
 * Parses an override: `https://host[:port]` (a bare `host[:port]` means https), or `http://` for a loopback
 * host only. No path, query or user info: IMM's RPC API lives at `/` and credentials never go in a URL.
 */
export function parseEndpointOverride(text: string, regionId: string = DEFAULT_REGION): ResolvedEndpoint {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw endpointError(`The endpoint "${trimmed}" is not a URL. Write it as https://host or https://host:port.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw endpointError(`The endpoint "${trimmed}" uses ${url.protocol.replace(':', '')}; use https://host[:port].`);
  }
  if (url.username || url.password) throw endpointError('The endpoint must not contain a user name or password; credentials are configured separately.');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw endpointError(`The endpoint "${trimmed}" has a path or query; give only the scheme, host and port (https://host[:port]).`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw endpointError(
      `Plain http:// is refused for ${url.hostname}: the request would travel unencrypted. Use https://${url.host}, or http:// only for a local test endpoint (127.0.0.1, localhost, ::1).`,
    );
  }
  return {
    host: url.host,
    protocol: url.protocol === 'http:' ? 'HTTP' : 'HTTPS',
    regionId,
    url: `${url.protocol}//${url.host}`,
    overridden: true,
  };
}

export interface EndpointSettings {
  readonly region?: string;
  /** Overrides the region's endpoint; see parseEndpointOverride. */
  readonly endpoint?: string;
}

export function resolveEndpoint(settings: EndpointSettings = {}): ResolvedEndpoint {
  const region = settings.region?.trim() || DEFAULT_REGION;
  if (settings.endpoint?.trim()) return parseEndpointOverride(settings.endpoint, region);
  if (!/^[a-z0-9-]+$/.test(region)) throw endpointError(`"${region}" is not a region id such as cn-hangzhou.`);
  if (!IMM_REGION_IDS.includes(region)) {
    throw endpointError(`IMM is not offered in region "${region}". Use one of: ${IMM_REGION_IDS.join(', ')}; or set an endpoint explicitly.`);
  }
  const host = regionEndpointHost(region);
  return { host, protocol: 'HTTPS', regionId: region, url: `https://${host}`, overridden: false };
}
