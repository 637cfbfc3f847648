/** Shared set-up of the submission tests: the local endpoint and clients signed with its test key. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createImmClient, type ImmClient, type ImmClientOptions } from '../../api/src/index';
import { TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';

export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } as const;

export function clientFor(endpoint: ImmEndpoint, options: Partial<ImmClientOptions> = {}): ImmClient {
  return createImmClient({
    endpoint: endpoint.url,
    credentials: { kind: 'accessKey', accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret },
    retry: FAST_RETRY,
    timeoutMs: 5000,
    ...options,
  });
}

export const JOBS = {
  Retrieval: {
    ProjectName: 'immtest',
    Type: 'Retrieval',
    Mode: 'Scene',
    Sources: [{ URI: 'oss://test-bucket/a.mp4' }],
    Highlight: { Content: 'Pets' },
    Output: { URI: 'oss://test-bucket/out/retrieval.mp4', MaxDuration: 10 },
    Tags: { test: 'val1' },
    UserData: '{"ID":"testuid"}',
  },
  Concat: {
    ProjectName: 'immtest',
    Type: 'Concat',
    Sources: [{ URI: 'oss://test-bucket/a.mp4', StartTime: 1.5, Duration: 3 }, { URI: 'oss://test-bucket/b.mp4' }],
    Output: { URI: 'oss://test-bucket/out/concat.mp4', Container: 'mp4', Speed: 1.0 },
  },
  Compose: {
    ProjectName: 'immtest',
    Type: 'Compose',
    Sources: [{ URI: 'oss://test-bucket/a.mp4' }],
    Edit: { Mode: 'Sequential', TransitionMode: 'Random', Transitions: [{ Transition: 'fade', Weight: 50 }] },
    Output: { URI: 'oss://test-bucket/out/compose.mp4', Container: 'mkv' },
    Notification: { MNS: { TopicName: 'topic1' } },
  },
} as const;

/** Runs `body` with environment variables replaced, restoring them afterwards. */
export async function withEnv<T>(vars: Record<string, string | undefined>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(vars);
  try {
    return await body();
  } finally {
    set(saved);
  }
}

/** Environment in which the default credentials chain finds nothing and contacts no metadata service. */
export function emptyCredentialEnv(): Record<string, string | undefined> {
  const home = mkdtempSync(join(tmpdir(), 'imm-home-'));
  return {
    HOME: home,
    ALIBABA_CLOUD_ACCESS_KEY_ID: undefined,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined,
    ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
    ALIBABA_CLOUD_ROLE_ARN: undefined,
    ALIBABA_CLOUD_OIDC_PROVIDER_ARN: undefined,
    ALIBABA_CLOUD_OIDC_TOKEN_FILE: undefined,
    ALIBABA_CLOUD_PROFILE: undefined,
    ALIBABA_CLOUD_CREDENTIALS_FILE: join(home, 'no-such-credentials'),
    ALIBABA_CLOUD_ECS_METADATA: undefined,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ALIBABA_CLOUD_CREDENTIALS_URI: undefined,
  };
}
