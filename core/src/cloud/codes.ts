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

/** The severity of each finding (issue #12's table); the README lists the same. */
export const CLOUD_SEVERITIES: Readonly<Record<CloudCode, 'error' | 'warning'>> = {
  [CloudCode.ProjectNotFound]: 'error',
  [CloudCode.BucketNotFound]: 'error',
  [CloudCode.BucketOtherRegion]: 'error',
  [CloudCode.ObjectNotFound]: 'error',
  [CloudCode.NotVideo]: 'warning',
  [CloudCode.NotAudio]: 'warning',
  [CloudCode.OutputExists]: 'warning',
  [CloudCode.CheckFailed]: 'warning',
};
