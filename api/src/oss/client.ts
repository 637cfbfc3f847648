/**
 * OSS reads for the cloud checks, completion and results, through ali-oss with V4 signatures. One
 * OssConnection per identity and settings; each call addresses a bucket in its own region, signs for that
 * region, and is bounded by the timeout and an AbortSignal. No vscode import: the client and the CLI share it.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type OSS from 'ali-oss';
import type Credential from '@alicloud/credentials';
import { createCredential, credentialsFailed, resolveIdentity, type CredentialSource, type ResolvedIdentity } from '../credentials';
import { cancelledError, normalizeOssError, OssError } from './errors';
import { ossRegionName, parseOssEndpoint, regionOfLocation, type OssEndpointOverride } from './endpoint';
import { loadOssSdk } from './sdk';
import { abandonable } from '../abandonable';
import { t } from '../../../core/src/index';

export const DEFAULT_OSS_TIMEOUT_MS = 10_000;

export interface OssSettings {
  /** The same chain as Submit; default: the @alicloud/credentials default chain. */
  readonly credentials?: CredentialSource;
  /**
   * Replaces the host of every OSS request (`--oss-endpoint`, `immHighlight.ossEndpoint`); requests are still
   * signed for the bucket's own region. `http://` only for loopback.
   */
  readonly endpoint?: string;
  /** Per request. */
  readonly timeoutMs?: number;
}

export interface OssCallOptions {
  readonly signal?: AbortSignal;
}

export interface OssBucketSummary {
  readonly name: string;
  /** IMM-style region id, `cn-hangzhou`. */
  readonly region: string;
  /** OSS Location, `oss-cn-hangzhou`. */
  readonly location: string;
  readonly creationDate: string | undefined;
}

export interface OssObjectSummary {
  readonly key: string;
  readonly size: number;
  /** ISO date. */
  readonly lastModified: string | undefined;
}

export interface OssFolderListing {
  /** Common prefixes, each ending with the delimiter: `videos/2026/`. */
  readonly folders: readonly string[];
  readonly objects: readonly OssObjectSummary[];
  readonly truncated: boolean;
  readonly nextContinuationToken: string | undefined;
}

export interface OssObjectHead {
  readonly key: string;
  /** As OSS stores it; OSS answers application/octet-stream when none was set. */
  readonly contentType: string | undefined;
  readonly size: number | undefined;
  readonly lastModified: string | undefined;
  readonly etag: string | undefined;
  /** x-oss-storage-class: `Standard`, `IA`, `Archive`, `ColdArchive`, `DeepColdArchive`. */
  readonly storageClass?: string | undefined;
  /** x-oss-restore as sent: `ongoing-request="false", expiry-date="…"`; absent when no restore was asked for. */
  readonly restore?: string | undefined;
}

export interface OssObjectContent extends OssObjectHead {
  readonly content: Buffer;
}

export interface OssObjectStream extends OssObjectHead {
  readonly stream: NodeJS.ReadableStream;
}

/** ali-oss options its typings leave out. */
type ClientOptions = OSS.Options & { agent?: http.Agent; httpsAgent?: https.Agent; sldEnable?: boolean };

// Plain node agents: ali-oss's default keep-alive agent is not an http.Agent, and VS Code's proxy layer then
// never starts a request to a loopback host.
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });

/** `oss://bucket/key` for messages. */
export function ossUri(bucket: string, key = ''): string {
  return `oss://${bucket}/${key}`;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export class OssConnection {
  readonly override: OssEndpointOverride | undefined;
  readonly timeoutMs: number;
  private readonly source: CredentialSource;
  private readonly credential: Credential;
  private identityPromise: Promise<ResolvedIdentity> | undefined;

  /** Throws OssError (kind 'endpoint') or ImmApiError (kind 'credentials') for settings that cannot work. */
  constructor(settings: OssSettings = {}) {
    this.override = settings.endpoint?.trim() ? parseOssEndpoint(settings.endpoint) : undefined;
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_OSS_TIMEOUT_MS;
    this.source = settings.credentials ?? { kind: 'default' };
    this.credential = createCredential(this.source);
  }

  /** Whose key signs the requests ("AccessKey LTAI****abcd from …"); loads the credentials, no request. */
  identity(): Promise<ResolvedIdentity> {
    this.identityPromise ??= resolveIdentity(this.credential, this.source).catch((error: unknown) => {
      this.identityPromise = undefined;
      throw error;
    });
    return this.identityPromise;
  }

  /**
   * A raw ali-oss client for `bucket` (optional: service calls) in `region` (IMM-style, `cn-hangzhou`), V4
   * signing, HTTPS unless the override is a loopback http:// URL. `pathStyle` puts the bucket in the path, which
   * a presigned URL for an IP endpoint needs.
   */
  async client(region: string, bucket?: string, options: { pathStyle?: boolean } = {}): Promise<OSS> {
    await this.identity();
    const model = await this.loadCredential();
    const OssSdk = loadOssSdk();
    const clientOptions: ClientOptions = {
      accessKeyId: model.accessKeyId ?? '',
      accessKeySecret: model.accessKeySecret ?? '',
      // With a token, ali-oss asks for a refresher (and warns on the console without one): the chain refreshes.
      ...(model.securityToken ? { stsToken: model.securityToken, refreshSTSToken: () => this.freshSts(), refreshSTSTokenInterval: 5 * 60_000 } : {}),
      region: ossRegionName(region),
      authorizationV4: true,
      secure: this.override ? this.override.protocol === 'https:' : true,
      timeout: this.timeoutMs,
      agent: httpAgent,
      httpsAgent,
      ...(this.override ? { endpoint: this.override.url } : {}),
      ...(bucket ? { bucket } : {}),
      ...(options.pathStyle && this.override?.isIp ? { sldEnable: true } : {}),
    };
    return new OssSdk(clientOptions);
  }

  /** The chain's current credentials; a failure (an STS refresh, say) is an ImmApiError of kind 'credentials', as in identity(). */
  private async loadCredential(): Promise<Awaited<ReturnType<Credential['getCredential']>>> {
    try {
      return await this.credential.getCredential();
    } catch (error) {
      throw credentialsFailed(this.source, error);
    }
  }

  private async freshSts(): Promise<{ accessKeyId: string; accessKeySecret: string; stsToken: string }> {
    const model = await this.loadCredential();
    return { accessKeyId: model.accessKeyId ?? '', accessKeySecret: model.accessKeySecret ?? '', stsToken: model.securityToken ?? '' };
  }

  /** Every bucket of the account, in all regions (ListBuckets, paged; at most `limit`). */
  async listBuckets(
    region: string,
    options: OssCallOptions & { prefix?: string; limit?: number } = {},
  ): Promise<{ buckets: OssBucketSummary[]; truncated: boolean }> {
    const limit = options.limit ?? 1000;
    const buckets: OssBucketSummary[] = [];
    let marker: string | undefined;
    for (;;) {
      const client = await this.client(region);
      // Empty parameters are left out: ali-oss would sign `prefix=` where OSS's V4 rule has the bare `prefix`.
      const query: Record<string, string | number> = { 'max-keys': Math.min(1000, limit - buckets.length) };
      if (options.prefix) query['prefix'] = options.prefix;
      if (marker) query['marker'] = marker;
      const page = (await this.run('ListBuckets', 'oss://', () => client.listBuckets(query as OSS.ListBucketsQueryType), options.signal)) as unknown as {
        buckets: { name: string; region: string; creationDate?: string }[] | null;
        isTruncated?: boolean;
        nextMarker?: string | null;
      };
      for (const b of page.buckets ?? []) {
        buckets.push({ name: b.name, location: b.region, region: regionOfLocation(b.region), creationDate: str(b.creationDate) });
      }
      const next = page.isTruncated ? str(page.nextMarker) : undefined;
      if (!next || buckets.length >= limit) return { buckets, truncated: !!next };
      marker = next;
    }
  }

  /** GetBucketInfo through `region`'s endpoint: throws 'no-such-bucket', or 'wrong-region' for a bucket elsewhere. */
  async getBucketInfo(bucket: string, region: string, options: OssCallOptions = {}): Promise<OssBucketSummary> {
    const client = await this.client(region);
    const result = (await this.run('GetBucketInfo', ossUri(bucket), () => client.getBucketInfo(bucket), options.signal)) as {
      bucket?: Record<string, unknown>;
    };
    const info = result.bucket ?? {};
    const location = str(info['Location']) ?? ossRegionName(region);
    return { name: str(info['Name']) ?? bucket, location, region: regionOfLocation(location), creationDate: str(info['CreationDate']) };
  }

  /** GetBucketLocation (the bucket owner only): the IMM-style region of a bucket. */
  async getBucketRegion(bucket: string, region: string, options: OssCallOptions = {}): Promise<string> {
    const client = await this.client(region);
    const result = (await this.run('GetBucketLocation', ossUri(bucket), () => client.getBucketLocation(bucket), options.signal)) as { location?: unknown };
    return regionOfLocation(str(result.location) ?? ossRegionName(region));
  }

  /** One folder level under `prefix` (ListObjectsV2 with delimiter '/'): sub-folders and objects. */
  async listFolder(
    bucket: string,
    region: string,
    prefix: string,
    options: OssCallOptions & { maxKeys?: number; continuationToken?: string; delimiter?: string } = {},
  ): Promise<OssFolderListing> {
    const client = await this.client(region, bucket);
    const query: Record<string, string | number> = { 'max-keys': options.maxKeys ?? 100 };
    const delimiter = options.delimiter ?? '/';
    if (delimiter) query['delimiter'] = delimiter;
    if (prefix) query['prefix'] = prefix;
    if (options.continuationToken) query['continuation-token'] = options.continuationToken;
    const result = await this.run('ListObjectsV2', ossUri(bucket, prefix), () => client.listV2(query as unknown as OSS.ListV2ObjectsQuery), options.signal);
    return {
      folders: result.prefixes ?? [],
      objects: (result.objects ?? []).map((o) => ({ key: o.name, size: Number(o.size), lastModified: str(o.lastModified) })),
      truncated: !!result.isTruncated,
      nextContinuationToken: str(result.nextContinuationToken),
    };
  }

  /** HeadObject: throws OssError kind 'no-such-key' when nothing is there. */
  async headObject(bucket: string, region: string, key: string, options: OssCallOptions = {}): Promise<OssObjectHead> {
    const client = await this.client(region, bucket);
    const result = await this.run('HeadObject', ossUri(bucket, key), () => client.head(key), options.signal);
    return headOf(key, (result.res as unknown as { headers: Record<string, unknown> }).headers);
  }

  /** GetObject into memory; use for small objects (playlists, metadata), not for videos. */
  async getObject(bucket: string, region: string, key: string, options: OssCallOptions = {}): Promise<OssObjectContent> {
    const client = await this.client(region, bucket);
    const result = await this.run('GetObject', ossUri(bucket, key), () => client.get(key), options.signal);
    const content = Buffer.isBuffer(result.content) ? result.content : Buffer.from(String(result.content ?? ''));
    return { ...headOf(key, (result.res as unknown as { headers: Record<string, unknown> }).headers), content };
  }

  /**
   * Every object whose key starts with `prefix` (ListObjectsV2 without a delimiter, all pages, at most `limit`),
   * in key order: the playlist and segments of a segmented output.
   */
  async listAll(
    bucket: string,
    region: string,
    prefix: string,
    options: OssCallOptions & { limit?: number } = {},
  ): Promise<{ objects: OssObjectSummary[]; truncated: boolean }> {
    const limit = options.limit ?? 10_000;
    const objects: OssObjectSummary[] = [];
    let token: string | undefined;
    for (;;) {
      const page = await this.listFolder(bucket, region, prefix, {
        delimiter: '',
        maxKeys: Math.min(1000, limit - objects.length),
        ...(token ? { continuationToken: token } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      objects.push(...page.objects);
      token = page.truncated ? page.nextContinuationToken : undefined;
      if (!token || objects.length >= limit) return { objects, truncated: !!token };
    }
  }

  /**
   * GetObject of bytes `start`..`end` (inclusive): always with a `Range` header, so a read never asks for the whole
   * object. The answer is the bytes OSS sent (fewer at the object's end; the whole object when a server ignores
   * `Range`, which the caller's byte count then shows).
   */
  async getObjectRange(bucket: string, region: string, key: string, start: number, end: number, options: OssCallOptions = {}): Promise<OssObjectContent> {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start)
      throw new RangeError(t('{0}-{1} is not a byte range.', start, end));
    const client = await this.client(region, bucket);
    const result = await this.run(
      'GetObject',
      ossUri(bucket, key),
      () => client.get(key, { headers: { Range: `bytes=${start}-${end}` }, timeout: this.timeoutMs }),
      options.signal,
    );
    const content = Buffer.isBuffer(result.content) ? result.content : Buffer.from(String(result.content ?? ''));
    return { ...headOf(key, (result.res as unknown as { headers: Record<string, unknown> }).headers), content };
  }

  /**
   * GetObject as a stream, for videos. Throws OssError ('no-such-key', …) before any byte when the object is not
   * there. The signal destroys the stream (the reader then sees an error), so a cancel stops the transfer.
   */
  async getObjectStream(bucket: string, region: string, key: string, options: OssCallOptions = {}): Promise<OssObjectStream> {
    const client = await this.client(region, bucket);
    // The request timeout bounds the wait for the answer's headers; the body of a large video may take longer.
    let result: Awaited<ReturnType<OSS['getStream']>>;
    try {
      result = await this.run('GetObject', ossUri(bucket, key), () => client.getStream(key, { timeout: this.timeoutMs }), options.signal);
    } catch (error) {
      // ali-oss drains a streamed error answer unread, so a 403 or 404 says neither its code nor whether the bucket is
      // elsewhere: ask for one byte without streaming, whose error document ali-oss parses, to learn which.
      if (!(error instanceof OssError) || (error.status !== 403 && error.status !== 404)) throw error;
      await this.run('GetObject', ossUri(bucket, key), () => client.get(key, { headers: { Range: 'bytes=0-0' } }), options.signal);
      throw error;
    }
    const stream = result.stream as NodeJS.ReadableStream & { destroy(error?: Error): void };
    const signal = options.signal;
    if (signal) {
      const onAbort = (): void => stream.destroy(cancelledError('GetObject'));
      if (signal.aborted) onAbort();
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        stream.on('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return { ...headOf(key, (result.res as unknown as { headers: Record<string, unknown> }).headers), stream };
  }

  /**
   * A presigned V4 GET URL valid for `expiresSeconds` (1 s to 7 days). It carries the STS token when there is
   * one: treat it as a secret (never log or store it).
   */
  async presignGet(bucket: string, region: string, key: string, expiresSeconds: number, options: { queries?: Record<string, string> } = {}): Promise<string> {
    const client = await this.client(region, bucket, { pathStyle: true });
    try {
      return await client.signatureUrlV4('GET', expiresSeconds, { headers: {}, ...(options.queries ? { queries: options.queries } : {}) }, key);
    } catch (error) {
      throw normalizeOssError(error, 'PresignGetObject', ossUri(bucket, key));
    }
  }

  private async run<T>(operation: string, resource: string, call: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) throw cancelledError(operation);
    try {
      return await abandonable(call(), signal, () => cancelledError(operation));
    } catch (error) {
      if (error instanceof OssError) throw error;
      throw normalizeOssError(error, operation, resource);
    }
  }
}

function headOf(key: string, headers: Record<string, unknown>): OssObjectHead {
  const length = Number(headers['content-length']);
  return {
    key,
    contentType: str(headers['content-type']),
    size: Number.isFinite(length) ? length : undefined,
    lastModified: str(headers['last-modified']),
    etag: str(headers['etag']),
    storageClass: str(headers['x-oss-storage-class']),
    restore: str(headers['x-oss-restore']),
  };
}

export function createOssConnection(settings: OssSettings = {}): OssConnection {
  return new OssConnection(settings);
}
