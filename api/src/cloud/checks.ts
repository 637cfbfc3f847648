/**
 * Runs the reads a CloudCheckPlan asks for and returns the answers the core turns into diagnostics: GetProject,
 * GetBucketInfo (ListBuckets / GetBucketLocation only to learn where a bucket is), HeadObject. Never writes.
 * At most a few requests per URI, `concurrency` at a time, each bounded by its client's timeout and `signal`.
 */
import {
  type BucketAnswer,
  type CheckFailure,
  type CheckFailureReason,
  type CloudAnswers,
  type CloudCandidates,
  type MediaAnswer,
  type ObjectAnswer,
  type ProjectAnswer,
  folderOf,
  folderUriOf,
  type CloudCheckPlan,
  t,
} from '../../../core/src/index';
import type { ImmClient } from '../client';
import { ImmApiError } from '../errors';
import type { OssBucketSummary, OssConnection } from '../oss/client';
import { OssError } from '../oss/errors';
import { inParallel } from './cache';
import { abandonable } from '../abandonable';
import { SharedLookups, type LookupPolicy } from './lookups';
import { parseRestoreHeader, readObjectMedia } from '../media/objectMedia';

export const DEFAULT_CHECK_CONCURRENCY = 4;
export const DEFAULT_CACHE_TTL_MS = 30_000;
/** A denied or unreachable resource is asked again after this long, not on every keystroke or file opened. */
export const DEFAULT_FAILURE_TTL_MS = 30_000;
/** One check run, however many resources the job names: what is not answered by then is reported as timed out. */
export const DEFAULT_CHECK_DEADLINE_MS = 20_000;
/** Media reads at once: each is a few ranged GETs. */
export const DEFAULT_MEDIA_CONCURRENCY = 2;
/** One object's media read (all its ranged GETs), within the run's deadline. */
export const DEFAULT_MEDIA_TIMEOUT_MS = 15_000;

export interface CloudCheckDeps {
  /** listProjects: for the "did you mean" of a missing project; without it that fix is not offered. */
  readonly imm: Pick<ImmClient, 'getProject'> & Partial<Pick<ImmClient, 'listProjects'>>;
  readonly oss: OssConnection;
  /** The IMM region: projects are looked up there and buckets must be there. */
  readonly region: string;
  readonly signal?: AbortSignal;
  readonly concurrency?: number;
  /** Shared between runs and documents (the editor): answers are reused for a short time, failures shorter. */
  readonly cache?: CloudAnswerCache;
  /** The whole run's deadline; DEFAULT_CHECK_DEADLINE_MS when absent. */
  readonly deadlineMs?: number;
  /**
   * Read the media facts of every source and music object that exists (ranged GETs, see api/src/media): on unless
   * false. The editor's `immHighlight.cloudChecks: off` runs no cloud checks at all, so none of this either.
   */
  readonly media?: boolean;
  /** One object's media read; DEFAULT_MEDIA_TIMEOUT_MS when absent. */
  readonly mediaTimeoutMs?: number;
}

type Answer = ProjectAnswer | BucketAnswer | ObjectAnswer;

/**
 * Answers by identity, region and resource, shared by every document and feature that asks: one request in
 * flight per resource, answers kept DEFAULT_CACHE_TTL_MS, failures DEFAULT_FAILURE_TTL_MS.
 */
export class CloudAnswerCache {
  readonly lookups: SharedLookups;
  /**
   * Media facts by identity, region, object and ETag: kept for the session (an unchanged object is never read twice;
   * a changed one has a new ETag), failures for the failure time. Cleared with the answers.
   */
  readonly media: SharedLookups;
  constructor(policy: LookupPolicy = { answerTtlMs: DEFAULT_CACHE_TTL_MS, failureTtlMs: DEFAULT_FAILURE_TTL_MS }, now?: () => number) {
    const isCancellation = (error: unknown): boolean => error instanceof CheckCancelled || (error instanceof OssError && error.kind === 'cancelled');
    this.lookups = new SharedLookups(policy, now, isCancellation);
    this.media = new SharedLookups({ answerTtlMs: Number.POSITIVE_INFINITY, failureTtlMs: policy.failureTtlMs }, now, isCancellation);
  }
  clear(): void {
    this.lookups.clear();
    this.media.clear();
  }
}

/** The key prefix of one identity, region and endpoint: answers of one never serve another. */
export function answerKeyPrefix(accessKeyId: string, region: string, oss: Pick<OssConnection, 'override'>): string {
  return `${accessKeyId}|${region}|${oss.override?.url ?? ''}|`;
}

/** HeadObject as an answer, shared by the checks and the Output.URI CodeLens under `object:oss://bucket/key`. */
export async function headObjectAnswer(oss: OssConnection, bucket: string, region: string, key: string, signal?: AbortSignal): Promise<ObjectAnswer> {
  try {
    const head = await oss.headObject(bucket, region, key, signal ? { signal } : {});
    const restore = parseRestoreHeader(head.restore);
    return {
      state: 'found',
      contentType: head.contentType,
      size: head.size,
      lastModified: head.lastModified,
      ...(head.storageClass ? { storageClass: head.storageClass } : {}),
      ...(restore ? { restore } : {}),
      ...(head.etag ? { etag: head.etag } : {}),
    };
  } catch (error) {
    if (error instanceof OssError && error.kind === 'no-such-key') return { state: 'missing' };
    return { state: 'failed', failure: toFailure(error, 'HeadObject') };
  }
}

export const objectAnswerKey = (bucket: string, key: string): string => `object:oss://${bucket}/${key}`;

/** The media facts of one version of an object: a new ETag (or, without one, a new date or size) is read anew. */
export const mediaAnswerKey = (bucket: string, key: string, head: Extract<ObjectAnswer, { state: 'found' }>): string =>
  `media:oss://${bucket}/${key}#${head.etag ?? `${head.lastModified ?? ''}/${head.size ?? ''}`}`;

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

class DeadlineReached extends Error {}

export async function runCloudChecks(plan: CloudCheckPlan, deps: CloudCheckDeps): Promise<CloudAnswers> {
  const { oss, region, signal: outer } = deps;
  const checkCancelled = (): void => {
    if (outer?.aborted) throw new CheckCancelled();
  };
  let identity: string;
  try {
    identity = (await oss.identity()).accessKeyId;
  } catch (error) {
    return { region, project: undefined, buckets: new Map(), objects: new Map(), failure: toFailure(error, 'credentials') };
  }
  const prefix = answerKeyPrefix(identity, region, oss);
  const lookups = (deps.cache ?? new CloudAnswerCache()).lookups;

  // The run ends at its deadline or when the caller cancels, whichever comes first.
  const deadlineMs = deps.deadlineMs ?? DEFAULT_CHECK_DEADLINE_MS;
  const run = new AbortController();
  let deadlineReached = false;
  const timer = setTimeout(() => {
    deadlineReached = true;
    run.abort();
  }, deadlineMs);
  const onOuterAbort = (): void => run.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const stopReason = (): Error => (outer?.aborted || !deadlineReached ? new CheckCancelled() : new DeadlineReached());
  // A shared request serves other documents too: one run's end does not cancel it, but the cache's clear() does (the
  // settings, credentials or trust it was started under have changed); a request of the run's own ends with the run.
  const loadSignal = deps.cache ? lookups.signal : run.signal;
  const call = { signal: loadSignal };
  const timedOut = (operation: string): { state: 'failed'; failure: CheckFailure } => ({
    state: 'failed',
    failure: {
      reason: 'timeout',
      operation,
      permission: PERMISSIONS[operation] ?? operation,
      detail: t('The cloud checks of this job took longer than {0} seconds, and the rest were not asked.', Math.round(deadlineMs / 1000)),
    },
  });

  const cached = async <T extends Answer>(key: string, operation: string, compute: () => Promise<T>): Promise<T> => {
    checkCancelled();
    // Cleared since this run began: a look-up started now would carry the old settings into the new cache.
    if (loadSignal.aborted) throw new CheckCancelled();
    if (deadlineReached) return timedOut(operation) as T;
    try {
      return await abandonable(lookups.run<T>(prefix + key, compute, { isFailure: (a) => a.state === 'failed' }), run.signal, stopReason);
    } catch (error) {
      if (error instanceof DeadlineReached || (deadlineReached && !outer?.aborted)) return timedOut(operation) as T;
      throw error;
    }
  };

  const allBuckets = (): Promise<OssBucketSummary[] | undefined> =>
    loadSignal.aborted
      ? Promise.resolve(undefined)
      : lookups.run(prefix + 'buckets', () => oss.listBuckets(region, call).then((r) => r.buckets)).catch(() => undefined);

  try {
    const projectTask: Promise<ProjectAnswer | undefined> = plan.project
      ? cached<ProjectAnswer>(`project:${plan.project}`, 'GetProject', async () => {
          try {
            const project = await deps.imm.getProject(plan.project!, call);
            return { state: 'found', ...(project.description ? { description: project.description } : {}) };
          } catch (error) {
            if (error instanceof ImmApiError && error.code === 'ResourceNotFound') return { state: 'missing' };
            if (loadSignal.aborted) throw new CheckCancelled();
            return { state: 'failed', failure: toFailure(error, 'GetProject') };
          }
        })
      : Promise.resolve(undefined);
    // Awaited at the end; a cancellation before then must not surface as an unhandled rejection.
    projectTask.catch(() => undefined);

    const buckets = new Map<string, BucketAnswer>();
    const objects = new Map<string, ObjectAnswer>();
    const concurrency = deps.concurrency ?? DEFAULT_CHECK_CONCURRENCY;

    const whereIs = async (bucket: string): Promise<string | undefined> => {
      const listed = (await allBuckets())?.find((b) => b.name === bucket);
      if (listed) return listed.region;
      try {
        return await oss.getBucketRegion(bucket, region, call);
      } catch {
        return undefined;
      }
    };

    const bucketCheck = (bucket: string): Promise<BucketAnswer> =>
      cached<BucketAnswer>(`bucket:${bucket}`, 'GetBucketInfo', async () => {
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

    await inParallel(plan.buckets, concurrency, async (bucket) => {
      buckets.set(bucket, await bucketCheck(bucket));
    });

    // Objects only in buckets known to be in the IMM region: a HEAD elsewhere says nothing about the object.
    const readable = plan.objects.filter((o) => {
      const b = buckets.get(o.bucket);
      return b?.state === 'found' && b.region === region;
    });
    await inParallel(readable, concurrency, async (object) => {
      const uri = `oss://${object.bucket}/${object.key}`;
      if (objects.has(uri)) return;
      objects.set(
        uri,
        await cached<ObjectAnswer>(objectAnswerKey(object.bucket, object.key), 'HeadObject', () =>
          headObjectAnswer(oss, object.bucket, region, object.key, loadSignal),
        ),
      );
    });

    // Media facts of the sources and music that exist, read once per object version for the session.
    const mediaLookups = deps.cache?.media ?? new SharedLookups({ answerTtlMs: Number.POSITIVE_INFINITY, failureTtlMs: DEFAULT_FAILURE_TTL_MS });
    const mediaSignal = deps.cache ? mediaLookups.signal : run.signal;
    const mediaTimeoutMs = deps.mediaTimeoutMs ?? DEFAULT_MEDIA_TIMEOUT_MS;
    const readOne = async (bucket: string, key: string, head: Extract<ObjectAnswer, { state: 'found' }>): Promise<MediaAnswer> => {
      const stop = new AbortController();
      let timedOutHere = false;
      const timer = setTimeout(() => {
        timedOutHere = true;
        stop.abort();
      }, mediaTimeoutMs);
      const onStale = (): void => stop.abort();
      mediaSignal.addEventListener('abort', onStale, { once: true });
      try {
        return await readObjectMedia(oss, bucket, region, key, head, { signal: stop.signal });
      } catch (error) {
        if (timedOutHere) {
          const detail = t('Reading the media of {0} took longer than {1} seconds.', `oss://${bucket}/${key}`, Math.round(mediaTimeoutMs / 1000));
          return { state: 'failed', failure: { reason: 'timeout', operation: 'GetObject', permission: PERMISSIONS['GetObject']!, detail } };
        }
        if (mediaSignal.aborted) throw new CheckCancelled();
        return { state: 'failed', failure: toFailure(error, 'GetObject') };
      } finally {
        clearTimeout(timer);
        mediaSignal.removeEventListener('abort', onStale);
      }
    };
    const readMedia = async (): Promise<Map<string, MediaAnswer>> => {
      const answers = new Map<string, MediaAnswer>();
      const wanted = new Map<string, { bucket: string; key: string; head: Extract<ObjectAnswer, { state: 'found' }> }>();
      for (const object of plan.objects) {
        const uri = `oss://${object.bucket}/${object.key}`;
        const head = objects.get(uri);
        if ((object.field === 'source' || object.field === 'music') && head?.state === 'found')
          wanted.set(uri, { bucket: object.bucket, key: object.key, head });
      }
      await inParallel([...wanted], Math.min(concurrency, DEFAULT_MEDIA_CONCURRENCY), async ([uri, { bucket, key, head }]) => {
        checkCancelled();
        if (mediaSignal.aborted) throw new CheckCancelled();
        if (deadlineReached) {
          answers.set(uri, timedOut('GetObject'));
          return;
        }
        try {
          const load = mediaLookups.run<MediaAnswer>(prefix + mediaAnswerKey(bucket, key, head), () => readOne(bucket, key, head), {
            isFailure: (a) => a.state === 'failed',
          });
          answers.set(uri, await abandonable(load, run.signal, stopReason));
        } catch (error) {
          if (error instanceof DeadlineReached || (deadlineReached && !outer?.aborted)) answers.set(uri, timedOut('GetObject'));
          else throw error;
        }
      });
      return answers;
    };
    // Beside the quick fixes' listings, not before them: the media reads delay the other answers no longer than needed.
    const mediaTask = deps.media === false ? Promise.resolve(undefined) : readMedia();
    mediaTask.catch(() => undefined);

    const project = await projectTask;
    checkCancelled();
    // Bounded by the run (its deadline or the caller's cancel), like the checks themselves.
    const candidates = deadlineReached ? undefined : await readCandidates(plan, deps, project, objects, run.signal);
    const media = await mediaTask;
    checkCancelled();
    return { region, project, buckets, objects, ...(candidates ? { candidates } : {}), ...(media ? { media } : {}) };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** How many names one listing reads for the quick fixes: one page, as completion does. */
const CANDIDATE_PAGE = 200;

/**
 * Names for the quick fixes of the findings: the region's projects when the project is missing, and the folder of
 * each missing source or music object and of an output that exists. Read only beside such a finding (one page
 * each); a failed read just means no fix.
 */
async function readCandidates(
  plan: CloudCheckPlan,
  deps: CloudCheckDeps,
  project: ProjectAnswer | undefined,
  objects: ReadonlyMap<string, ObjectAnswer>,
  signal: AbortSignal,
): Promise<CloudCandidates | undefined> {
  const call = { signal };
  const listProjects = deps.imm.listProjects?.bind(deps.imm);
  const projects =
    project?.state === 'missing' && listProjects
      ? listProjects({ maxResults: CANDIDATE_PAGE }, call).then(
          (page) => page.projects.map((p) => p.projectName),
          () => undefined,
        )
      : Promise.resolve(undefined);
  const wanted = new Map<string, { bucket: string; prefix: string }>();
  for (const object of plan.objects) {
    const answer = objects.get(`oss://${object.bucket}/${object.key}`)?.state;
    if ((object.field === 'output' && answer === 'found') || (object.field !== 'output' && answer === 'missing')) {
      wanted.set(folderUriOf(object.bucket, object.key), { bucket: object.bucket, prefix: folderOf(object.key) });
    }
  }
  const folders = new Map<string, readonly string[]>();
  await inParallel([...wanted], deps.concurrency ?? DEFAULT_CHECK_CONCURRENCY, async ([uri, { bucket, prefix }]) => {
    const listing = await deps.oss.listFolder(bucket, deps.region, prefix, { ...call, maxKeys: CANDIDATE_PAGE }).catch(() => undefined);
    if (listing)
      folders.set(
        uri,
        listing.objects.map((o) => o.key),
      );
  });
  const names = await projects;
  if (!names && folders.size === 0) return undefined;
  return { ...(names ? { projects: names } : {}), ...(folders.size ? { folders } : {}) };
}
