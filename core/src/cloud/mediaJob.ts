/**
 * The values of a job that decide what its media facts mean: the Type, each Source's StartTime and Duration, the
 * transitions and how the video is written, each number with the range of its value. Pure: read from the parsed
 * job, no calls. A value of the wrong type is left out (the schema reports it), so no check reads a guess.
 */
import type { Range } from 'vscode-languageserver-types';
import type { JobDocument, JsonPath } from '../parse/document';
import { locate } from '../parse/locate';
import { rangeOf } from '../parse/positions';
import { objectAt, type JobObject } from '../shared/jobValue';

export interface NumberAt {
  readonly value: number;
  readonly range: Range;
}

export interface SourceTiming {
  /** The Source's index in Sources. */
  readonly index: number;
  /** As written; undefined when it is not text. */
  readonly uri: string | undefined;
  readonly startTime: NumberAt | undefined;
  readonly duration: NumberAt | undefined;
}

export interface TransitionAt {
  /** The transition's index in Edit.Transitions. */
  readonly index: number;
  readonly name: string | undefined;
  readonly duration: NumberAt | undefined;
}

/**
 * Why a Concat copies the first video stream instead of re-encoding it (the API page: "If Video is empty, the first
 * video stream (if any) is directly copied"; TranscodeVideo.Codec defaults to copy); undefined when it re-encodes
 * or writes no video.
 */
export type VideoCopyReason = 'no-video-settings' | 'no-transcode' | 'codec-not-set' | 'codec-copy';

export interface MediaJob {
  /** The parsed job, for the storyboard layout that matches transitions to clips (core/src/storyboard). */
  readonly document: JobDocument;
  readonly type: string | undefined;
  readonly sources: readonly SourceTiming[];
  /** Edit.TransitionMode as written; the API's default is Closed. */
  readonly transitionMode: string | undefined;
  readonly transitions: readonly TransitionAt[];
  readonly videoCopy: VideoCopyReason | undefined;
}

function numberAt(doc: JobDocument, value: unknown, path: JsonPath): NumberAt | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const range = locate(doc, path)?.node?.range;
  return range && range[1] > range[0] ? { value, range: rangeOf(doc, range[0], range[1]) } : undefined;
}

function videoCopyOf(output: JobObject | undefined): VideoCopyReason | undefined {
  const video = objectAt(output?.['Video']);
  if (!video) return 'no-video-settings';
  if (video['DisableVideo'] === true) return undefined;
  const transcode = objectAt(video['TranscodeVideo']);
  if (!transcode) return 'no-transcode';
  if (transcode['Codec'] === undefined || transcode['Codec'] === null) return 'codec-not-set';
  return transcode['Codec'] === 'copy' ? 'codec-copy' : undefined;
}

export function mediaJobOf(doc: JobDocument): MediaJob | undefined {
  const request = objectAt(doc.value);
  if (!request) return undefined;
  const sources = Array.isArray(request['Sources']) ? (request['Sources'] as unknown[]) : [];
  const edit = objectAt(request['Edit']);
  const transitions = Array.isArray(edit?.['Transitions']) ? (edit['Transitions'] as unknown[]) : [];
  return {
    document: doc,
    type: typeof request['Type'] === 'string' ? request['Type'] : undefined,
    sources: sources.map((item, index) => {
      const source = objectAt(item);
      return {
        index,
        uri: typeof source?.['URI'] === 'string' ? source['URI'] : undefined,
        startTime: numberAt(doc, source?.['StartTime'], ['Sources', index, 'StartTime']),
        duration: numberAt(doc, source?.['Duration'], ['Sources', index, 'Duration']),
      };
    }),
    transitionMode: typeof edit?.['TransitionMode'] === 'string' ? edit['TransitionMode'] : undefined,
    transitions: transitions.map((item, index) => {
      const transition = objectAt(item);
      return {
        index,
        name: typeof transition?.['Transition'] === 'string' ? transition['Transition'] : undefined,
        duration: numberAt(doc, transition?.['Duration'], ['Edit', 'Transitions', index, 'Duration']),
      };
    }),
    videoCopy: videoCopyOf(objectAt(request['Output'])),
  };
}
