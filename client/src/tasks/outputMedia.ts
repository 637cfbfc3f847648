/**
 * A succeeded task's output beside what its job planned: the container, length and streams the request asked for
 * (read from the request as sent) next to what a few ranged reads of the output found, the first evidence of what
 * IMM actually made. Pure, no VS Code; the cells are plain text for the caller to escape.
 */
import { audioStreamText, formatSeconds, t, videoStreamText, type MediaAnswer } from '../../../core/src/index';

type Obj = Readonly<Record<string, unknown>>;

function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

/** The job's parameters inside the request as Show Request rendered it (`parameters`); undefined when not recorded. */
function parametersOf(sentRequest: string | undefined): Obj | undefined {
  if (!sentRequest) return undefined;
  try {
    return obj(obj(JSON.parse(sentRequest))?.['parameters']);
  } catch {
    return undefined;
  }
}

/** What Output.Video or Output.Audio asks for: none, a codec (with a resolution), or the source's stream copied. */
function plannedStream(target: Obj | undefined, kind: 'Video' | 'Audio'): string {
  if (target?.[`Disable${kind}`] === true) return t('none');
  const transcode = obj(target?.[`Transcode${kind}`]);
  const codec = transcode?.['Codec'];
  if (typeof codec !== 'string' || codec === 'copy') return kind === 'Video' ? t('the first video stream, copied') : t('the first audio stream, copied');
  const resolution = kind === 'Video' && typeof transcode?.['Resolution'] === 'string' ? ` ${transcode['Resolution']}` : '';
  return `${codec}${resolution}`;
}

/** Rows of label, planned, made; empty when the output's media was not read. */
export function outputMediaRows(sentRequest: string | undefined, media: MediaAnswer | undefined): [string, string, string][] {
  if (!media) return [];
  const output = obj(parametersOf(sentRequest)?.['Output']);
  const unknown = sentRequest ? t('not set') : t('not recorded');
  const maxDuration = output?.['MaxDuration'];
  const planned = {
    container: typeof output?.['Container'] === 'string' ? output['Container'] : unknown,
    length: typeof maxDuration === 'number' ? t('at most {0} s', formatSeconds(maxDuration)) : unknown,
    video: output ? plannedStream(obj(output['Video']), 'Video') : unknown,
    audio: output ? plannedStream(obj(output['Audio']), 'Audio') : unknown,
  };
  if (media.state !== 'read') {
    const made =
      media.state === 'unreadable'
        ? t('not readable as media: {0}', media.reason)
        : media.state === 'archived'
          ? t('{0}, not restored', media.storageClass)
          : t('not read ({0})', media.failure.detail || media.failure.reason);
    return [[t('Container'), planned.container, made]];
  }
  const { facts } = media;
  const seconds = facts.durationSeconds === null ? t('not stated in the file') : formatSeconds(facts.durationSeconds);
  return [
    [t('Container'), planned.container, facts.container],
    [
      t('Duration'),
      planned.length,
      facts.durationSeconds === null ? seconds : facts.durationEstimated ? t('{0} s (an estimate)', seconds) : t('{0} s', seconds),
    ],
    [t('Video'), planned.video, facts.video ? videoStreamText(facts.video) : t('none')],
    [t('Audio'), planned.audio, facts.audio ? audioStreamText(facts.audio) : t('none')],
  ];
}
