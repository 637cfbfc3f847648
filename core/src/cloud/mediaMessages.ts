/**
 * The words of the media findings, one function per code: each states the fact that decides the finding (the video's
 * length, the streams it holds, its storage class) and what to do. Numbers arrive formatted (format.ts).
 */
import type { ColdStorageClass } from './mediaFacts';
import type { VideoCopyReason } from './mediaJob';
import { CloudCode } from '../shared/codes';
import { t } from '../shared/l10n';

/** A video stream as a message names it: `h264 1920×1080`. */
export interface VideoLabel {
  readonly uri: string;
  readonly codec: string;
  readonly size: string;
}

export interface MediaMessageTable {
  readonly [CloudCode.MediaStartPastEnd]: (p: { uri: string; startTime: string; length: string }) => string;
  readonly [CloudCode.MediaClipPastEnd]: (p: {
    uri: string;
    startTime: string | undefined;
    duration: string;
    end: string;
    length: string;
    clip: string;
  }) => string;
  readonly [CloudCode.MediaTransitionIgnored]: (p: {
    transition: string;
    duration: string;
    /** The index of the clip's Source. */
    clip: number;
    uri: string;
    clipLength: string;
    /** Sequential: the clip it lands on; any other mode: one of the clips it may land on. */
    certain: boolean;
  }) => string;
  readonly [CloudCode.MediaNoVideoStream]: (p: { uri: string; container: string; audioCodec: string | undefined }) => string;
  readonly [CloudCode.MediaNoAudioStream]: (p: { uri: string; container: string; videoCodec: string | undefined }) => string;
  readonly [CloudCode.MediaMixedStreams]: (p: { why: VideoCopyReason; first: VideoLabel; other: VideoLabel }) => string;
  readonly [CloudCode.ObjectArchived]: (p: { uri: string; storageClass: ColdStorageClass }) => string;
  /** `reason`: the reader's own sentence (api/src/media). */
  readonly [CloudCode.MediaUnreadable]: (p: { uri: string; reason: string }) => string;
}

const COPY_REASONS: Readonly<Record<VideoCopyReason, () => string>> = {
  'no-video-settings': () => t('Output.Video is not set, so the first video stream is copied'),
  'no-transcode': () => t('Output.Video has no TranscodeVideo, so the video stream is copied'),
  'codec-not-set': () => t('TranscodeVideo.Codec is not set, so it is copy'),
  'codec-copy': () => t('TranscodeVideo.Codec is copy'),
};

export const MEDIA_MESSAGES: MediaMessageTable = {
  [CloudCode.MediaStartPastEnd]: ({ uri, startTime, length }) =>
    t(
      'StartTime {0} s is at or past the end of {1}: the video is {2} s long, so this clip would be empty. Choose a StartTime below {2}.',
      startTime,
      uri,
      length,
    ),
  [CloudCode.MediaClipPastEnd]: ({ uri, startTime, duration, end, length, clip }) =>
    startTime === undefined
      ? t('Duration {0} s runs past the end of {1}: the video is {2} s long, so the clip is {3} s, not {0} s.', duration, uri, length, clip)
      : t(
          'StartTime {0} s + Duration {1} s ends at {2} s, past the end of {3}: the video is {4} s long, so the clip is {5} s, not {1} s.',
          startTime,
          duration,
          end,
          uri,
          length,
          clip,
        ),
  [CloudCode.MediaTransitionIgnored]: ({ transition, duration, clip, uri, clipLength, certain }) =>
    certain
      ? t(
          'Transition "{0}" ({1} s) lands on the clip of Sources[{2}] ({3}), which is {4} s long: IMM drops a transition longer than its clip minus 1 s, so it will not show there.',
          transition,
          duration,
          clip,
          uri,
          clipLength,
        )
      : t(
          'Transition "{0}" ({1} s) may land on the clip of Sources[{2}] ({3}), which is {4} s long: IMM drops a transition longer than its clip minus 1 s, so it would not show there.',
          transition,
          duration,
          clip,
          uri,
          clipLength,
        ),
  [CloudCode.MediaNoVideoStream]: ({ uri, container, audioCodec }) =>
    audioCodec
      ? t('{0} holds no video stream, only {1} audio ({2}): a source must be a video.', uri, audioCodec, container)
      : t('{0} holds neither a video nor an audio stream ({1}): a source must be a video.', uri, container),
  [CloudCode.MediaNoAudioStream]: ({ uri, container, videoCodec }) =>
    videoCodec
      ? t('{0} holds no audio stream, only {1} video ({2}): background music must be audio.', uri, videoCodec, container)
      : t('{0} holds neither an audio nor a video stream ({1}): background music must be audio.', uri, container),
  [CloudCode.MediaMixedStreams]: ({ why, first, other }) =>
    t(
      'The sources are joined without re-encoding ({0}), but {1} is {2} {3} while {4} is {5} {6}. Set Output.Video.TranscodeVideo.Codec (e.g. h264) to re-encode them.',
      COPY_REASONS[why](),
      other.uri,
      other.codec,
      other.size,
      first.uri,
      first.codec,
      first.size,
    ),
  [CloudCode.ObjectArchived]: ({ uri, storageClass }) =>
    t(
      '{0} is in {1} storage without a finished restore: IMM cannot read it. Restore the object, or change its storage class, before submitting.',
      uri,
      storageClass,
    ),
  [CloudCode.MediaUnreadable]: ({ uri, reason }) =>
    t('{0} could not be read as media. {1} IMM may not be able to read it either: check that the file plays.', uri, reason),
};
