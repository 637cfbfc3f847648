import type { JsonPath } from '../parse/document';
import { t } from '../shared/l10n';
import { meaningOf } from '../features/fieldDocs';
import { REQUEST_SCHEMA } from './schema';

/**
 * The snippets of the job language, served by the language server as completion items only where they fit.
 * They used to be contributed to VS Code as a snippets file, which VS Code offers everywhere (inside values,
 * under Edit, …), where a whole job written into `Type: ` makes seven errors.
 *
 * `body` uses VS Code snippet syntax with two spaces per level and its first line at the insertion column;
 * completion re-indents it to the document's style. Values the user must replace are the placeholders of
 * placeholders.ts, which validation reports until they are replaced.
 */
export type SnippetPlace =
  /** Where a job can start: an empty document, or the top level of one that has no keys yet. */
  | { readonly kind: 'job' }
  /** A new item of the list at `list` (at the column of its dashes, or right after a `- `). */
  | { readonly kind: 'item'; readonly list: JsonPath }
  /** A top-level key that the job does not have yet. */
  | { readonly kind: 'top-level-key'; readonly key: string };

export interface JobSnippet {
  readonly prefix: string;
  /** Functions: the texts are translated when shown, after the display language is chosen. */
  readonly label: () => string;
  readonly description: () => string;
  readonly place: SnippetPlace;
  readonly body: readonly string[];
  /** For a whole job: its Type, so the empty-job quick fix can offer one job per Type. */
  readonly type?: string;
  /** Offered only in jobs of these Types (or with no Type yet): the fields it writes take effect there. */
  readonly forTypes?: readonly string[];
}

/**
 * What a whole job of a Type does, in the words of the schema's Type values: completion, hover and the New File
 * picker say the same (and the zh-cn schema texts translate it).
 */
function jobTypeDescription(type: string): string {
  const schema = REQUEST_SCHEMA.properties!.Type!;
  const meaning = meaningOf(schema, schema.enum?.indexOf(type) ?? -1) ?? '';
  return t('A {0} job: {1}', type, meaning);
}

export const SNIPPETS: readonly JobSnippet[] = [
  {
    prefix: 'highlight-retrieval',
    label: () => t('Highlight extraction job (Retrieval)'),
    description: () => jobTypeDescription('Retrieval'),
    place: { kind: 'job' },
    type: 'Retrieval',
    body: [
      'ProjectName: ${1:immtest}',
      'Type: Retrieval',
      'Mode: ${2|Average,Scene|}',
      'Sources:',
      '  - URI: ${3:oss://your-bucket/input.mp4}',
      'Highlight:',
      '  Content: ${4|People,Pets,Sports,Meetings|}',
      'Output:',
      '  URI: ${5:oss://your-bucket/highlights/output.mp4}',
      '$0',
    ],
  },
  {
    prefix: 'highlight-concat',
    label: () => t('Video composition job (Concat)'),
    description: () => jobTypeDescription('Concat'),
    place: { kind: 'job' },
    type: 'Concat',
    body: [
      'ProjectName: ${1:immtest}',
      'Type: Concat',
      // Two clips: a join of one video is no join.
      'Sources:',
      '  - URI: ${2:oss://your-bucket/first.mp4}',
      '    StartTime: ${3:0} # seconds from the start of the video',
      '    Duration: ${4:0} # seconds; 0 = to the end of the video',
      '  - URI: ${5:oss://your-bucket/second.mp4}',
      '    StartTime: ${6:0}',
      '    Duration: ${7:0}',
      'Output:',
      '  URI: ${8:oss://your-bucket/output.mp4}',
      '  Container: ${9:mp4}',
      '$0',
    ],
  },
  {
    prefix: 'highlight-compose',
    label: () => t('One-click video creation job (Compose)'),
    description: () => jobTypeDescription('Compose'),
    place: { kind: 'job' },
    type: 'Compose',
    body: [
      'ProjectName: ${1:immtest}',
      'Type: Compose',
      'Sources:',
      '  - URI: ${2:oss://your-bucket/input.mp4}',
      'Edit:',
      '  Mode: Sequential',
      '  TransitionMode: ${3|Auto,Closed|}',
      '  VfxEffectMode: ${4|Auto,Closed|}',
      '  BackgroundMusicMode: ${5:Closed}',
      'Output:',
      '  URI: ${6:oss://your-bucket/output.mp4}',
      '  Container: ${7:mp4}',
      '$0',
    ],
  },
  {
    prefix: 'highlight-source',
    label: () => t('Source video'),
    description: () => t('One more source video (a Sources item).'),
    place: { kind: 'item', list: ['Sources'] },
    forTypes: ['Retrieval', 'Compose'],
    body: ['URI: ${1:oss://your-bucket/input.mp4}$0'],
  },
  {
    prefix: 'highlight-source-clip',
    label: () => t('Source clip (Concat)'),
    description: () => t('One more source video with the clip to take from it; StartTime and Duration take effect when Type is Concat.'),
    place: { kind: 'item', list: ['Sources'] },
    forTypes: ['Concat'],
    body: [
      'URI: ${1:oss://your-bucket/input.mp4}',
      'StartTime: ${2:0} # seconds from the start of the video',
      'Duration: ${3:0} # seconds; 0 = to the end of the video$0',
    ],
  },
  {
    prefix: 'highlight-transition',
    label: () => t('Transition'),
    description: () => t('A transition between clips (an Edit.Transitions item); Transitions take effect when TransitionMode is Random or Sequential.'),
    place: { kind: 'item', list: ['Edit', 'Transitions'] },
    body: ['Transition: ${1:fade}', 'Duration: ${2:1} # seconds, 0 to 5$0'],
  },
  {
    prefix: 'highlight-background-music',
    label: () => t('Background music'),
    description: () => t('A background music (an Edit.BackgroundMusics item); it takes effect when BackgroundMusicMode is Random or Sequential.'),
    place: { kind: 'item', list: ['Edit', 'BackgroundMusics'] },
    body: ['URI: ${1:oss://your-bucket/music.mp3}', 'Volume: ${2:0.2}$0'],
  },
  {
    prefix: 'highlight-output-video',
    label: () => t('Output with video settings'),
    description: () => t('The Output of the job with a container and the video transcoded to a codec, resolution and frame rate.'),
    place: { kind: 'top-level-key', key: 'Output' },
    body: [
      'Output:',
      '  URI: ${1:oss://your-bucket/output.mp4}',
      '  Container: ${2:mp4}',
      '  Video:',
      '    TranscodeVideo:',
      '      Codec: ${3|h264,h265|}',
      '      Resolution: ${4:1280x720}',
      '      FrameRate: ${5:25}$0',
    ],
  },
];

/** The snippet's text as inserted when the user keeps every default (the first option of each choice). */
export function expandDefaults(body: readonly string[] | string): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  let out = '';
  let i = 0;
  const read = (until: string | undefined): string => {
    let result = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\' && i + 1 < text.length) {
        result += text[i + 1];
        i += 2;
      } else if (until !== undefined && c === until) {
        return result;
      } else if (c === '$') {
        result += tabStop();
      } else {
        result += c;
        i++;
      }
    }
    return result;
  };
  const tabStop = (): string => {
    const simple = /^\$(\d+)/.exec(text.slice(i)) ?? /^\$\{(\d+)\}/.exec(text.slice(i));
    if (simple) {
      i += simple[0].length;
      return '';
    }
    const open = /^\$\{(\d+)([:|])/.exec(text.slice(i));
    if (!open) {
      i++;
      return '$';
    }
    i += open[0].length;
    if (open[2] === ':') {
      const value = read('}');
      i++;
      return value;
    }
    const end = text.indexOf('|}', i);
    const first = text.slice(i, end).split(',')[0] ?? '';
    i = end + 2;
    return first;
  };
  out = read(undefined);
  return out;
}
