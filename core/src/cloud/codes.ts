/** Findings of the cloud checks. Codes are stable: users filter on them and the README lists them. */
export enum CloudCode {
  ProjectNotFound = 'project-not-found',
  BucketNotFound = 'oss-bucket-not-found',
  BucketOtherRegion = 'oss-bucket-other-region',
  ObjectNotFound = 'oss-object-not-found',
  NotVideo = 'oss-not-video',
  NotAudio = 'oss-not-audio',
  OutputExists = 'output-exists',
  CheckFailed = 'cloud-check-failed',
}

export const CLOUD_CODES: readonly string[] = Object.values(CloudCode);
