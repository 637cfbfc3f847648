/**
 * What the media facts of a job's objects mean for the job: each finding at the exact value, with the fact that
 * decides it in the message. Pure: the facts arrive in CloudAnswers.media (read by api/), the job's values in
 * CloudResources.job. A duration that is only an estimate decides nothing here: it is shown, never judged.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { CloudCode } from '../shared/codes';
import { t } from '../shared/l10n';
import type { CloudAnswers, MediaAnswer } from './answers';
import { cloudFinding } from './finding';
import { formatSeconds } from './format';
import type { MediaFacts } from './mediaFacts';
import type { MediaJob } from './mediaJob';
import { MEDIA_MESSAGES, type MediaMessageTable, type VideoLabel } from './mediaMessages';
import { CLOUD_MESSAGES, type CloudMessageTable } from './messages';
import type { CloudResources, OssResource } from './resources';
import { storyboardLayout } from '../storyboard/layout';

/** Sums of seconds written in decimals (10 + 30.1) are not exact in binary; a difference below this is none. */
const EPSILON = 1e-9;

/**
 * The findings of one source or music URI from its media answer; `replacesGuess` when the facts are known, so the
 * Content-Type guesses (oss-not-video, oss-not-audio) give way to them.
 */
export function objectMediaDiagnostics(
  uri: OssResource,
  media: MediaAnswer | undefined,
  messages: MediaMessageTable = MEDIA_MESSAGES,
  cloudMessages: CloudMessageTable = CLOUD_MESSAGES,
): { readonly found: Diagnostic[]; readonly replacesGuess: boolean } {
  if (!media || (uri.field !== 'source' && uri.field !== 'music')) return { found: [], replacesGuess: false };
  switch (media.state) {
    case 'archived':
      return {
        found: [cloudFinding(uri.range, CloudCode.ObjectArchived, messages[CloudCode.ObjectArchived]({ uri: uri.uri, storageClass: media.storageClass }))],
        replacesGuess: false,
      };
    case 'unreadable':
      return {
        found: [cloudFinding(uri.range, CloudCode.MediaUnreadable, messages[CloudCode.MediaUnreadable]({ uri: uri.uri, reason: media.reason }))],
        replacesGuess: false,
      };
    case 'failed':
      return {
        found: [
          cloudFinding(
            uri.range,
            CloudCode.CheckFailed,
            cloudMessages[CloudCode.CheckFailed]({ subject: t('the media of {0}', uri.uri), failure: media.failure }),
            media.failure,
          ),
        ],
        replacesGuess: false,
      };
    case 'read': {
      const { facts } = media;
      if (uri.field === 'source' && !facts.video) {
        const found = messages[CloudCode.MediaNoVideoStream]({ uri: uri.uri, container: facts.container, audioCodec: facts.audio?.codec });
        return { found: [cloudFinding(uri.range, CloudCode.MediaNoVideoStream, found)], replacesGuess: true };
      }
      if (uri.field === 'music' && !facts.audio) {
        const found = messages[CloudCode.MediaNoAudioStream]({ uri: uri.uri, container: facts.container, videoCodec: facts.video?.codec });
        return { found: [cloudFinding(uri.range, CloudCode.MediaNoAudioStream, found)], replacesGuess: true };
      }
      return { found: [], replacesGuess: true };
    }
  }
}

/** The facts of a URI when they were read; undefined otherwise. */
export function readFacts(answers: CloudAnswers, uri: string | undefined): MediaFacts | undefined {
  const media = uri === undefined ? undefined : answers.media?.get(uri);
  return media?.state === 'read' ? media.facts : undefined;
}

/** A duration the checks may judge by: known and not an estimate. */
export function judgedDuration(facts: MediaFacts | undefined): number | undefined {
  return facts && !facts.durationEstimated && facts.durationSeconds !== null ? facts.durationSeconds : undefined;
}

/** The Source URIs of the job by index, for findings placed on a Source's URI. */
function sourceUris(resources: CloudResources): Map<number, OssResource> {
  const byIndex = new Map<number, OssResource>();
  for (const uri of resources.uris) if (uri.field === 'source' && typeof uri.path[1] === 'number') byIndex.set(uri.path[1], uri);
  return byIndex;
}

/** Concat: StartTime and Duration against each video's length (media-start-past-end, media-clip-past-end). */
function timingDiagnostics(job: MediaJob, answers: CloudAnswers, messages: MediaMessageTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of job.sources) {
    const length = judgedDuration(readFacts(answers, source.uri));
    if (length === undefined || source.uri === undefined) continue;
    const start = source.startTime?.value ?? 0;
    if (source.startTime && start >= length - EPSILON) {
      out.push(
        cloudFinding(
          source.startTime.range,
          CloudCode.MediaStartPastEnd,
          messages[CloudCode.MediaStartPastEnd]({ uri: source.uri, startTime: formatSeconds(start), length: formatSeconds(length) }),
        ),
      );
      continue;
    }
    const duration = source.duration;
    if (duration && duration.value > 0 && start + duration.value > length + EPSILON) {
      out.push(
        cloudFinding(
          duration.range,
          CloudCode.MediaClipPastEnd,
          messages[CloudCode.MediaClipPastEnd]({
            uri: source.uri,
            startTime: source.startTime ? formatSeconds(start) : undefined,
            duration: formatSeconds(duration.value),
            end: formatSeconds(start + duration.value),
            length: formatSeconds(length),
            clip: formatSeconds(length - start),
          }),
        ),
      );
    }
  }
  return out;
}

function videoLabel(uri: string, facts: MediaFacts): VideoLabel | undefined {
  return facts.video ? { uri, codec: facts.video.codec, size: `${facts.video.width}×${facts.video.height}` } : undefined;
}

/** Concat with the video copied: the first Source whose video differs from the first video in codec or size. */
function mixedStreamDiagnostics(job: MediaJob, resources: CloudResources, answers: CloudAnswers, messages: MediaMessageTable): Diagnostic[] {
  if (!job.videoCopy) return [];
  const uris = sourceUris(resources);
  let first: VideoLabel | undefined;
  for (const source of job.sources) {
    const facts = readFacts(answers, source.uri);
    const label = facts && source.uri !== undefined ? videoLabel(source.uri, facts) : undefined;
    if (!label) continue;
    if (!first) {
      first = label;
      continue;
    }
    if (label.codec === first.codec && label.size === first.size) continue;
    const at = uris.get(source.index);
    if (!at) continue;
    return [cloudFinding(at.range, CloudCode.MediaMixedStreams, messages[CloudCode.MediaMixedStreams]({ why: job.videoCopy, first, other: label }))];
  }
  return [];
}

/**
 * Transitions IMM drops because their clip is too short. Which transition lands on which clip is the storyboard
 * layout's rule (one home, core/src/storyboard/layout.ts): Sequential takes the list in order, cycling over the
 * joins; Random may put any transition on any join; a join's clip is the clip before it. Only a Duration the job
 * writes is judged (the finding sits on it), and only against lengths that are known, not estimated.
 */
function transitionDiagnostics(job: MediaJob, answers: CloudAnswers, messages: MediaMessageTable): Diagnostic[] {
  const judged = (uri: string): MediaFacts | undefined => {
    const facts = readFacts(answers, uri);
    return judgedDuration(facts) === undefined ? undefined : facts;
  };
  const layout = storyboardLayout(job.document, judged);
  const out: Diagnostic[] = [];
  for (const transition of layout.transitions) {
    const duration = job.transitions[transition.index]?.duration;
    const clip = transition.clip === null ? undefined : layout.clips[transition.clip];
    if (transition.takesEffect !== false || !duration || !clip || clip.lengthSeconds === null) continue;
    out.push(
      cloudFinding(
        duration.range,
        CloudCode.MediaTransitionIgnored,
        messages[CloudCode.MediaTransitionIgnored]({
          transition: transition.transition,
          duration: formatSeconds(duration.value),
          clip: clip.index,
          uri: clip.uri,
          clipLength: formatSeconds(clip.lengthSeconds),
          certain: layout.transitionMode === 'Sequential',
        }),
      ),
    );
  }
  return out;
}

/** The findings of the job as a whole from its media facts: Concat timing, transitions dropped, the streams joined by copy. */
export function jobMediaDiagnostics(resources: CloudResources, answers: CloudAnswers, messages: MediaMessageTable = MEDIA_MESSAGES): Diagnostic[] {
  const job = resources.job;
  if (!job || !answers.media || job.type !== 'Concat') return [];
  return [
    ...timingDiagnostics(job, answers, messages),
    ...transitionDiagnostics(job, answers, messages),
    ...mixedStreamDiagnostics(job, resources, answers, messages),
  ];
}
