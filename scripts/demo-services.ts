import { join } from 'node:path';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../test/endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../test/endpoints/oss/server';
import { demoBuckets } from '../test/endpoints/oss/state';
import { ossOutputWriter } from '../test/support/ossOutputWriter';

/**
 * Services `npm run demo` starts beside VS Code. Submission is demonstrated against the local IMM endpoint
 * (it verifies signatures like the service and moves tasks from Running to Succeeded), so Submit works
 * without a cloud account. The local OSS endpoint serves the demo buckets with small real videos and music
 * (test/fixtures/media), and a task that succeeds writes its result there at Output.URI, so Open / Preview /
 * Download of the demo's own tasks work.
 */
export interface DemoServices {
  /** Extra settings for the demo profile. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Environment for code-server and so for the extension host and the terminal: endpoints and the test AccessKey. */
  readonly env: NodeJS.ProcessEnv;
  /** Lines printed under the URL. */
  readonly notes: readonly string[];
  /** The local IMM endpoint, whose request log the UI test reads. */
  readonly endpoint: ImmEndpoint;
  /** The local OSS endpoint with the sample buckets of the demo jobs (completion and cloud checks). */
  readonly ossEndpoint: OssEndpoint;
  stop(): Promise<void>;
}

/** `cli`: how the notes start the command line tool (default: the built dist/cli.js of this checkout). */
export async function startDemoServices(cli = `node ${join(__dirname, '..', 'dist', 'cli.js')}`): Promise<DemoServices> {
  const ossEndpoint = await startOssEndpoint({ buckets: demoBuckets() });
  // The IMM endpoint knows no storage: the demo hands it a writer into the OSS endpoint it started.
  const endpoint = await startImmEndpoint({ writeOutput: ossOutputWriter(ossEndpoint.state) }).catch(async (error: unknown) => {
    await ossEndpoint.close();
    throw error;
  });
  // The CLI reads these two as its defaults; the terminal of the demo gets them (and the test key) from code-server.
  const endpoints = { IMM_HIGHLIGHT_ENDPOINT: endpoint.url, IMM_HIGHLIGHT_OSS_ENDPOINT: ossEndpoint.url };
  const flags = `--endpoint ${endpoint.url} --oss-endpoint ${ossEndpoint.url}`;
  return {
    settings: {
      'immHighlight.endpoint': endpoint.url,
      'immHighlight.ossEndpoint': ossEndpoint.url,
      // code-server's own environment reaches its terminals too; the setting keeps them when a user's shell profile resets it.
      'terminal.integrated.env.linux': endpoints,
    },
    // The default credential chain reads these first; they are the local endpoint's test key, not a real one.
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_ACCESS_KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_ACCESS_KEY.secret, ...endpoints },
    notes: [
      `Local IMM endpoint (Submit task goes here): ${endpoint.url}`,
      `Local OSS endpoint (buckets test-bucket, team-archive, shanghai-footage in cn-shanghai; type oss:// in a URI): ${ossEndpoint.url}`,
      'A task that succeeds writes a real, playable result at its Output.URI there (its first source; a playlist and segments for Output.Segment).',
      '',
      "The command line, in VS Code's terminal (Terminal > New Terminal: IMM_HIGHLIGHT_ENDPOINT, IMM_HIGHLIGHT_OSS_ENDPOINT and the test AccessKey are set there):",
      `  ${cli} validate --cloud concat.highlight.yaml ${flags}`,
      `  ${cli} submit concat.highlight.yaml --wait ${flags}`,
      `  ${cli} output oss://test-bucket/highlights/keynote-and-demo.mp4 --download keynote-and-demo.mp4 --oss-endpoint ${ossEndpoint.url}`,
    ],
    endpoint,
    ossEndpoint,
    stop: async () => {
      await Promise.all([endpoint.close(), ossEndpoint.close()]);
    },
  };
}
