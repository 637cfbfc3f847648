import { DiagnosticSeverity } from 'vscode-languageserver-types';

/** Every diagnostic we publish carries this source, so users can tell our problems from other tools'. */
export const DIAGNOSTIC_SOURCE = 'imm-highlight';

/** Where a code comes from: the YAML text, the request schema, a rule of the API, the cloud checks, the CLI. */
export type DiagnosticCodeGroup = 'yaml' | 'schema' | 'rule' | 'cloud' | 'cli';

export interface DiagnosticCodeEntry {
  readonly group: DiagnosticCodeGroup;
  /** The severity it is reported with (a YAML parser warning under yaml-syntax is the one exception). */
  readonly severity: 'error' | 'warning';
  /** One line of English: what the code means, for the docs page and the SARIF rule list made from this table. */
  readonly summary: string;
}

/**
 * Every diagnostic code, the one registry. Codes are stable: users filter on them, and the docs list them (a unit
 * test ties the docs' tables to this one). A code not in here does not compile where a producer names it.
 */
export const DIAGNOSTIC_CODES = {
  'yaml-syntax': { group: 'yaml', severity: 'error', summary: 'The YAML cannot be read (bad indentation, an unclosed quote or bracket, …).' },
  'yaml-duplicate-key': { group: 'yaml', severity: 'error', summary: 'A key appears twice in one mapping.' },
  'yaml-multiple-documents': { group: 'yaml', severity: 'error', summary: 'A second YAML document (---) in the file: a job file holds one request.' },
  'yaml-alias-limit': { group: 'yaml', severity: 'error', summary: 'Aliases expand to too many nodes.' },
  'yaml-too-deep': { group: 'yaml', severity: 'error', summary: 'Nesting too deep for the YAML parser; the file is not checked.' },
  'file-too-large': { group: 'yaml', severity: 'error', summary: 'The file is too large to be a job (over 4 MiB); it is not checked.' },
  'invalid-type': { group: 'schema', severity: 'error', summary: 'A value of the wrong type.' },
  'invalid-value': { group: 'schema', severity: 'error', summary: 'Not one of the valid values of an enum.' },
  'missing-property': { group: 'schema', severity: 'error', summary: 'A required property is missing.' },
  'unknown-property': { group: 'schema', severity: 'error', summary: 'A property the API does not have.' },
  'out-of-range': { group: 'schema', severity: 'error', summary: 'A number below the minimum or above the maximum.' },
  'too-long': { group: 'schema', severity: 'error', summary: 'Text longer than allowed.' },
  'too-short': { group: 'schema', severity: 'error', summary: 'Empty text where a value is required.' },
  'too-many-items': { group: 'schema', severity: 'error', summary: 'A list longer than allowed.' },
  'too-few-items': { group: 'schema', severity: 'error', summary: 'A list shorter than allowed.' },
  'invalid-format': { group: 'schema', severity: 'error', summary: 'Text in the wrong format (a resolution, a colour, …).' },
  'invalid-oss-uri': { group: 'rule', severity: 'error', summary: 'Not an OSS URI oss://bucket/object with a valid bucket name.' },
  'placeholder-value': { group: 'rule', severity: 'error', summary: "A snippet's placeholder value (oss://your-bucket/…) is still there." },
  'container-required': { group: 'rule', severity: 'error', summary: 'Output.Container is required when Type is Concat or Compose.' },
  'source-timing-concat-only': { group: 'rule', severity: 'warning', summary: "A Source's StartTime/Duration take effect only when Type is Concat." },
  'background-musics-need-mode': {
    group: 'rule',
    severity: 'warning',
    summary: 'BackgroundMusics take effect only when BackgroundMusicMode is Random or Sequential.',
  },
  'transitions-need-mode': { group: 'rule', severity: 'warning', summary: 'Transitions take effect only when TransitionMode is Random or Sequential.' },
  'vfx-effects-need-mode': { group: 'rule', severity: 'warning', summary: 'VfxEffects take effect only when VfxEffectMode is Random or Sequential.' },
  'transition-weight-random-only': { group: 'rule', severity: 'warning', summary: "A Transition's Weight takes effect only when TransitionMode is Random." },
  'vfx-effect-weight-random-only': { group: 'rule', severity: 'warning', summary: "A VfxEffect's Weight takes effect only when VfxEffectMode is Random." },
  'segment-start-number-hls-only': { group: 'rule', severity: 'warning', summary: 'Segment.StartNumber is only supported for hls.' },
  'output-extension-mismatch': { group: 'rule', severity: 'warning', summary: "Output.URI's extension disagrees with Container." },
  'output-uri-folder': { group: 'rule', severity: 'warning', summary: 'Output.URI names a folder without Output.Segment: it must name the output file.' },
  'video-bitrate-crf-exclusive': { group: 'rule', severity: 'warning', summary: 'Video Bitrate and CRF exclude each other.' },
  'audio-bitrate-quality-exclusive': { group: 'rule', severity: 'warning', summary: 'Audio Bitrate and Quality exclude each other.' },
  'option-without-value': { group: 'rule', severity: 'warning', summary: 'An *Option field without the value it qualifies has no effect.' },
  'codec-copy-ignores-settings': { group: 'rule', severity: 'warning', summary: 'Codec copy makes the other Transcode fields and the filters ineffective.' },
  'codec-setting-mismatch': { group: 'rule', severity: 'warning', summary: 'A setting the chosen codec does not support.' },
  'media-convert-only': { group: 'rule', severity: 'warning', summary: 'FilterVideo.Speed and FilterVideo.Desensitization do nothing in a highlight task.' },
  'watermark-field-mismatch': { group: 'rule', severity: 'warning', summary: 'Watermark fields that do not fit the watermark type.' },
  'undocumented-transition': { group: 'rule', severity: 'warning', summary: 'A Transition name that is not on the IMM list of transition effects.' },
  'undocumented-vfx-effect': { group: 'rule', severity: 'warning', summary: 'A VfxEffect name that is not on the IMM list of effects.' },
  'project-not-found': { group: 'cloud', severity: 'error', summary: 'The IMM project does not exist in the region.' },
  'oss-bucket-not-found': { group: 'cloud', severity: 'error', summary: 'The bucket of a URI does not exist.' },
  'oss-bucket-other-region': { group: 'cloud', severity: 'error', summary: 'The bucket is in another region than the IMM region.' },
  'oss-object-not-found': { group: 'cloud', severity: 'error', summary: 'No object at a source or background music URI.' },
  'oss-not-video': { group: 'cloud', severity: 'warning', summary: 'A source is stored with a Content-Type that is not video/*.' },
  'oss-not-audio': { group: 'cloud', severity: 'warning', summary: 'Background music is stored with a Content-Type that is not audio/*.' },
  'output-exists': { group: 'cloud', severity: 'warning', summary: 'An object already exists at Output.URI and would be overwritten.' },
  'cloud-check-failed': { group: 'cloud', severity: 'warning', summary: 'A cloud check could not run (access denied, timeout, network).' },
  'media-start-past-end': { group: 'cloud', severity: 'error', summary: "Concat: a Source's StartTime is at or past the end of its video." },
  'media-clip-past-end': { group: 'cloud', severity: 'warning', summary: "Concat: a Source's StartTime + Duration runs past the end of its video." },
  'media-transition-ignored': {
    group: 'cloud',
    severity: 'warning',
    summary: 'A transition longer than its clip minus 1 s, which IMM drops on that clip.',
  },
  'media-no-video-stream': { group: 'cloud', severity: 'error', summary: 'A source object holds no video stream.' },
  'media-no-audio-stream': { group: 'cloud', severity: 'error', summary: 'A background music object holds no audio stream.' },
  'media-mixed-streams': {
    group: 'cloud',
    severity: 'warning',
    summary: 'Concat copies the video stream, but the sources differ in video codec or size.',
  },
  'oss-object-archived': {
    group: 'cloud',
    severity: 'error',
    summary: 'A source or music object is in Archive, ColdArchive or DeepColdArchive storage without a finished restore.',
  },
  'media-unreadable': { group: 'cloud', severity: 'warning', summary: 'A source or music object cannot be read as media (unknown format, damaged).' },
  'file-not-read': { group: 'cli', severity: 'error', summary: 'highlight-task validate could not read the file; it was not checked.' },
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
