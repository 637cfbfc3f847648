/**
 * The flags every cloud command shares, checked before anything is sent: --region, --endpoint and --oss-endpoint,
 * with IMM_HIGHLIGHT_ENDPOINT / IMM_HIGHLIGHT_OSS_ENDPOINT (and ALIBABA_CLOUD_REGION_ID) from the environment as
 * defaults. A flag wins over the environment; a value that cannot work is a usage error naming where it came from.
 */
import { IMM_REGION_IDS, ImmApiError, parseEndpointOverride } from '../../api/src/index';
import { OssError, parseOssEndpoint } from '../../api/src/oss/index';
import { t } from '../../core/src/index';
import { UsageError } from './io';

export const ENDPOINT_ENV = 'IMM_HIGHLIGHT_ENDPOINT';
export const OSS_ENDPOINT_ENV = 'IMM_HIGHLIGHT_OSS_ENDPOINT';
export const REGION_ENV = 'ALIBABA_CLOUD_REGION_ID';

interface Given {
  readonly region?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly 'oss-endpoint'?: string | undefined;
}

export interface ServiceFlags {
  readonly region: string | undefined;
  readonly endpoint: string | undefined;
  readonly ossEndpoint: string | undefined;
}

/** The value and where it came from: `--flag` or the environment variable, for messages. */
function pick(flag: string, given: string | undefined, env: NodeJS.ProcessEnv, variable: string): { value: string; source: string } | undefined {
  if (given !== undefined) return { value: given, source: `--${flag}` };
  const fromEnv = env[variable]?.trim();
  return fromEnv ? { value: fromEnv, source: variable } : undefined;
}

function usage(source: string, error: unknown): never {
  if (error instanceof ImmApiError || error instanceof OssError) throw new UsageError(`${source}: ${error.message}`);
  throw error;
}

/** Reads and checks the service flags; `which` says which of them the command takes. */
export function serviceFlags(values: Given, env: NodeJS.ProcessEnv, which: { endpoint: boolean; ossEndpoint: boolean }): ServiceFlags {
  const region = pick('region', values.region, env, REGION_ENV);
  if (region && !IMM_REGION_IDS.includes(region.value)) {
    throw new UsageError(t('{0}: "{1}" is not a region IMM is offered in. Use one of: {2}.', region.source, region.value, IMM_REGION_IDS.join(', ')));
  }
  const endpoint = which.endpoint ? pick('endpoint', values.endpoint, env, ENDPOINT_ENV) : undefined;
  if (endpoint) {
    try {
      parseEndpointOverride(endpoint.value);
    } catch (error) {
      usage(endpoint.source, error);
    }
  }
  const ossEndpoint = which.ossEndpoint ? pick('oss-endpoint', values['oss-endpoint'], env, OSS_ENDPOINT_ENV) : undefined;
  if (ossEndpoint) {
    try {
      parseOssEndpoint(ossEndpoint.value);
    } catch (error) {
      usage(ossEndpoint.source, error);
    }
  }
  return { region: region?.value, endpoint: endpoint?.value, ossEndpoint: ossEndpoint?.value };
}
