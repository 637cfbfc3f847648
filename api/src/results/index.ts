/** A finished task's result in OSS: where it is, presigned URLs to it, and atomic downloads. No vscode import. */
export { downloadFolderName, isPrefix, ossConsoleUrl, parseOssLocation, segmentPrefix } from './outputLocation';
export type { OssLocation } from './outputLocation';
export { isPlaylistOrPrefix, isSegmentedOutput, jobOutputOf } from './jobOutput';
export type { JobOutput } from './jobOutput';
export { checkPresignSeconds, DEFAULT_PRESIGN_SECONDS, MAX_PRESIGN_SECONDS, presignObject } from './presign';
export type { PresignedUrl } from './presign';
export {
  downloadObject,
  downloadOutput,
  downloadPlaylist,
  downloadPrefix,
  downloadSegmented,
  LocalWriteError,
  removeStaleParts,
  TargetExistsError,
  TargetUnusableError,
} from './download';
export type { DownloadedFile, DownloadOptions, DownloadProgress, DownloadResult, SkippedKey } from './download';
export { planLocalFiles } from './localPlan';
export { inBucketRegion } from './bucketRegion';
