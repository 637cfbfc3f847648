/** Where IMM is called: a documented region's endpoint, or an explicit override (a proxy, a local test endpoint). */
import { ImmApiError } from './errors';
import { parseServiceUrl } from './serviceUrl';
import { t } from '../../core/src/index';

export interface ImmRegion {
  readonly id: string;
  readonly name: string;
}

/**
 * The regions IMM documents, in the console's order: the enum of the immHighlight.region setting, and its
 * descriptions in package.nls.json (test/unit/package/manifest.test.ts ties them).
 */
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
  { id: 'cn-beijing-gov-1', name: 'China (Beijing) Gov Cloud' },
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

export { isLoopbackHost } from './serviceUrl';

/** Parses an override (see parseServiceUrl): IMM's RPC API lives at `/`. */
export function parseEndpointOverride(text: string, regionId: string = DEFAULT_REGION): ResolvedEndpoint {
  const url = parseServiceUrl(text, t('The endpoint'), endpointError);
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
  if (!/^[a-z0-9-]+$/.test(region)) throw endpointError(t('"{0}" is not a region id such as cn-hangzhou.', region));
  if (!IMM_REGION_IDS.includes(region)) {
    throw endpointError(t('IMM is not offered in region "{0}". Use one of: {1}; or set an endpoint explicitly.', region, IMM_REGION_IDS.join(', ')));
  }
  const host = regionEndpointHost(region);
  return { host, protocol: 'HTTPS', regionId: region, url: `https://${host}`, overridden: false };
}
