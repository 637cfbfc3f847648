import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../test/imm-endpoint/server';
import { startOssEndpoint, type OssEndpoint } from '../test/oss-endpoint/server';

/**
 * Services `npm run demo` starts beside VS Code. Submission is demonstrated against the local IMM endpoint
 * (it verifies signatures like the service and moves tasks from Running to Succeeded), so Submit works
 * without a cloud account.
 */
export interface DemoServices {
  /** Extra settings for the demo profile. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Environment for code-server and so for the extension host: the local endpoint's test AccessKey. */
  readonly env: NodeJS.ProcessEnv;
  /** Lines printed under the URL. */
  readonly notes: readonly string[];
  /** The local IMM endpoint, whose request log the UI test reads. */
  readonly endpoint: ImmEndpoint;
  /** The local OSS endpoint with the sample buckets of the demo jobs (completion and cloud checks). */
  readonly ossEndpoint: OssEndpoint;
  stop(): Promise<void>;
}

export async function startDemoServices(): Promise<DemoServices> {
  const [endpoint, ossEndpoint] = await Promise.all([startImmEndpoint(), startOssEndpoint()]);
  return {
    settings: { 'immHighlight.endpoint': endpoint.url, 'immHighlight.ossEndpoint': ossEndpoint.url },
    // The default credential chain reads these first; they are the local endpoint's test key, not a real one.
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_ACCESS_KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_ACCESS_KEY.secret },
    notes: [
      `Local IMM endpoint (Submit task goes here): ${endpoint.url}`,
      `Local OSS endpoint (buckets test-bucket, team-archive, shanghai-footage in cn-shanghai; type oss:// in a URI): ${ossEndpoint.url}`,
    ],
    endpoint,
    ossEndpoint,
    stop: async () => {
      await Promise.all([endpoint.close(), ossEndpoint.close()]);
    },
  };
}
