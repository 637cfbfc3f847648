/**
 * Runs the reads a CloudCheckPlan asks for and returns the answers the core turns into diagnostics: GetProject,
 * GetBucketInfo (ListBuckets / GetBucketLocation only to learn where a bucket is), HeadObject. Never writes.
 * At most a few requests per URI, `concurrency` at a time, each bounded by its client's timeout and `signal`.
 */
import type { BucketAnswer, CheckFailure, CheckFailureReason, CloudAnswers, ObjectAnswer, ProjectAnswer } from '../../../core/src/cloud/answers';
import type { CloudCheckPlan } from '../../../core/src/cloud/resources';
import type { ImmClient } from '../client';
import { ImmApiError } from '../errors';
import type { OssBucketSummary, OssConnection } from '../oss/client';
import { OssError } from '../oss/errors';
import { inParallel, TtlCache } from './cache';
import { t } from '../../../core/src/l10n';

export const DEFAULT_CHECK_CONCURRENCY = 4;
export const DEFAULT_CACHE_TTL_MS = 30_000;

export interface CloudCheckDeps {
  readonly imm: Pick<ImmClient, 'getProject'>;
  readonly oss: OssConnection;
  /** The IMM region: projects are looked up there and buckets must be there. */
  readonly region: string;
  readonly signal?: AbortSignal;
  readonly concurrency?: number;
  /** Shared between runs (the editor): answers are reused for a short time. */
  readonly cache?: CloudAnswerCache;
}

type Answer = ProjectAnswer | BucketAnswer | ObjectAnswer;

/** Answers by identity, region and resource; failures are never cached. */
export class CloudAnswerCache {
  private readonly cache: TtlCache<Answer>;
  constructor(ttlMs = DEFAULT_CACHE_TTL_MS, now?: () => number) {
    this.cache = new TtlCache<Answer>(ttlMs, now);
  }
  get<T extends Answer>(key: string): T | undefined {
    return this.cache.get(key) as T | undefined;
  }
  set(key: string, value: Answer): void {
    if (value.state !== 'failed') this.cache.set(key, value);
  }
  clear(): void {
    this.cache.clear();
  }
}

const PERMISSIONS: Readonly<Record<string, string>> = {
  GetProject: 'imm:GetProject',
  ListProjects: 'imm:ListProjects',
  ListBuckets: 'oss:ListBuckets',
  GetBucketInfo: 'oss:GetBucketInfo',
  GetBucketLocation: 'oss:GetBucketInfo',
  ListObjectsV2: 'oss:ListObjects',
  HeadObject: 'oss:GetObject',
  GetObject: 'oss:GetObject',
};

export class CheckCancelled extends Error {
  constructor() {
    super(t('The cloud checks were cancelled.'));
    this.name = 'CheckCancelled';
  }
}

/** Any error of a call as a CheckFailure; cancellation is rethrown. */
export function toFailure(error: unknown, operation: string): CheckFailure {
  if (error instanceof OssError && error.kind === 'cancelled') throw new CheckCancelled();
  let reason: CheckFailureReason = 'service';
  if (error instanceof OssError) {
    reason =
      error.kind === 'access-denied' || error.kind === 'wrong-region'
        ? 'access-denied'
        : error.kind === 'credentials' || error.kind === 'timeout' || error.kind === 'network' || error.kind === 'endpoint'
          ? error.kind
          : 'service';
  } else if (error instanceof ImmApiError) {
    reason =
      error.kind === 'auth'
        ? error.code === 'NoPermission' || error.code.startsWith('Forbidden') || error.statusCode === 403
          ? 'access-denied'
          : 'credentials'
        : error.kind === 'credentials' || error.kind === 'timeout' || error.kind === 'network' || error.kind === 'endpoint'
          ? error.kind
          : 'service';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { reason, operation, permission: PERMISSIONS[operation] ?? operation, detail };
}

export async function runCloudChecks(plan: CloudCheckPlan, deps: CloudCheckDeps): Promise<CloudAnswers> {
  const { oss, region, signal } = deps;
  const checkCancelled = (): void => {
    if (signal?.aborted) throw new CheckCancelled();
  };
  let identity: string;
  try {
    identity = (await oss.identity()).accessKeyId;
  } catch (error) {
    return { region, project: undefined, buckets: new Map(), objects: new Map(), failure: toFailure(error, 'credentials') };
  }
  const prefix = `${identity}|${region}|${oss.override?.url ?? ''}|`;
  const cache = deps.cache;
  const cached = async <T extends Answer>(key: string, compute: () => Promise<T>): Promise<T> => {
    const hit = cache?.get<T>(prefix + key);
    if (hit) return hit;
    const value = await compute();
    checkCancelled();
    cache?.set(prefix + key, value);
    return value;
  };

  let listing: Promise<OssBucketSummary[] | undefined> | undefined;
  const allBuckets = (): Promise<OssBucketSummary[] | undefined> =>
    (listing ??= oss.listBuckets(region, signal ? { signal } : {}).then(
      (r) => r.buckets,
      () => undefined,
    ));

  const projectTask: Promise<ProjectAnswer | undefined> = plan.project
    ? cached<ProjectAnswer>(`project:${plan.project}`, async () => {
        try {
          const project = await deps.imm.getProject(plan.project!, signal ? { signal } : {});
          return { state: 'found', ...(project.description ? { description: project.description } : {}) };
        } catch (error) {
          if (error instanceof ImmApiError && error.code === 'ResourceNotFound') return { state: 'missing' };
          if (signal?.aborted) throw new CheckCancelled();
          return { state: 'failed', failure: toFailure(error, 'GetProject') };
        }
      })
    : Promise.resolve(undefined);
  // Awaited at the end; a cancellation before then must not surface as an unhandled rejection.
  projectTask.catch(() => undefined);

  const buckets = new Map<string, BucketAnswer>();
  const objects = new Map<string, ObjectAnswer>();
  const concurrency = deps.concurrency ?? DEFAULT_CHECK_CONCURRENCY;
  const call = signal ? { signal } : {};

  const bucketCheck = (bucket: string): Promise<BucketAnswer> =>
    cached<BucketAnswer>(`bucket:${bucket}`, async () => {
      try {
        const info = await oss.getBucketInfo(bucket, region, call);
        return { state: 'found', region: info.region };
      } catch (error) {
        if (!(error instanceof OssError)) return { state: 'failed', failure: toFailure(error, 'GetBucketInfo') };
        if (error.kind === 'cancelled') throw new CheckCancelled();
        if (error.kind === 'no-such-bucket') return { state: 'missing' };
        if (error.kind === 'wrong-region') return { state: 'other-region', region: await whereIs(bucket) };
        if (error.kind === 'access-denied') {
          // Without oss:GetBucketInfo the account's own listing may still say where the bucket is.
          const listed = (await allBuckets())?.find((b) => b.name === bucket);
          if (listed) return listed.region === region ? { state: 'found', region } : { state: 'other-region', region: listed.region };
        }
        return { state: 'failed', failure: toFailure(error, 'GetBucketInfo') };
      }
    });

  const whereIs = async (bucket: string): Promise<string | undefined> => {
    const listed = (await allBuckets())?.find((b) => b.name === bucket);
    if (listed) return listed.region;
    try {
      return await oss.getBucketRegion(bucket, region, call);
    } catch {
      return undefined;
    }
  };

  await inParallel(plan.buckets, concurrency, async (bucket) => {
    checkCancelled();
    buckets.set(bucket, await bucketCheck(bucket));
  });

  // Objects only in buckets known to be in the IMM region: a HEAD elsewhere says nothing about the object.
  const readable = plan.objects.filter((o) => {
    const b = buckets.get(o.bucket);
    return b?.state === 'found' && b.region === region;
  });
  await inParallel(readable, concurrency, async (object) => {
    checkCancelled();
    const uri = `oss://${object.bucket}/${object.key}`;
    if (objects.has(uri)) return;
    const answer = await cached<ObjectAnswer>(`object:${uri}`, async () => {
      try {
        const head = await oss.headObject(object.bucket, region, object.key, call);
        return { state: 'found', contentType: head.contentType, size: head.size, lastModified: head.lastModified };
      } catch (error) {
        if (error instanceof OssError && error.kind === 'no-such-key') return { state: 'missing' };
        return { state: 'failed', failure: toFailure(error, 'HeadObject') };
      }
    });
    objects.set(uri, answer);
  });

  const project = await projectTask;
  checkCancelled();
  return { region, project, buckets, objects };
}
