/** The cloud checks as the CLI runs them: one IMM client, one OSS connection and one cache for all files. */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { JobDocument } from '../../core/src/index';
import { createImmClient, type CredentialSource, type ImmClient } from '../../api/src/index';
import { createOssConnection, type OssConnection } from '../../api/src/oss/index';
import { CloudAnswerCache, cloudCheckJob } from '../../api/src/cloud/index';
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
  return {
    imm,
    oss,
    region,
    check: (doc, signal) => cloudCheckJob(doc, { imm, oss, region, cache, ...(signal ? { signal } : {}) }),
  };
}

/** Static and cloud findings of one file in the order of the text. */
export function byPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
