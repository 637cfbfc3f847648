/** What the cloud answered about each resource of a plan: the data the api/ checks return to the core. */
import type { ColdStorageClass, MediaFacts, MediaReadCost } from './mediaFacts';

/** Why a check could not run. */
export type CheckFailureReason = 'access-denied' | 'credentials' | 'timeout' | 'network' | 'endpoint' | 'service';

export interface CheckFailure {
  readonly reason: CheckFailureReason;
  /** The call that failed, e.g. `HeadObject`. */
  readonly operation: string;
  /** The RAM action the call needs, e.g. `oss:GetObject`. */
  readonly permission: string;
  /** The error's own sentence (no secrets), shown after ours. */
  readonly detail: string;
}

export type ProjectAnswer =
  { readonly state: 'found'; readonly description?: string } | { readonly state: 'missing' } | { readonly state: 'failed'; readonly failure: CheckFailure };

export type BucketAnswer =
  | { readonly state: 'found'; readonly region: string }
  /** In another region; which one when the account could tell. */
  | { readonly state: 'other-region'; readonly region: string | undefined }
  | { readonly state: 'missing' }
  | { readonly state: 'failed'; readonly failure: CheckFailure };

export type ObjectAnswer =
  | {
      readonly state: 'found';
      readonly contentType: string | undefined;
      readonly size: number | undefined;
      readonly lastModified: string | undefined;
      /** x-oss-storage-class (`Standard`, `IA`, `Archive`, `ColdArchive`, `DeepColdArchive`); absent when not told. */
      readonly storageClass?: string;
      /** x-oss-restore of a cold object: absent when no restore was asked for. */
      readonly restore?: ObjectRestore;
      /** The object's ETag: media facts are cached per bucket, key and ETag. */
      readonly etag?: string;
    }
  | { readonly state: 'missing' }
  | { readonly state: 'failed'; readonly failure: CheckFailure };

/** x-oss-restore: `ongoing-request="true"` while restoring; `"false"` with an `expiry-date` once the copy is readable. */
export interface ObjectRestore {
  readonly ongoing: boolean;
  /** As OSS sends it (an HTTP date); absent while the restore is ongoing. */
  readonly expiryDate?: string;
}

export interface CloudAnswers {
  /** The IMM region the job is checked for. */
  readonly region: string;
  readonly project: ProjectAnswer | undefined;
  readonly buckets: ReadonlyMap<string, BucketAnswer>;
  /** Keyed by `oss://bucket/key`. */
  readonly objects: ReadonlyMap<string, ObjectAnswer>;
  /** Set when no check could run at all (no credentials, a bad endpoint): one finding instead of many. */
  readonly failure?: CheckFailure;
  /** Names read only beside a finding, for its quick fixes; absent when the read failed or was not needed. */
  readonly candidates?: CloudCandidates;
  /** Media facts of source and music objects, keyed by `oss://bucket/key`; absent when media was not read. */
  readonly media?: ReadonlyMap<string, MediaAnswer>;
}

export interface CloudCandidates {
  /** The region's projects (one ListProjects page), read when the job's project is missing. */
  readonly projects?: readonly string[];
  /** Object keys of a folder (one ListObjectsV2 page), keyed by `oss://bucket/folder/` (fixes.ts folderUriOf). */
  readonly folders?: ReadonlyMap<string, readonly string[]>;
}

export type MediaAnswer =
  | { readonly state: 'read'; readonly facts: MediaFacts; readonly read: MediaReadCost }
  /** The container could not be read (unknown format, corrupt): said so, never guessed. */
  | { readonly state: 'unreadable'; readonly reason: string; readonly read: MediaReadCost }
  /** Not read: in cold storage without a finished restore. */
  | { readonly state: 'archived'; readonly storageClass: ColdStorageClass }
  | { readonly state: 'failed'; readonly failure: CheckFailure };
