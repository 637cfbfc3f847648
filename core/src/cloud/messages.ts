/**
 * The words of the cloud findings, one table keyed by code (translations replace this table, not the code
 * that reports). Each names the resource and says what to do.
 */
import type { CheckFailure } from './answers';
import { CloudCode } from './codes';

export interface CloudMessageTable {
  readonly [CloudCode.ProjectNotFound]: (p: { project: string; region: string }) => string;
  readonly [CloudCode.BucketNotFound]: (p: { bucket: string }) => string;
  readonly [CloudCode.BucketOtherRegion]: (p: { bucket: string; bucketRegion: string | undefined; region: string }) => string;
  readonly [CloudCode.ObjectNotFound]: (p: { uri: string; what: 'video' | 'music' }) => string;
  readonly [CloudCode.NotVideo]: (p: { uri: string; contentType: string }) => string;
  readonly [CloudCode.NotAudio]: (p: { uri: string; contentType: string }) => string;
  readonly [CloudCode.OutputExists]: (p: { uri: string; size: string | undefined; lastModified: string | undefined }) => string;
  readonly [CloudCode.CheckFailed]: (p: { subject: string; failure: CheckFailure }) => string;
}

const REASONS: Readonly<Record<CheckFailure['reason'], (f: CheckFailure) => string>> = {
  'access-denied': (f) => `access was denied: grant the RAM permission ${f.permission} to this identity, or turn the cloud checks off`,
  credentials: () => 'the credentials were refused: check the AccessKey (and its STS token) and this computer\'s clock',
  timeout: () => 'there was no answer in time: check the network or proxy, or raise the request timeout',
  network: () => 'the service could not be reached: check the network, the proxy and the endpoint settings',
  endpoint: () => 'the endpoint setting cannot be used: fix it',
  service: () => 'the service answered with an error',
};

export const CLOUD_MESSAGES: CloudMessageTable = {
  [CloudCode.ProjectNotFound]: ({ project, region }) =>
    `IMM project "${project}" does not exist in region ${region}. Check the name, create the project, or choose the region it is in.`,
  [CloudCode.BucketNotFound]: ({ bucket }) => `OSS bucket "${bucket}" does not exist. Check the bucket name.`,
  [CloudCode.BucketOtherRegion]: ({ bucket, bucketRegion, region }) =>
    `OSS bucket "${bucket}" is in ${bucketRegion ?? 'another region'}, not in ${region}: IMM reads OSS in its own region. Use a bucket in ${region}, or submit to ${bucketRegion ?? "the bucket's region"}.`,
  [CloudCode.ObjectNotFound]: ({ uri, what }) => `There is no object at ${uri}. Check the path (OSS keys are case-sensitive) or upload the ${what} first.`,
  [CloudCode.NotVideo]: ({ uri, contentType }) => `${uri} is stored as ${contentType}, not as a video: a source must be a video file.`,
  [CloudCode.NotAudio]: ({ uri, contentType }) => `${uri} is stored as ${contentType}, not as audio: background music must be an audio file.`,
  [CloudCode.OutputExists]: ({ uri, size, lastModified }) =>
    `An object already exists at ${uri}${size || lastModified ? ` (${[size, lastModified && `modified ${lastModified}`].filter(Boolean).join(', ')})` : ''} and will be overwritten. Choose another Output.URI to keep it.`,
  [CloudCode.CheckFailed]: ({ subject, failure }) =>
    `Could not check ${subject}: ${REASONS[failure.reason](failure)}.${failure.detail ? ` ${failure.detail}` : ''} This does not block submitting.`,
};
