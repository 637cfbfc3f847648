import { DiagnosticSeverity } from 'vscode-languageserver-types';

/** Every diagnostic we publish carries this source, so users can tell our problems from other tools'. */
export const DIAGNOSTIC_SOURCE = 'imm-highlight';

/** Where a code comes from: the YAML text, the request schema, a rule of the API, the cloud checks, the CLI. */
export type DiagnosticCodeGroup = 'yaml' | 'schema' | 'rule' | 'cloud' | 'cli';

/**
 * Where a code's check comes from: a sentence of the CreateHighlightTask API page (quoted word for word; a unit test
 * finds it in test/fixtures/api-page), a field of the official SDK models for what the page only names, the
 * parameter table of the page as a whole, or a rule of ours (then `why` says why we check it).
 */
export type DiagnosticCodeBasis =
  | { readonly kind: 'api-page'; readonly field: string; readonly quote: string }
  | { readonly kind: 'api-table'; readonly column: string }
  | { readonly kind: 'sdk-model'; readonly field: string; readonly says: string }
  | { readonly kind: 'ours'; readonly why: string };

export interface DiagnosticCodeEntry {
  readonly group: DiagnosticCodeGroup;
  /** The severity it is reported with (a YAML parser warning under yaml-syntax is the one exception). */
  readonly severity: 'error' | 'warning';
  /** One line of English: what the code means, for the docs page and the SARIF rule list made from this table. */
  readonly summary: string;
  /** What the code means, in full (Markdown): its section of docs/diagnostics.md and SARIF's fullDescription. */
  readonly meaning: string;
  /** Where the check comes from: shown on the docs page and in SARIF's help. */
  readonly basis: DiagnosticCodeBasis;
  /** How to fix it (Markdown): the docs page and SARIF's help. */
  readonly fix: string;
}

const OURS_YAML = 'YAML 1.2: a job file is one YAML document, and the request is read from it only when it can be read unambiguously.';

/**
 * Every diagnostic code, the one registry. Codes are stable: users filter on them. docs/diagnostics.md is generated
 * from this table (`npm run docs:diagnostics`; a unit test fails when the page differs), and so is the SARIF rule
 * list of `highlight-task validate`. A code not in here does not compile where a producer names it; an entry
 * without its meaning, basis or fix does not compile either.
 */
export const DIAGNOSTIC_CODES = {
  'yaml-syntax': {
    group: 'yaml',
    severity: 'error',
    summary: 'The YAML cannot be read (bad indentation, an unclosed quote or bracket, …).',
    meaning: 'The YAML parser stopped at this place: bad indentation, an unclosed quote or bracket, a tab used for indentation, a key without its colon, …',
    basis: { kind: 'ours', why: OURS_YAML },
    fix: 'Correct the YAML at the marked place: indent with spaces (two per level), close the quote or bracket, put a colon and a space after the key.',
  },
  'yaml-duplicate-key': {
    group: 'yaml',
    severity: 'error',
    summary: 'A key appears twice in one mapping.',
    meaning:
      'A key appears twice in one mapping. Which value is meant is unknown, so the API rules that read that key (or anything under it) say nothing until it is given once.',
    basis: { kind: 'ours', why: 'YAML 1.2: the keys of a mapping are unique; parsers differ in which duplicate they keep.' },
    fix: 'Keep one of the two keys: delete the other, or merge what they hold.',
  },
  'yaml-multiple-documents': {
    group: 'yaml',
    severity: 'error',
    summary: 'A second YAML document (---) in the file: a job file holds one request.',
    meaning: 'A second YAML document (`---`) in the file: a job file holds one request, so the documents after the first are not read.',
    basis: { kind: 'ours', why: 'A job file is one CreateHighlightTask request.' },
    fix: 'Move each further document into a `*.highlight.yaml` file of its own.',
  },
  'yaml-alias-limit': {
    group: 'yaml',
    severity: 'error',
    summary: 'Aliases expand to too many nodes.',
    meaning: 'Aliases (`*name`) expand to too many nodes (an "alias bomb"); the file is not read further.',
    basis: { kind: 'ours', why: 'Expanding such aliases would take the editor’s memory and time; no real job needs them.' },
    fix: 'Write the values out instead of nesting aliases of aliases.',
  },
  'yaml-too-deep': {
    group: 'yaml',
    severity: 'error',
    summary: 'Nesting too deep for the YAML parser; the file is not checked.',
    meaning: 'Brackets or list dashes nested over a hundred levels deep, or a layout the YAML parser runs out of stack on; the file is not checked.',
    basis: { kind: 'ours', why: 'A request nests a few levels; reading deeper nesting would exhaust the parser’s stack.' },
    fix: 'Remove the deep nesting (often a run of brackets or list dashes pasted by mistake).',
  },
  'file-too-large': {
    group: 'yaml',
    severity: 'error',
    summary: 'The file is too large to be a job (over 4 MiB); it is not checked.',
    meaning: 'The file is too large to be a job (over 4 MiB); it is not checked.',
    basis: { kind: 'ours', why: 'A request is a few kilobytes; reading a huge file on every keystroke would stall the editor.' },
    fix: 'Check that this is the job file you meant; a job holds one request of a few kilobytes.',
  },
  'invalid-type': {
    group: 'schema',
    severity: 'error',
    summary: 'A value of the wrong type.',
    meaning: 'Wrong type: text where a number is expected, a mapping where text is expected (`UserData`), …',
    basis: { kind: 'api-table', column: 'Type' },
    fix: 'Write the value in the type the hover names: a number without quotes, text (quoted if it looks like a number), a list with one dash per item.',
  },
  'invalid-value': {
    group: 'schema',
    severity: 'error',
    summary: 'Not one of the valid values of an enum.',
    meaning: 'Not one of the valid values of an enum; the message suggests the closest.',
    basis: { kind: 'api-table', column: 'Description ("Valid values: …")' },
    fix: 'Use one of the values the message lists (the quick fix writes the closest; completion offers them all). Letter case counts.',
  },
  'missing-property': {
    group: 'schema',
    severity: 'error',
    summary: 'A required property is missing.',
    meaning: 'A required property is missing; reported on the key of the object that lacks it.',
    basis: { kind: 'api-table', column: 'Required' },
    fix: 'Add the property the message names (the quick fix adds it).',
  },
  'unknown-property': {
    group: 'schema',
    severity: 'error',
    summary: 'A property the API does not have.',
    meaning: 'A property the API does not have; the message suggests the closest. The service would reject or ignore it.',
    basis: { kind: 'api-table', column: 'Parameter' },
    fix: 'Correct the spelling (when a valid name is close, the quick fix renames it) or remove the property.',
  },
  'out-of-range': {
    group: 'schema',
    severity: 'error',
    summary: 'A number below the minimum or above the maximum.',
    meaning: 'A number below the minimum or above the maximum of its field (for example `Output.Speed` outside [0.5, 1.0]).',
    basis: { kind: 'api-table', column: 'Description ("Valid values: [min, max]")' },
    fix: 'Use a number within the range the message gives.',
  },
  'too-long': {
    group: 'schema',
    severity: 'error',
    summary: 'Text longer than allowed.',
    meaning: 'Text longer than allowed (`Highlight.Content`: 100 characters).',
    basis: { kind: 'api-page', field: 'Highlight.Content', quote: 'The value cannot exceed 100 characters.' },
    fix: 'Shorten the text to the length the message gives.',
  },
  'too-short': {
    group: 'schema',
    severity: 'error',
    summary: 'Empty text where a value is required.',
    meaning: 'Empty text where a value is required.',
    basis: { kind: 'api-table', column: 'Required' },
    fix: 'Write the value, or remove the property if it is optional.',
  },
  'too-many-items': {
    group: 'schema',
    severity: 'error',
    summary: 'A list longer than allowed.',
    meaning: 'A list longer than allowed (Sources 10, Transitions 10, VfxEffects 10, BackgroundMusics 1).',
    basis: { kind: 'api-page', field: 'Sources', quote: 'A maximum of 10 videos are supported.' },
    fix: 'Remove items down to the maximum the message gives, or split the job in two.',
  },
  'too-few-items': {
    group: 'schema',
    severity: 'error',
    summary: 'A list shorter than allowed.',
    meaning: 'A list shorter than allowed (Sources needs at least one).',
    basis: { kind: 'api-page', field: 'Sources', quote: 'The list of media resources to process.' },
    fix: 'Add an item (for `Sources`, a `- URI: oss://bucket/video.mp4`).',
  },
  'invalid-format': {
    group: 'schema',
    severity: 'error',
    summary: 'Text in the wrong format (a resolution, a colour, …).',
    meaning: 'Text in the wrong format (a resolution such as `1280x720`, a colour such as `#RRGGBB`).',
    basis: {
      kind: 'sdk-model',
      field: 'TargetVideo.TranscodeVideo.Resolution, Watermarks[].FontColor',
      says: 'a resolution is WIDTHxHEIGHT, WIDTHx or xHEIGHT; a colour a name or #RRGGBB',
    },
    fix: 'Write the value in the format the message shows.',
  },
  'invalid-oss-uri': {
    group: 'rule',
    severity: 'error',
    summary: 'Not an OSS URI oss://bucket/object with a valid bucket name.',
    meaning: 'Not an OSS URI `oss://bucket/object` with a valid bucket name (3–63 lowercase letters, digits and hyphens).',
    basis: { kind: 'api-page', field: 'Sources[].URI', quote: 'The URI of the media resource (OSS URI)' },
    fix: 'Write the URI as `oss://bucket/path/to/object` (an `https://…aliyuncs.com/…` URL gets a quick fix to that form).',
  },
  'placeholder-value': {
    group: 'rule',
    severity: 'error',
    summary: "A snippet's placeholder value (oss://your-bucket/…) is still there.",
    meaning: 'A value the snippets write for you to replace (`oss://your-bucket/…`) is still there; Submit refuses the job until it names your own bucket.',
    basis: { kind: 'ours', why: 'The snippets write example values that name no real resource of yours.' },
    fix: 'Replace the placeholder with the OSS URI of your own bucket and object.',
  },
  'container-required': {
    group: 'rule',
    severity: 'error',
    summary: 'Output.Container is required when Type is Concat or Compose.',
    meaning: '`Output.Container` is required when Type is Concat or Compose.',
    basis: { kind: 'api-page', field: 'Output.Container', quote: 'This parameter is required when Type is set to Concat or Compose.' },
    fix: 'Add `Container:` under `Output`, e.g. `mp4` to match an `Output.URI` ending in `.mp4` (the quick fix adds the key).',
  },
  'source-timing-concat-only': {
    group: 'rule',
    severity: 'warning',
    summary: "A Source's StartTime/Duration take effect only when Type is Concat.",
    meaning: "A Source's `StartTime`/`Duration` take effect only when Type is Concat; otherwise the service ignores them.",
    basis: { kind: 'api-page', field: 'Sources[].StartTime, Sources[].Duration', quote: 'This parameter takes effect only when Type is set to Concat.' },
    fix: 'Remove them, or set `Type: Concat` if you meant to join clips.',
  },
  'background-musics-need-mode': {
    group: 'rule',
    severity: 'warning',
    summary: 'BackgroundMusics take effect only when BackgroundMusicMode is Random or Sequential.',
    meaning: '`BackgroundMusics` take effect only when `BackgroundMusicMode` is Random or Sequential (its default is Closed).',
    basis: { kind: 'api-page', field: 'Edit.BackgroundMusics', quote: 'This parameter takes effect when BackgroundMusicMode is set to Random or Sequential.' },
    fix: 'Set `BackgroundMusicMode: Sequential` (or `Random`) in `Edit` (a quick fix), or remove the list.',
  },
  'transitions-need-mode': {
    group: 'rule',
    severity: 'warning',
    summary: 'Transitions take effect only when TransitionMode is Random or Sequential.',
    meaning: '`Transitions` take effect only when `TransitionMode` is Random or Sequential (its default is Closed).',
    basis: { kind: 'api-page', field: 'Edit.Transitions', quote: 'This parameter takes effect when TransitionMode is set to Random or Sequential.' },
    fix: 'Set `TransitionMode: Sequential` (or `Random`) in `Edit` (a quick fix), or remove the list.',
  },
  'vfx-effects-need-mode': {
    group: 'rule',
    severity: 'warning',
    summary: 'VfxEffects take effect only when VfxEffectMode is Random or Sequential.',
    meaning: '`VfxEffects` take effect only when `VfxEffectMode` is Random or Sequential (its default is Closed).',
    basis: { kind: 'api-page', field: 'Edit.VfxEffects', quote: 'This parameter takes effect when VfxEffectMode is set to Random or Sequential.' },
    fix: 'Set `VfxEffectMode: Sequential` (or `Random`) in `Edit` (a quick fix), or remove the list.',
  },
  'transition-weight-random-only': {
    group: 'rule',
    severity: 'warning',
    summary: "A Transition's Weight takes effect only when TransitionMode is Random.",
    meaning: "A Transition's `Weight` takes effect only when `TransitionMode` is Random.",
    basis: { kind: 'api-page', field: 'Edit.Transitions[].Weight', quote: 'This parameter takes effect when TransitionMode is set to Random.' },
    fix: 'Set `TransitionMode: Random`, or remove the `Weight`.',
  },
  'vfx-effect-weight-random-only': {
    group: 'rule',
    severity: 'warning',
    summary: "A VfxEffect's Weight takes effect only when VfxEffectMode is Random.",
    meaning: "A VfxEffect's `Weight` takes effect only when `VfxEffectMode` is Random.",
    basis: { kind: 'api-page', field: 'Edit.VfxEffects[].Weight', quote: 'This parameter takes effect when VfxEffectMode is set to Random.' },
    fix: 'Set `VfxEffectMode: Random`, or remove the `Weight`.',
  },
  'segment-start-number-hls-only': {
    group: 'rule',
    severity: 'warning',
    summary: 'Segment.StartNumber is only supported for hls.',
    meaning: '`Segment.StartNumber` is only supported for hls; with `Format: dash` it does nothing.',
    basis: { kind: 'api-page', field: 'Output.Segment.StartNumber', quote: 'The start number. Only hls is supported.' },
    fix: 'Remove `StartNumber`, or use `Format: hls`.',
  },
  'output-extension-mismatch': {
    group: 'rule',
    severity: 'warning',
    summary: "Output.URI's extension disagrees with Container.",
    meaning: "`Output.URI`'s extension disagrees with `Container`: the file would hold another format than its name says.",
    basis: { kind: 'api-page', field: 'Output.Container', quote: 'Container and URI must be specified together.' },
    fix: 'Make them agree: change the extension of `Output.URI` or the `Container` (quick fixes for both).',
  },
  'output-uri-folder': {
    group: 'rule',
    severity: 'warning',
    summary: 'Output.URI names a folder without Output.Segment: it must name the output file.',
    meaning: '`Output.URI` ends in `/` (a folder) without `Output.Segment`: it must name the output file.',
    basis: { kind: 'api-page', field: 'Output.URI', quote: 'The URI of the output file.' },
    fix: 'Add a file name to the URI (the quick fix writes one in that folder), or add `Output.Segment` for a segmented output.',
  },
  'video-bitrate-crf-exclusive': {
    group: 'rule',
    severity: 'warning',
    summary: 'Video Bitrate and CRF exclude each other.',
    meaning: 'Video `Bitrate` and `CRF` exclude each other: set one.',
    basis: { kind: 'sdk-model', field: 'TargetVideo.TranscodeVideo.CRF', says: 'Bitrate and CRF are mutually exclusive.' },
    fix: 'Remove `Bitrate` (quality by CRF) or `CRF` (a fixed bitrate).',
  },
  'audio-bitrate-quality-exclusive': {
    group: 'rule',
    severity: 'warning',
    summary: 'Audio Bitrate and Quality exclude each other.',
    meaning: 'Audio `Bitrate` and `Quality` exclude each other: set one.',
    basis: { kind: 'sdk-model', field: 'TargetAudio.TranscodeAudio.Quality', says: 'Bitrate and Quality are mutually exclusive.' },
    fix: 'Remove `Bitrate` or `Quality`.',
  },
  'option-without-value': {
    group: 'rule',
    severity: 'warning',
    summary: 'An *Option field without the value it qualifies has no effect.',
    meaning: 'A `*Option` field (or `ScaleType`, `MaxBitrate`) without the value it qualifies has no effect.',
    basis: {
      kind: 'sdk-model',
      field: 'TargetVideo.TranscodeVideo, TargetAudio.TranscodeAudio',
      says: 'each *Option field (and ScaleType, MaxBitrate) qualifies its value field (Resolution, FrameRate, Bitrate, SampleRate, BufferSize)',
    },
    fix: 'Add the value it qualifies (the message names it), or remove the option.',
  },
  'codec-copy-ignores-settings': {
    group: 'rule',
    severity: 'warning',
    summary: 'Codec copy makes the other Transcode fields and the filters ineffective.',
    meaning: 'Codec `copy` (the default) makes the other Transcode fields and the filters ineffective.',
    basis: {
      kind: 'sdk-model',
      field: 'TranscodeVideo.Codec, TranscodeAudio.Codec',
      says: 'copy (the default) keeps the stream as is and disables the other transcoding and filter settings',
    },
    fix: 'Set a `Codec` that transcodes (`h264`, `h265`, `vp9`; `aac`, `mp3`, …), or remove the ignored settings (quick fix).',
  },
  'codec-setting-mismatch': {
    group: 'rule',
    severity: 'warning',
    summary: 'A setting the chosen codec does not support.',
    meaning: 'A setting the chosen codec does not support (BitsPerSample only for flac, Channel limits of mp3/ac3/amr, …).',
    basis: {
      kind: 'sdk-model',
      field: 'TargetAudio, TargetVideo',
      says: 'BitsPerSample only flac; Channel at most 2 for mp3, at most 6 for ac3, 1 for amr; PixelFormat yuva420p vp9 only; VideoSlim h264/h265, yuv420p, 8-bit only',
    },
    fix: 'Change the setting to one the codec supports, or choose a codec that supports it.',
  },
  'media-convert-only': {
    group: 'rule',
    severity: 'warning',
    summary: 'FilterVideo.Speed and FilterVideo.Desensitization do nothing in a highlight task.',
    meaning: '`FilterVideo.Speed` and `FilterVideo.Desensitization` do nothing in a highlight task.',
    basis: { kind: 'sdk-model', field: 'FilterVideo.Speed, FilterVideo.Desensitization', says: 'documented for CreateMediaConvertTask only' },
    fix: 'Remove them (for the playback speed of a highlight, `Output.Speed`).',
  },
  'watermark-field-mismatch': {
    group: 'rule',
    severity: 'warning',
    summary: 'Watermark fields that do not fit the watermark type.',
    meaning: 'Text-only watermark fields on a `file` watermark, or a `URI` on a text watermark.',
    basis: { kind: 'sdk-model', field: 'FilterVideo.Watermarks[]', says: 'Content and the font fields apply to Type text only; URI applies to Type file only' },
    fix: 'Remove the fields that do not fit, or change the watermark `Type`.',
  },
  'undocumented-transition': {
    group: 'rule',
    severity: 'warning',
    summary: 'A Transition name that is not on the IMM list of transition effects.',
    meaning:
      'A `Transition` name that is not on the IMM page [Transition effects](https://www.alibabacloud.com/help/en/imm/developer-reference/transition-effect); the message suggests the closest, and an ffmpeg xfade short name (`hblur`, `wipetl`, `distance`, …) gets a quick fix to the IMM spelling. A warning, as the list grows.',
    basis: { kind: 'api-page', field: 'Edit.Transitions[].Transition', quote: 'The transition effect. For more information, see Transition effects.' },
    fix: 'Use a name from the list (completion offers them); keep the name if IMM added it after this version.',
  },
  'undocumented-vfx-effect': {
    group: 'rule',
    severity: 'warning',
    summary: 'A VfxEffect name that is not on the IMM list of effects.',
    meaning:
      'A `VfxEffect` name that is not on the IMM page [Effects](https://www.alibabacloud.com/help/en/imm/developer-reference/effects); the message suggests the closest. A warning, as the list grows.',
    basis: { kind: 'api-page', field: 'Edit.VfxEffects[].VfxEffect', quote: 'The visual effect. For more information, see Effects.' },
    fix: 'Use a name from the list (completion offers them); keep the name if IMM added it after this version.',
  },
  'project-not-found': {
    group: 'cloud',
    severity: 'error',
    summary: 'The IMM project does not exist in the region.',
    meaning: 'IMM says the `ProjectName` does not exist in the region (reported on the ProjectName value).',
    basis: { kind: 'api-page', field: 'ProjectName', quote: 'Before you call this operation, make sure that a project already exists in the current region.' },
    fix: 'Correct the name, choose the region the project is in (`immHighlight.region`, `--region`), or create the project.',
  },
  'oss-bucket-not-found': {
    group: 'cloud',
    severity: 'error',
    summary: 'The bucket of a URI does not exist.',
    meaning: 'The bucket of a URI does not exist (reported on the bucket name).',
    basis: { kind: 'api-page', field: 'Sources[].URI', quote: 'The URI of the media resource (OSS URI).' },
    fix: 'Correct the bucket name, or create the bucket in the IMM region.',
  },
  'oss-bucket-other-region': {
    group: 'cloud',
    severity: 'error',
    summary: 'The bucket is in another region than the IMM region.',
    meaning: 'The bucket is in another region than the IMM region: IMM reads and writes OSS in its own region.',
    basis: { kind: 'ours', why: 'IMM processes only OSS data in the region of the project (IMM’s documentation of regions); the API page does not repeat it.' },
    fix: 'Submit in the bucket’s region (`immHighlight.region`, `--region`) with a project there, or use a bucket in the IMM region.',
  },
  'oss-object-not-found': {
    group: 'cloud',
    severity: 'error',
    summary: 'No object at a source or background music URI.',
    meaning: 'No object at a `Sources[].URI` or `Edit.BackgroundMusics[].URI`.',
    basis: { kind: 'api-page', field: 'Sources[].URI', quote: 'The URI of the media resource (OSS URI). Only videos are supported.' },
    fix: 'Correct the key (completion lists the objects of the bucket), or upload the file.',
  },
  'oss-not-video': {
    group: 'cloud',
    severity: 'warning',
    summary: 'A source is stored with a Content-Type that is not video/*.',
    meaning: 'A source is stored with a known Content-Type that is not `video/*` (none for `application/octet-stream`).',
    basis: { kind: 'api-page', field: 'Sources[].URI', quote: 'Only videos are supported.' },
    fix: 'Point the source at a video, or correct the object’s Content-Type in OSS if it is one.',
  },
  'oss-not-audio': {
    group: 'cloud',
    severity: 'warning',
    summary: 'Background music is stored with a Content-Type that is not audio/*.',
    meaning: 'Background music is stored with a known Content-Type that is not `audio/*`.',
    basis: { kind: 'api-page', field: 'Edit.BackgroundMusics[].URI', quote: 'Only audio files are supported.' },
    fix: 'Point the background music at an audio file, or correct the object’s Content-Type in OSS if it is one.',
  },
  'output-exists': {
    group: 'cloud',
    severity: 'warning',
    summary: 'An object already exists at Output.URI and would be overwritten.',
    meaning: 'An object already exists at `Output.URI` and will be overwritten.',
    basis: { kind: 'ours', why: 'The task writes its result at Output.URI whether or not an object is there.' },
    fix: 'Choose a new `Output.URI`, or keep it if replacing the earlier result is what you want.',
  },
  'cloud-check-failed': {
    group: 'cloud',
    severity: 'warning',
    summary: 'A cloud check could not run (access denied, timeout, network).',
    meaning:
      'A check could not run (access denied, timeout, network): the message says which and what to do; it never blocks. (`validate --cloud` without credentials stops with one message and exit 1 instead.)',
    basis: { kind: 'ours', why: 'A check that did not run is said so, not taken as passed.' },
    fix: 'Grant the read permission the message names (for example `oss:GetObject`, `imm:GetProject`), or check the network and try again.',
  },
  'media-start-past-end': {
    group: 'cloud',
    severity: 'error',
    summary: "Concat: a Source's StartTime is at or past the end of its video.",
    meaning: 'A Concat clip starts at or after the end of its video (the message gives the video’s length, read from the object): the clip would be empty.',
    basis: { kind: 'api-page', field: 'Sources[].StartTime', quote: 'The start time of the media resource. Valid values: [0, video duration].' },
    fix: 'Set `StartTime` below the video’s length, or point the source at the video meant.',
  },
  'media-clip-past-end': {
    group: 'cloud',
    severity: 'warning',
    summary: "Concat: a Source's StartTime + Duration runs past the end of its video.",
    meaning:
      '`StartTime` + `Duration` of a Concat clip runs past the end of its video: the clip is shorter than the job says, and the reel shorter than planned.',
    basis: { kind: 'api-page', field: 'Sources[].Duration', quote: 'Default value: 0, which indicates the end of the video.' },
    fix: 'Shorten `Duration` to what is left of the video, or set it to 0 (to the end of the video).',
  },
  'media-transition-ignored': {
    group: 'cloud',
    severity: 'warning',
    summary: 'A transition longer than its clip minus 1 s, which IMM drops on that clip.',
    meaning:
      'A transition is longer than the clip it lands on minus 1 second (the clip’s `Duration`, or the rest of its video): IMM silently leaves it out there. With `TransitionMode: Random` it is reported when it would be dropped on some clip.',
    basis: {
      kind: 'api-page',
      field: 'Edit.Transitions[].Duration',
      quote: 'If the transition duration is greater than the clip duration minus 1, the transition effect on that clip does not take effect.',
    },
    fix: 'Shorten the transition’s `Duration` to at most the clip’s length minus 1 s, or lengthen the clip.',
  },
  'media-no-video-stream': {
    group: 'cloud',
    severity: 'error',
    summary: 'A source object holds no video stream.',
    meaning:
      'The object a source names holds no video stream (read from its container, not guessed from its name or Content-Type): an audio file or an image, for example.',
    basis: { kind: 'api-page', field: 'Sources[].URI', quote: 'Only videos are supported.' },
    fix: 'Point the source at a video.',
  },
  'media-no-audio-stream': {
    group: 'cloud',
    severity: 'error',
    summary: 'A background music object holds no audio stream.',
    meaning: 'The object a background music names holds no audio stream (read from its container).',
    basis: { kind: 'api-page', field: 'Edit.BackgroundMusics[].URI', quote: 'Only audio files are supported.' },
    fix: 'Point the music at an audio file (or a video with sound).',
  },
  'media-mixed-streams': {
    group: 'cloud',
    severity: 'warning',
    summary: 'Concat copies the video stream, but the sources differ in video codec or size.',
    meaning:
      'A Concat job copies the video stream (no `Output.Video`, or `TranscodeVideo.Codec: copy`) while its sources differ in video codec or picture size: a stream copy cannot join them into one playable video.',
    basis: { kind: 'api-page', field: 'Output.Video', quote: 'If Video is empty, the first video stream (if any) is directly copied to the output file.' },
    fix: 'Give `Output.Video` a codec (for example `TranscodeVideo.Codec: h264`) so the clips are transcoded, or use sources of one codec and size.',
  },
  'oss-object-archived': {
    group: 'cloud',
    severity: 'error',
    summary: 'A source or music object is in Archive, ColdArchive or DeepColdArchive storage without a finished restore.',
    meaning:
      'A source or music object is in Archive, Cold Archive or Deep Cold Archive storage and has no finished restore: OSS refuses to read it (InvalidObjectState), so IMM cannot either.',
    basis: {
      kind: 'ours',
      why: 'OSS answers a GET of an unrestored archived object with 403 InvalidObjectState; the HEAD says its storage class and restore state.',
    },
    fix: 'Restore the object in OSS (RestoreObject) and wait for the restore to finish, or copy it to Standard storage.',
  },
  'media-unreadable': {
    group: 'cloud',
    severity: 'warning',
    summary: 'A source or music object cannot be read as media (unknown format, damaged).',
    meaning:
      'The object’s container could not be read within the read budget (an unknown format or a damaged file); the message gives the reader’s reason. Nothing is guessed: the other media checks skip it.',
    basis: {
      kind: 'ours',
      why: 'A video that cannot be read by its first bytes is likely one IMM cannot read either; said as a warning, since our readers know fewer formats than IMM.',
    },
    fix: 'Check the upload (its size, that it plays), or re-encode it into a common container (mp4 with h264).',
  },
  'file-not-read': {
    group: 'cli',
    severity: 'error',
    summary: 'highlight-task validate could not read the file; it was not checked.',
    meaning:
      '`highlight-task validate` could not read a file it was given or found (missing, unreadable, over 4 MiB, a symbolic link, a FIFO or a device); the other files are still checked.',
    basis: { kind: 'ours', why: 'A file that was not checked must fail the run, not pass it silently.' },
    fix: 'Make the file a readable regular file of at most 4 MiB, or leave it out of the files and globs given.',
  },
} as const satisfies Readonly<Record<string, DiagnosticCodeEntry>>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The LSP severity a code is reported with. */
export function severityOf(code: DiagnosticCode): DiagnosticSeverity {
  return DIAGNOSTIC_CODES[code].severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
}

/** Problems of the YAML text itself. */
export const YamlCode = {
  Syntax: 'yaml-syntax',
  DuplicateKey: 'yaml-duplicate-key',
  MultipleDocuments: 'yaml-multiple-documents',
  AliasLimit: 'yaml-alias-limit',
  TooLarge: 'file-too-large',
  TooDeep: 'yaml-too-deep',
} as const satisfies Readonly<Record<string, DiagnosticCode>>;
export type YamlCode = (typeof YamlCode)[keyof typeof YamlCode];

/** Problems found by the request schema. */
export const SchemaCode = {
  Type: 'invalid-type',
  Enum: 'invalid-value',
  Required: 'missing-property',
  Unknown: 'unknown-property',
  Range: 'out-of-range',
  TooLong: 'too-long',
  TooShort: 'too-short',
  TooManyItems: 'too-many-items',
  TooFewItems: 'too-few-items',
  Pattern: 'invalid-format',
} as const satisfies Readonly<Record<string, DiagnosticCode>>;
export type SchemaCode = (typeof SchemaCode)[keyof typeof SchemaCode];

/** Names off the lists of the IMM developer reference (warnings: the lists grow). See documentedNames.ts. */
export const DocumentedNameCode = {
  Transition: 'undocumented-transition',
  VfxEffect: 'undocumented-vfx-effect',
} as const satisfies Readonly<Record<string, DiagnosticCode>>;
export type DocumentedNameCode = (typeof DocumentedNameCode)[keyof typeof DocumentedNameCode];

/** Findings of the cloud checks. */
export const CloudCode = {
  ProjectNotFound: 'project-not-found',
  BucketNotFound: 'oss-bucket-not-found',
  BucketOtherRegion: 'oss-bucket-other-region',
  ObjectNotFound: 'oss-object-not-found',
  NotVideo: 'oss-not-video',
  NotAudio: 'oss-not-audio',
  OutputExists: 'output-exists',
  CheckFailed: 'cloud-check-failed',
  MediaStartPastEnd: 'media-start-past-end',
  MediaClipPastEnd: 'media-clip-past-end',
  MediaTransitionIgnored: 'media-transition-ignored',
  MediaNoVideoStream: 'media-no-video-stream',
  MediaNoAudioStream: 'media-no-audio-stream',
  MediaMixedStreams: 'media-mixed-streams',
  ObjectArchived: 'oss-object-archived',
  MediaUnreadable: 'media-unreadable',
} as const satisfies Readonly<Record<string, DiagnosticCode>>;
export type CloudCode = (typeof CloudCode)[keyof typeof CloudCode];

/** Findings of the command line itself. */
export const CliCode = {
  FileNotRead: 'file-not-read',
} as const satisfies Readonly<Record<string, DiagnosticCode>>;
