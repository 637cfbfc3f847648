/**
 * OSS reads (ali-oss, V4), shared by the cloud checks, live completion and results. ali-oss itself is loaded
 * on the first call (./sdk). Start with createOssConnection(settings), then call its methods with a bucket and
 * the IMM-style region it lives in.
 */
export { createOssConnection, DEFAULT_OSS_TIMEOUT_MS, OssConnection, ossUri } from './client';
export type {
  OssBucketSummary,
  OssCallOptions,
  OssFolderListing,
  OssObjectContent,
  OssObjectHead,
  OssObjectStream,
  OssObjectSummary,
  OssSettings,
} from './client';
export { ossRegionName, parseOssEndpoint, regionOfLocation } from './endpoint';
export type { OssEndpointOverride } from './endpoint';
export { normalizeOssError, OssError } from './errors';
export type { OssErrorKind } from './errors';
export { loadOssSdk, OSS_SDK_BUNDLE } from './sdk';
