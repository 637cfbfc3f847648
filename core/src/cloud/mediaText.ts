/**
 * How the media facts of an object read in the editor: the short inlay hint after its URI (`40.1 s · 96×54 · h264`)
 * and the rows of its hover. Plain text; the client escapes it for the sink that renders markup.
 */
import type { MediaAnswer, ObjectAnswer } from './answers';
import { formatSeconds, formatSize } from './format';
import type { AudioStreamFacts, MediaFacts, VideoStreamFacts } from './mediaFacts';
import { t } from '../shared/l10n';

export interface MediaFactRow {
  readonly label: string;
  readonly value: string;
}

/** `40.1 s`, or `≈40.1 s` for an estimate: a tenth of a second is what a glance needs. */
function shortDuration(facts: MediaFacts): string | undefined {
  if (facts.durationSeconds === null) return undefined;
  const text = `${facts.durationSeconds.toFixed(1)} s`;
  return facts.durationEstimated ? `≈${text}` : text;
}

function frameRateText(rate: number): string {
  return t('{0} fps', String(Math.round(rate * 100) / 100));
}

/** `h264, 1920×1080, 25 fps`. */
export function videoStreamText(video: VideoStreamFacts): string {
  const parts = [video.codec, `${video.width}×${video.height}`];
  if (video.frameRate !== null) parts.push(frameRateText(video.frameRate));
  return parts.join(', ');
}

/** `aac, 44100 Hz, 2 channels`. */
export function audioStreamText(audio: AudioStreamFacts): string {
  const channels = audio.channels === 1 ? t('1 channel') : t('{0} channels', audio.channels);
  return [audio.codec, `${audio.sampleRate} Hz`, channels].join(', ');
}

/** The storage class the HEAD reported, when it did. */
function storageClassOf(object: ObjectAnswer | undefined): string | undefined {
  return object?.state === 'found' && object.storageClass ? object.storageClass : undefined;
}

/** The inlay hint after a source or music URI; undefined when there is nothing to say. */
export function mediaHintLabel(answer: MediaAnswer): string | undefined {
  switch (answer.state) {
    case 'read': {
      const { facts } = answer;
      const parts: string[] = [];
      const duration = shortDuration(facts);
      if (duration) parts.push(duration);
      if (facts.video) parts.push(`${facts.video.width}×${facts.video.height}`, facts.video.codec);
      else if (facts.audio) parts.push(facts.audio.codec);
      else parts.push(t('no streams'));
      return parts.join(' · ');
    }
    case 'archived':
      return t('{0}, not restored', answer.storageClass);
    case 'unreadable':
      return t('not readable as media');
    case 'failed':
      return undefined;
  }
}

/** The rows of the hover on a source or music URI: container, duration, streams, size, storage class. */
export function mediaFactRows(answer: MediaAnswer, object: ObjectAnswer | undefined): MediaFactRow[] {
  const rows: MediaFactRow[] = [];
  if (answer.state === 'read') {
    const { facts } = answer;
    rows.push({ label: t('Container'), value: facts.container });
    if (facts.durationSeconds !== null) {
      const seconds = formatSeconds(facts.durationSeconds);
      rows.push({ label: t('Duration'), value: facts.durationEstimated ? t('{0} s (an estimate)', seconds) : t('{0} s', seconds) });
    } else {
      rows.push({ label: t('Duration'), value: t('not stated in the file') });
    }
    rows.push({ label: t('Video'), value: facts.video ? videoStreamText(facts.video) : t('none') });
    rows.push({ label: t('Audio'), value: facts.audio ? audioStreamText(facts.audio) : t('none') });
  } else if (answer.state === 'unreadable') {
    rows.push({ label: t('Media'), value: t('not readable as media: {0}', answer.reason) });
  } else if (answer.state === 'failed') {
    rows.push({ label: t('Media'), value: t('not read ({0})', answer.failure.detail || answer.failure.reason) });
  }
  if (object?.state === 'found' && object.size !== undefined) rows.push({ label: t('Size'), value: formatSize(object.size) });
  const storageClass = answer.state === 'archived' ? t('{0}, not restored', answer.storageClass) : storageClassOf(object);
  if (storageClass) rows.push({ label: t('Storage class'), value: storageClass });
  if (answer.state === 'read' || answer.state === 'unreadable') {
    rows.push({ label: t('Read'), value: t('{0} ranged requests, {1}', answer.read.requests, formatSize(answer.read.bytes)) });
  }
  return rows;
}
