/**
 * The words of the cloud findings, one table keyed by code (translations replace this table, not the code
 * that reports). Each names the resource and says what to do.
 */
import type { CheckFailure } from './answers';
import { CloudCode } from '../shared/codes';
import { t } from '../shared/l10n';

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

// Functions of the finding, called when it is reported: a table of texts would be filled before the display
// language is chosen. Every variant is its own literal, so it can be translated.
const REASONS: Readonly<Record<CheckFailure['reason'], (f: CheckFailure) => string>> = {
  'access-denied': (f) => t('access was denied: grant the RAM permission {0} to this identity, or turn the cloud checks off', f.permission),
  credentials: () => t("the credentials were refused: check the AccessKey (and its STS token) and this computer's clock"),
  timeout: () => t('there was no answer in time: check the network or proxy, or raise the request timeout'),
  network: () => t('the service could not be reached: check the network, the proxy and the endpoint settings'),
  endpoint: () => t('the endpoint setting cannot be used: fix it'),
  service: () => t('the service answered with an error'),
};

/** The same reasons without advice, for a failure whose detail carries its own. */
const BRIEF_REASONS: Partial<Record<CheckFailure['reason'], (f: CheckFailure) => string>> = {
  credentials: () => t('the credentials were refused'),
  timeout: () => t('there was no answer in time'),
  network: () => t('the service could not be reached'),
};

function outputExists(uri: string, size: string | undefined, lastModified: string | undefined): string {
  if (size && lastModified)
    return t('An object already exists at {0} ({1}, modified {2}) and will be overwritten. Choose another Output.URI to keep it.', uri, size, lastModified);
  if (size) return t('An object already exists at {0} ({1}) and will be overwritten. Choose another Output.URI to keep it.', uri, size);
  if (lastModified)
    return t('An object already exists at {0} (modified {1}) and will be overwritten. Choose another Output.URI to keep it.', uri, lastModified);
  return t('An object already exists at {0} and will be overwritten. Choose another Output.URI to keep it.', uri);
}

export const CLOUD_MESSAGES: CloudMessageTable = {
  [CloudCode.ProjectNotFound]: ({ project, region }) =>
    t('IMM project "{0}" does not exist in region {1}. Check the name, create the project, or choose the region it is in.', project, region),
  [CloudCode.BucketNotFound]: ({ bucket }) => t('OSS bucket "{0}" does not exist. Check the bucket name.', bucket),
  [CloudCode.BucketOtherRegion]: ({ bucket, bucketRegion, region }) =>
    bucketRegion
      ? t('OSS bucket "{0}" is in {1}, not in {2}: IMM reads OSS in its own region. Use a bucket in {2}, or submit to {1}.', bucket, bucketRegion, region)
      : t(
          'OSS bucket "{0}" is in another region, not in {1}: IMM reads OSS in its own region. Use a bucket in {1}, or submit to the bucket\'s region.',
          bucket,
          region,
        ),
  [CloudCode.ObjectNotFound]: ({ uri, what }) =>
    what === 'video'
      ? t('There is no object at {0}. Check the path (OSS keys are case-sensitive) or upload the video first.', uri)
      : t('There is no object at {0}. Check the path (OSS keys are case-sensitive) or upload the music first.', uri),
  [CloudCode.NotVideo]: ({ uri, contentType }) => t('{0} is stored as {1}, not as a video: a source must be a video file.', uri, contentType),
  [CloudCode.NotAudio]: ({ uri, contentType }) => t('{0} is stored as {1}, not as audio: background music must be an audio file.', uri, contentType),
  [CloudCode.OutputExists]: ({ uri, size, lastModified }) => outputExists(uri, size, lastModified),
  // The detail (the error's own message) already says what to check: the reason is then named without advice of its own.
  [CloudCode.CheckFailed]: ({ subject, failure }) =>
    failure.detail
      ? t(
          'Could not check {0}: {1}. {2} This does not block submitting.',
          subject,
          (BRIEF_REASONS[failure.reason] ?? REASONS[failure.reason])(failure),
          failure.detail,
        )
      : t('Could not check {0}: {1}. This does not block submitting.', subject, REASONS[failure.reason](failure)),
};
