/** The cloud checks as the CLI runs them: one IMM client, one OSS connection and one cache for all files. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { t, type CloudAnswers, type JobDocument } from '../../core/src/index';
import { createImmClient, ImmApiError, type CredentialSource, type ImmClient } from '../../api/src/index';
import { createOssConnection, OssError, type OssConnection } from '../../api/src/oss/index';
import { CloudAnswerCache, cloudCheckJob } from '../../api/src/cloud/index';
import { UsageError } from './io';
import { serviceFlags } from './serviceFlags';
import { TOOL } from './version';

export interface CloudFlags {
  readonly region?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly ossEndpoint?: string | undefined;
  readonly profile?: string | undefined;
  readonly timeoutMs: number;
}

export interface CloudChecker {
  readonly imm: ImmClient;
  readonly oss: OssConnection;
  readonly region: string;
  check(doc: JobDocument, signal?: AbortSignal): Promise<Diagnostic[]>;
  /** The checks' diagnostics and the answers behind them (undefined when nothing was asked). */
  inspect(doc: JobDocument, signal?: AbortSignal): Promise<{ diagnostics: Diagnostic[]; answers: CloudAnswers | undefined }>;
}

/** Throws ImmApiError / OssError (kind 'endpoint') for endpoint values that cannot work. */
export function createCloudChecker(flags: CloudFlags): CloudChecker {
  const credentials: CredentialSource = flags.profile ? { kind: 'profile', name: flags.profile } : { kind: 'default' };
  const imm = createImmClient({
    ...(flags.region ? { region: flags.region } : {}),
    ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
    credentials,
    timeoutMs: flags.timeoutMs,
    // A check is a read: a failed one is reported, not waited out with retries.
    retry: { maxAttempts: 1 },
    userAgent: `${TOOL.name}/${TOOL.version}`,
  });
  const oss = createOssConnection({ credentials, timeoutMs: flags.timeoutMs, ...(flags.ossEndpoint ? { endpoint: flags.ossEndpoint } : {}) });
  const region = imm.endpoint.regionId;
  const cache = new CloudAnswerCache();
  const inspect = async (doc: JobDocument, signal?: AbortSignal) => {
    let answers: CloudAnswers | undefined;
    const diagnostics = await cloudCheckJob(doc, { imm, oss, region, cache, ...(signal ? { signal } : {}) }, (answered) => (answers = answered));
    return { diagnostics, answers };
  };
  return {
    imm,
    oss,
    region,
    check: async (doc, signal) => (await inspect(doc, signal)).diagnostics,
    inspect,
  };
}

/** The `--cloud` flags of validate and storyboard, as node:util parseArgs reads them. */
/** The parseArgs options of the service flags every cloud-reading command takes (validate, storyboard, batch). */
export const SERVICE_FLAG_OPTIONS = {
  region: { type: 'string' },
  endpoint: { type: 'string' },
  'oss-endpoint': { type: 'string' },
  profile: { type: 'string' },
  timeout: { type: 'string' },
} as const;

export interface CloudCommandFlags {
  readonly region?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly 'oss-endpoint'?: string | undefined;
  readonly profile?: string | undefined;
  readonly timeout?: string | undefined;
}

/**
 * The checker a `--cloud` command runs, or the sentence saying why none can run (no credentials could be used):
 * said once, plainly, instead of a warning per resource. Bad flags are usage errors.
 */
export async function openCloudChecker(
  values: CloudCommandFlags,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ checker: CloudChecker } | { noCredentials: string }> {
  const service = serviceFlags(values, env, { endpoint: true, ossEndpoint: true });
  let checker: CloudChecker;
  try {
    checker = createCloudChecker({ region: service.region, endpoint: service.endpoint, ossEndpoint: service.ossEndpoint, profile: values.profile, timeoutMs });
  } catch (error) {
    if (error instanceof ImmApiError || error instanceof OssError) throw new UsageError(error.message);
    throw error;
  }
  const missing = await checker.oss.identity().then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  return missing === undefined ? { checker } : { noCredentials: missing.replace(/\s*(Nothing was submitted\.|未提交任何内容。)$/, '') };
}

/** `--region` and the other cloud flags mean nothing without `--cloud`: a usage error naming the first. */
export function requireCloudFlag(values: CloudCommandFlags & { readonly cloud?: boolean | undefined }): void {
  const cloudOnly = (Object.keys(SERVICE_FLAG_OPTIONS) as (keyof typeof SERVICE_FLAG_OPTIONS)[]).filter((flag) => values[flag] !== undefined);
  if (!values.cloud && cloudOnly.length) throw new UsageError(t('{0} goes with --cloud (the checks against the cloud).', `--${cloudOnly[0]}`));
}

/** Static and cloud findings of one file in the order of the text. */
export function byPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
