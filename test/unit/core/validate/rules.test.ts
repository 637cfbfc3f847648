import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseJob } from '../../../../core/src/parse/document';
import type { FixHint } from '../../../../core/src/fixes/hint';
import { API_RULES } from '../../../../core/src/validate/rules';
import { validateJob } from '../../../../core/src/validate/validate';
import { withRanges } from '../../../support/markers';

/*
 * One describe per rule of API_RULES. Each suite registers its positive and negative cases; the last test of
 * the file fails for a rule of the table that has no suite, or a suite without both kinds of case.
 */

interface Expected {
  readonly message: string | RegExp;
  readonly fixes?: readonly FixHint[];
}

const registered = new Map<string, { positive: number; negative: number }>();

interface Cases {
  /** The marked ranges carry this rule's diagnostic, in order, with these messages and fix hints. */
  reports(name: string, marked: string, expected: readonly Expected[]): void;
  /** The rule says nothing about this job. */
  silent(name: string, text: string): void;
}

function diagnose(text: string): Diagnostic[] {
  return validateJob(parseJob(text));
}

function ruleSuite(code: string, severity: 'error' | 'warning', body: (cases: Cases) => void): void {
  const counts = { positive: 0, negative: 0 };
  registered.set(code, counts);
  describe(code, () => {
    test(`is in the table as ${severity === 'error' ? 'an error' : 'a warning'} with the sentence it enforces`, () => {
      const rule = API_RULES.find((r) => r.code === code);
      assert.ok(rule, `${code} is not in API_RULES`);
      assert.equal(rule.severity, severity);
      assert.ok(rule.source.length > 20, 'the source sentence is missing');
    });
    body({
      reports(name, marked, expected) {
        counts.positive++;
        test(name, () => {
          const { text, ranges } = withRanges(marked);
          assert.equal(ranges.length, expected.length, 'one marked range per expected diagnostic');
          const found = diagnose(text).filter((d) => d.code === code);
          assert.deepEqual(
            found.map((d) => d.range),
            ranges,
            JSON.stringify(found.map((d) => d.message)),
          );
          found.forEach((d, i) => {
            const want = expected[i]!;
            assert.equal(d.severity, severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
            assert.equal(d.source, 'imm-highlight');
            if (typeof want.message === 'string') assert.equal(d.message, want.message);
            else assert.match(d.message, want.message);
            assert.deepEqual((d.data as { fixes?: FixHint[] } | undefined)?.fixes ?? [], want.fixes ?? []);
          });
        });
      },
      silent(name, text) {
        counts.negative++;
        test(name, () => {
          assert.deepEqual(
            diagnose(text)
              .filter((d) => d.code === code)
              .map((d) => d.message),
            [],
          );
        });
      },
    });
  });
}

const remove = (...path: (string | number)[]): FixHint[] => [{ kind: 'remove-property', path }];
/** Setting the list's mode comes first: the user wrote the list to have it take effect. */
const setMode = (mode: string, value: string, before?: string): FixHint => ({
  kind: 'set-value',
  path: ['Edit', mode],
  value,
  title: `Set ${mode} to ${value}`,
  ...(before ? { before } : {}),
});

/** A job with one source; `rest` holds Output and whatever else a case needs. */
const job = (type: string, rest: string): string => `ProjectName: immtest
Type: ${type}
Sources:
  - URI: oss://test-bucket/a.mp4
${rest}`;

const OUTPUT = 'Output:\n  URI: oss://test-bucket/out.mp4\n  Container: mp4\n';

/** An Output with a Video or Audio part; `video` is indented under it already. */
const withOutput = (part: string): string => `${OUTPUT}${part}`;

ruleSuite('source-timing-concat-only', 'warning', ({ reports, silent }) => {
  reports(
    'warns about StartTime and Duration of a Retrieval source at their keys',
    `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://test-bucket/a.mp4
    [[StartTime]]: 5
  - URI: oss://test-bucket/b.mp4
    [[Duration]]: 10
${OUTPUT}`,
    [
      { message: 'StartTime takes effect only when Type is Concat; Type is Retrieval, so it is ignored.', fixes: remove('Sources', 0, 'StartTime') },
      { message: 'Duration takes effect only when Type is Concat; Type is Retrieval, so it is ignored.', fixes: remove('Sources', 1, 'Duration') },
    ],
  );
  reports(
    'warns in a Compose job too, also in flow style',
    `ProjectName: immtest\nType: Compose\nSources: [{URI: oss://test-bucket/a.mp4, [[StartTime]]: 0}]\n${OUTPUT}`,
    [{ message: /Type is Compose/, fixes: remove('Sources', 0, 'StartTime') }],
  );
  silent('accepts timing in a Concat job', job('Concat', OUTPUT).replace('a.mp4\n', 'a.mp4\n    StartTime: 5\n    Duration: 3\n'));
  silent('leaves an unknown Type to the schema', job('Retreival', OUTPUT).replace('a.mp4\n', 'a.mp4\n    StartTime: 5\n'));
  silent('ignores a timing key with no value', job('Retrieval', OUTPUT).replace('a.mp4\n', 'a.mp4\n    StartTime:\n'));
});

ruleSuite('container-required', 'error', ({ reports, silent }) => {
  for (const type of ['Concat', 'Compose']) {
    reports(`requires Output.Container for ${type}, at the Output key`, job(type, '[[Output]]:\n  URI: oss://test-bucket/out.mp4\n'), [
      {
        message: `Output.Container is required when Type is ${type}. Valid: mp4, mkv, mov, asf, avi, mxf, ts, flv.`,
        fixes: [{ kind: 'add-properties', path: ['Output'], properties: ['Container'] }],
      },
    ]);
  }
  silent('does not require it for Retrieval', job('Retrieval', 'Output:\n  URI: oss://test-bucket/out.mp4\n'));
  silent('is satisfied by a Container', job('Concat', OUTPUT));
  silent('says nothing when Output itself is missing (the schema does)', job('Concat', ''));
});

const MODE_LISTS = [
  { code: 'background-musics-need-mode', list: 'BackgroundMusics', mode: 'BackgroundMusicMode', item: 'URI: oss://test-bucket/m.mp3', modes: ['Closed'] },
  { code: 'transitions-need-mode', list: 'Transitions', mode: 'TransitionMode', item: 'Transition: fade', modes: ['Closed', 'Auto'] },
  { code: 'vfx-effects-need-mode', list: 'VfxEffects', mode: 'VfxEffectMode', item: 'VfxEffect: letterboxed', modes: ['Closed', 'Auto'] },
] as const;

for (const { code, list, mode, item, modes } of MODE_LISTS) {
  ruleSuite(code, 'warning', ({ reports, silent }) => {
    const edit = (modeLine: string, marked: boolean): string =>
      job('Compose', `${OUTPUT}Edit:\n  Mode: Sequential\n${modeLine}  ${marked ? `[[${list}]]` : list}:\n    - ${item}\n`);
    reports(`warns at the ${list} key when ${mode} is not set`, edit('', true), [
      {
        message: `${list} take effect only when ${mode} is Random or Sequential; it is not set (default Closed).`,
        fixes: [setMode(mode, 'Sequential', list), ...remove('Edit', list)],
      },
    ]);
    for (const value of modes) {
      reports(`warns when ${mode} is ${value}`, edit(`  ${mode}: ${value}\n`, true), [
        {
          message: `${list} take effect only when ${mode} is Random or Sequential; it is ${value}.`,
          fixes: [setMode(mode, 'Sequential', list), ...remove('Edit', list)],
        },
      ]);
    }
    for (const value of ['Random', 'Sequential']) silent(`accepts ${list} with ${mode} ${value}`, edit(`  ${mode}: ${value}\n`, false));
    silent(`leaves a ${mode} that is not a valid value to the schema`, edit(`  ${mode}: random\n`, false));
    silent(`says nothing without ${list}`, job('Compose', `${OUTPUT}Edit:\n  Mode: Sequential\n  ${mode}: Closed\n`));
  });
}

for (const { code, list, mode, item } of [
  { code: 'transition-weight-random-only', list: 'Transitions', mode: 'TransitionMode', item: 'Transition: fade' },
  { code: 'vfx-effect-weight-random-only', list: 'VfxEffects', mode: 'VfxEffectMode', item: 'VfxEffect: letterboxed' },
] as const) {
  ruleSuite(code, 'warning', ({ reports, silent }) => {
    const edit = (value: string, weights: string): string => job('Compose', `${OUTPUT}Edit:\n  Mode: Sequential\n  ${mode}: ${value}\n  ${list}:\n${weights}`);
    reports(
      `warns at each Weight key of ${list} when ${mode} is Sequential`,
      edit('Sequential', `    - ${item}\n      [[Weight]]: 10\n    - ${item}\n    - ${item}\n      [[Weight]]: 90\n`),
      [
        {
          message: `Weight takes effect only when ${mode} is Random; it is Sequential, so the list is applied in order.`,
          fixes: [setMode(mode, 'Random'), ...remove('Edit', list, 0, 'Weight')],
        },
        { message: /only when .* is Random/, fixes: [setMode(mode, 'Random'), ...remove('Edit', list, 2, 'Weight')] },
      ],
    );
    silent(`accepts weights when ${mode} is Random`, edit('Random', `    - ${item}\n      Weight: 10\n`));
    // With Closed or Auto the whole list is ignored, which the list rule says once; no second warning per item.
    silent(`leaves ${mode} Closed to the list rule`, edit('Closed', `    - ${item}\n      Weight: 10\n`));
  });
}

ruleSuite('segment-start-number-hls-only', 'warning', ({ reports, silent }) => {
  reports('warns at StartNumber of dash segments', job('Concat', `${OUTPUT}  Segment:\n    Format: dash\n    [[StartNumber]]: 3\n`), [
    { message: 'StartNumber applies to hls segments only; Segment.Format is dash.', fixes: remove('Output', 'Segment', 'StartNumber') },
  ]);
  reports('warns when Format is not set', job('Concat', `${OUTPUT}  Segment:\n    [[StartNumber]]: 3\n`), [
    { message: 'StartNumber applies to hls segments only; Segment.Format is not set.', fixes: remove('Output', 'Segment', 'StartNumber') },
  ]);
  silent('accepts StartNumber with hls', job('Concat', `${OUTPUT}  Segment:\n    Format: hls\n    StartNumber: 3\n`));
  silent('says nothing about dash without StartNumber', job('Concat', `${OUTPUT}  Segment:\n    Format: dash\n`));
});

ruleSuite('invalid-oss-uri', 'error', ({ reports, silent }) => {
  reports(
    'reports every kind of URI field at its value',
    `ProjectName: immtest
Type: Compose
Sources:
  - URI: [[http://example.com/a.mp4]]
  - URI: oss://test-bucket/b.mp4
  - URI: [[oss://Bad_Bucket/c.mp4]]
Edit:
  Mode: Sequential
  BackgroundMusicMode: Random
  BackgroundMusics:
    - URI: [[oss://test-bucket]]
Output:
  URI: [[test-bucket/out.mp4]]
  Container: mp4
  Video:
    TranscodeVideo:
      Codec: h264
    FilterVideo:
      Watermarks:
        - Type: file
          URI: [["oss://ab/logo.png"]]
Notification:
  ExtendedMessageURI: [[oss://test-bucket/]]
`,
    [
      { message: '`http://example.com/a.mp4` is not an OSS URI: it must start with oss:// (not http://). IMM reads from OSS, not from web addresses.' },
      {
        message: '`Bad_Bucket` is not a valid OSS bucket name: use 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
      },
      { message: '`oss://test-bucket` names a bucket but no object: write it as oss://test-bucket/path/to/object.' },
      { message: '`test-bucket/out.mp4` is not an OSS URI: write it as oss://bucket/object.' },
      { message: /^`ab` is not a valid OSS bucket name/ },
      { message: '`oss://test-bucket/` names a bucket but no object: write it as oss://test-bucket/path/to/object.' },
    ],
  );
  silent(
    'accepts OSS URIs with deep, non-ASCII and spaced object names',
    job('Concat', 'Output:\n  URI: "oss://test-bucket/输出/my clip (1).mp4"\n  Container: mp4\n'),
  );
  silent('leaves a URI of the wrong type to the schema', job('Concat', 'Output:\n  URI: 12\n  Container: mp4\n'));
});

ruleSuite('output-uri-folder', 'warning', ({ reports, silent }) => {
  reports(
    'warns at a URI ending in / without Segment, and offers a file in that folder',
    job('Concat', 'Output:\n  URI: [[oss://test-bucket/highlights/]]\n  Container: mov\n'),
    [
      {
        message:
          'Output.URI ends in "/", a folder: it must name the output file (for example `oss://test-bucket/highlights/output.mov`), unless Output.Segment is set.',
        fixes: [
          {
            kind: 'set-value',
            path: ['Output', 'URI'],
            value: 'oss://test-bucket/highlights/output.mov',
            title: 'Change to `oss://test-bucket/highlights/output.mov`',
          },
        ],
      },
    ],
  );
  silent('leaves a file name alone', job('Concat', 'Output:\n  URI: oss://test-bucket/highlights/out.mp4\n  Container: mp4\n'));
  silent(
    'leaves a folder with Segment alone (the segments go there)',
    job('Concat', 'Output:\n  URI: oss://test-bucket/highlights/\n  Container: ts\n  Segment:\n    Format: hls\n'),
  );
  silent('leaves a bare bucket to the OSS URI check', job('Concat', 'Output:\n  URI: oss://test-bucket/\n  Container: mp4\n'));
});

ruleSuite('output-extension-mismatch', 'warning', ({ reports, silent }) => {
  reports('warns at the URI when its extension names another container', job('Concat', 'Output:\n  URI: [[oss://test-bucket/out.mov]]\n  Container: mp4\n'), [
    {
      message: 'Output.URI ends in .mov but Container is mp4: the file will hold mp4 data under a .mov name.',
      fixes: [
        { kind: 'set-value', path: ['Output', 'Container'], value: 'mov', title: "Change Container to `mov`, as the URI's extension says" },
        { kind: 'set-value', path: ['Output', 'URI'], value: 'oss://test-bucket/out.mp4', title: "Change the URI's extension to `.mp4`, as Container says" },
      ],
    },
  ]);
  // webm is no Container value: only the extension can change.
  reports('reads the extension case-insensitively', job('Concat', 'Output:\n  URI: [[oss://test-bucket/OUT.WEBM]]\n  Container: mkv\n'), [
    {
      message: /ends in \.webm but Container is mkv/,
      fixes: [
        { kind: 'set-value', path: ['Output', 'URI'], value: 'oss://test-bucket/OUT.mkv', title: "Change the URI's extension to `.mkv`, as Container says" },
      ],
    },
  ]);
  silent('accepts a matching extension in any case', job('Concat', 'Output:\n  URI: oss://test-bucket/OUT.MP4\n  Container: mp4\n'));
  silent('does not second-guess extensions that are not containers', job('Concat', 'Output:\n  URI: oss://test-bucket/out/index.m3u8\n  Container: ts\n'));
  silent('does not second-guess a URI without extension', job('Concat', 'Output:\n  URI: oss://test-bucket/out/clip\n  Container: ts\n'));
  silent('leaves segmented output alone', job('Concat', 'Output:\n  URI: oss://test-bucket/out.mp4\n  Container: ts\n  Segment:\n    Format: hls\n'));
});

ruleSuite('video-bitrate-crf-exclusive', 'warning', ({ reports, silent }) => {
  reports(
    'warns at CRF when Bitrate is set too',
    job('Concat', withOutput('  Video:\n    TranscodeVideo:\n      Codec: h264\n      Bitrate: 2000000\n      [[CRF]]: 23\n')),
    [{ message: 'Bitrate and CRF exclude each other: set one of them.', fixes: remove('Output', 'Video', 'TranscodeVideo', 'CRF') }],
  );
  silent(
    'leaves Codec copy to codec-copy-ignores-settings',
    job('Concat', withOutput('  Video:\n    TranscodeVideo:\n      Bitrate: 2000000\n      CRF: 23\n')),
  );
  silent('accepts CRF alone', job('Concat', withOutput('  Video:\n    TranscodeVideo:\n      Codec: h264\n      CRF: 23\n')));
  silent('accepts Bitrate alone', job('Concat', withOutput('  Video:\n    TranscodeVideo:\n      Codec: h264\n      Bitrate: 2000000\n')));
});

ruleSuite('audio-bitrate-quality-exclusive', 'warning', ({ reports, silent }) => {
  reports(
    'warns at Quality when Bitrate is set too',
    job('Concat', withOutput('  Audio:\n    TranscodeAudio:\n      Codec: aac\n      Bitrate: 128000\n      [[Quality]]: 80\n')),
    [{ message: 'Bitrate and Quality exclude each other: set one of them.', fixes: remove('Output', 'Audio', 'TranscodeAudio', 'Quality') }],
  );
  silent(
    'leaves Codec copy to codec-copy-ignores-settings',
    job('Concat', withOutput('  Audio:\n    TranscodeAudio:\n      Codec: copy\n      Bitrate: 128000\n      Quality: 80\n')),
  );
  silent('accepts Quality alone', job('Concat', withOutput('  Audio:\n    TranscodeAudio:\n      Codec: aac\n      Quality: 80\n')));
});

ruleSuite('option-without-value', 'warning', ({ reports, silent }) => {
  reports(
    'warns at every option whose value is missing',
    job(
      'Concat',
      withOutput(`  Video:
    TranscodeVideo:
      Codec: h264
      CRF: 23
      [[ResolutionOption]]: adaptive
      [[ScaleType]]: fit
      [[AdaptiveResolutionDirection]]: true
      [[FrameRateOption]]: fixed
      [[BitrateOption]]: fall
      [[MaxBitrate]]: 5000000
  Audio:
    TranscodeAudio:
      Codec: aac
      [[BitrateOption]]: fixed
      [[SampleRateOption]]: adaptive
`),
    ),
    [
      { message: 'ResolutionOption has no effect without Resolution.', fixes: remove('Output', 'Video', 'TranscodeVideo', 'ResolutionOption') },
      { message: 'ScaleType has no effect without Resolution.', fixes: remove('Output', 'Video', 'TranscodeVideo', 'ScaleType') },
      {
        message: 'AdaptiveResolutionDirection has no effect without Resolution.',
        fixes: remove('Output', 'Video', 'TranscodeVideo', 'AdaptiveResolutionDirection'),
      },
      { message: 'FrameRateOption has no effect without FrameRate.', fixes: remove('Output', 'Video', 'TranscodeVideo', 'FrameRateOption') },
      { message: 'BitrateOption has no effect without Bitrate.', fixes: remove('Output', 'Video', 'TranscodeVideo', 'BitrateOption') },
      { message: 'MaxBitrate has no effect without BufferSize.', fixes: remove('Output', 'Video', 'TranscodeVideo', 'MaxBitrate') },
      { message: 'BitrateOption has no effect without Bitrate.', fixes: remove('Output', 'Audio', 'TranscodeAudio', 'BitrateOption') },
      { message: 'SampleRateOption has no effect without SampleRate.', fixes: remove('Output', 'Audio', 'TranscodeAudio', 'SampleRateOption') },
    ],
  );
  silent(
    'leaves options under Codec copy to codec-copy-ignores-settings',
    job(
      'Concat',
      withOutput('  Video:\n    TranscodeVideo:\n      Codec: copy\n      ScaleType: fit\n  Audio:\n    TranscodeAudio:\n      SampleRateOption: fixed\n'),
    ),
  );
  silent(
    'accepts every option next to its value',
    job(
      'Concat',
      withOutput(`  Video:
    TranscodeVideo:
      Codec: h264
      Resolution: 1280x720
      ResolutionOption: adaptive
      ScaleType: fit
      AdaptiveResolutionDirection: true
      FrameRate: 25
      FrameRateOption: fixed
      CRF: 23
      MaxBitrate: 5000000
      BufferSize: 10000000
  Audio:
    TranscodeAudio:
      Codec: aac
      Bitrate: 128000
      BitrateOption: fixed
      SampleRate: 44100
      SampleRateOption: adaptive
`),
    ),
  );
});

ruleSuite('codec-copy-ignores-settings', 'warning', ({ reports, silent }) => {
  reports(
    'warns at each setting next to Codec copy, and at the filters',
    job('Concat', withOutput('  Video:\n    TranscodeVideo:\n      Codec: copy\n      [[CRF]]: 23\n    [[FilterVideo]]:\n      Delogos: []\n')),
    [
      { message: 'CRF is ignored: Codec is copy, which keeps the video stream as it is.', fixes: remove('Output', 'Video', 'TranscodeVideo', 'CRF') },
      { message: 'FilterVideo is ignored: TranscodeVideo.Codec is copy. Filters need a transcoding codec.', fixes: remove('Output', 'Video', 'FilterVideo') },
    ],
  );
  reports(
    'treats a missing Codec as copy',
    job('Concat', withOutput('  Audio:\n    TranscodeAudio:\n      [[Channel]]: 2\n    [[FilterAudio]]:\n      Mixing: true\n')),
    [
      {
        message: 'Channel is ignored: Codec is not set, so it is copy, which keeps the audio stream as it is.',
        fixes: remove('Output', 'Audio', 'TranscodeAudio', 'Channel'),
      },
      {
        message: 'FilterAudio is ignored: TranscodeAudio.Codec is not set, so it is copy. Filters need a transcoding codec.',
        fixes: remove('Output', 'Audio', 'FilterAudio'),
      },
    ],
  );
  reports('warns at filters without any transcoding', job('Concat', withOutput('  Video:\n    [[FilterVideo]]:\n      Delogos: []\n')), [
    { message: 'FilterVideo is ignored: there is no TranscodeVideo. Filters need a transcoding codec.', fixes: remove('Output', 'Video', 'FilterVideo') },
  ]);
  silent(
    'accepts settings and filters with a real codec',
    job(
      'Concat',
      withOutput(
        '  Video:\n    TranscodeVideo:\n      Codec: h264\n      CRF: 23\n    FilterVideo:\n      Delogos: []\n  Audio:\n    TranscodeAudio:\n      Codec: aac\n      Channel: 2\n    FilterAudio:\n      Mixing: true\n',
      ),
    ),
  );
  silent('leaves an empty setting to the schema', job('Concat', withOutput('  Video:\n    TranscodeVideo:\n      Codec: copy\n      CRF:\n')));
  silent('accepts Codec copy on its own', job('Concat', withOutput('  Video:\n    TranscodeVideo:\n      Codec: copy\n')));
});

ruleSuite('codec-setting-mismatch', 'warning', ({ reports, silent }) => {
  const audio = (settings: string): string => job('Concat', withOutput(`  Audio:\n    TranscodeAudio:\n${settings}`));
  const video = (settings: string): string => job('Concat', withOutput(`  Video:\n    TranscodeVideo:\n${settings}`));
  reports('warns at BitsPerSample of a codec other than flac', audio('      Codec: aac\n      [[BitsPerSample]]: 24\n'), [
    { message: 'BitsPerSample applies to flac only; Codec is aac, so it is ignored.', fixes: remove('Output', 'Audio', 'TranscodeAudio', 'BitsPerSample') },
  ]);
  for (const [codec, channels, max, words] of [
    ['mp3', 6, 2, 'at most 2 channels'],
    ['ac3', 8, 6, 'at most 6 channels'],
    ['amr', 2, 1, 'exactly 1 channel'],
  ] as const) {
    reports(`warns at a Channel value above what ${codec} takes`, audio(`      Codec: ${codec}\n      Channel: [[${channels}]]\n`), [
      {
        message: `${codec} takes ${words}; Channel is ${channels}.`,
        fixes: [{ kind: 'replace-value', path: ['Output', 'Audio', 'TranscodeAudio', 'Channel'], value: max }],
      },
    ]);
  }
  reports('warns at yuva420p with a codec other than vp9', video('      Codec: h264\n      PixelFormat: [[yuva420p]]\n'), [
    { message: 'yuva420p (with alpha) needs Codec vp9; Codec is h264.' },
  ]);
  reports('warns at VideoSlim 1 with vp9', video('      Codec: vp9\n      VideoSlim: [[1]]\n'), [
    { message: 'VideoSlim 1 (narrowband HD) works with h264 and h265 only; Codec is vp9.' },
  ]);
  reports('warns at VideoSlim 1 with a pixel format other than yuv420p', video('      Codec: h265\n      PixelFormat: yuv444p\n      VideoSlim: [[1]]\n'), [
    { message: 'VideoSlim 1 (narrowband HD) works with PixelFormat yuv420p only; PixelFormat is yuv444p.' },
  ]);
  silent('accepts BitsPerSample with flac and channels within each limit', audio('      Codec: flac\n      BitsPerSample: 24\n      Channel: 8\n'));
  silent('accepts 2 channels of mp3 and 1 of amr', audio('      Codec: mp3\n      Channel: 2\n'));
  silent('accepts yuva420p with vp9 and VideoSlim with h264 yuv420p', video('      Codec: vp9\n      PixelFormat: yuva420p\n      VideoSlim: 0\n'));
  silent('leaves Codec copy to codec-copy-ignores-settings', audio('      Codec: copy\n      BitsPerSample: 24\n      Channel: 8\n'));
});

ruleSuite('media-convert-only', 'warning', ({ reports, silent }) => {
  reports(
    'warns at FilterVideo.Speed and Desensitization',
    job(
      'Concat',
      withOutput(
        '  Video:\n    TranscodeVideo:\n      Codec: h264\n    FilterVideo:\n      [[Speed]]: 0.5\n      [[Desensitization]]:\n        Face:\n          Confidence: 0.5\n',
      ),
    ),
    [
      {
        message: 'FilterVideo.Speed works in media-convert tasks only; a highlight task ignores it. Use Output.Speed instead.',
        fixes: remove('Output', 'Video', 'FilterVideo', 'Speed'),
      },
      {
        message: 'FilterVideo.Desensitization works in media-convert tasks only; a highlight task ignores it.',
        fixes: remove('Output', 'Video', 'FilterVideo', 'Desensitization'),
      },
    ],
  );
  silent(
    'accepts watermarks and delogos',
    job('Concat', withOutput('  Video:\n    TranscodeVideo:\n      Codec: h264\n    FilterVideo:\n      Delogos:\n        - Dx: 1\n')),
  );
});

ruleSuite('watermark-field-mismatch', 'warning', ({ reports, silent }) => {
  const watermarks = (items: string): string =>
    job('Concat', withOutput(`  Video:\n    TranscodeVideo:\n      Codec: h264\n    FilterVideo:\n      Watermarks:\n${items}`));
  reports(
    'warns at the text fields of a file watermark',
    watermarks(
      '        - Type: file\n          URI: oss://test-bucket/logo.png\n          [[Content]]: hi\n          [[FontSize]]: 20\n          [[FontApha]]: 0.5\n',
    ),
    [
      {
        message: 'Content applies to text watermarks only; this one has Type file.',
        fixes: remove('Output', 'Video', 'FilterVideo', 'Watermarks', 0, 'Content'),
      },
      {
        message: 'FontSize applies to text watermarks only; this one has Type file.',
        fixes: remove('Output', 'Video', 'FilterVideo', 'Watermarks', 0, 'FontSize'),
      },
      {
        message: 'FontApha applies to text watermarks only; this one has Type file.',
        fixes: remove('Output', 'Video', 'FilterVideo', 'Watermarks', 0, 'FontApha'),
      },
    ],
  );
  reports(
    'warns at the URI of a text watermark, explicit or by default',
    watermarks('        - Type: text\n          [[URI]]: oss://test-bucket/a.png\n        - Content: x\n          [[URI]]: oss://test-bucket/b.png\n'),
    [
      {
        message: 'URI applies to file watermarks only; Type is text. Set `Type: file` to use an image.',
        fixes: remove('Output', 'Video', 'FilterVideo', 'Watermarks', 0, 'URI'),
      },
      {
        message: 'URI applies to file watermarks only; Type is not set, so it is text. Set `Type: file` to use an image.',
        fixes: remove('Output', 'Video', 'FilterVideo', 'Watermarks', 1, 'URI'),
      },
    ],
  );
  silent(
    'accepts matching fields',
    watermarks(
      '        - Type: file\n          URI: oss://test-bucket/logo.png\n          ReferPos: topright\n        - Content: hi\n          FontSize: 20\n',
    ),
  );
});

describe('the rules table', () => {
  test('codes are unique and kebab-case', () => {
    const codes = API_RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.match(code, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  test('every rule of API_RULES has a suite with positive and negative cases', () => {
    for (const rule of API_RULES) {
      const counts = registered.get(rule.code);
      assert.ok(counts, `rule ${rule.code} has no tests in rules.test.ts`);
      assert.ok(counts.positive > 0, `rule ${rule.code} has no case where it reports`);
      assert.ok(counts.negative > 0, `rule ${rule.code} has no case where it stays silent`);
    }
    for (const code of registered.keys())
      assert.ok(
        API_RULES.some((r) => r.code === code),
        `suite ${code} tests a rule that is not in the table`,
      );
  });

  test('rules read only the request and never throw on odd shapes', () => {
    const shapes: unknown[] = [
      { Type: 'Concat', Sources: 'x', Edit: [], Output: 'x' },
      { Type: 'Retrieval', Sources: [null, 1, 'x', []], Edit: { Transitions: 'x', TransitionMode: 'Sequential' } },
      { Output: { Video: { TranscodeVideo: [], FilterVideo: { Watermarks: [null, 'x'] } }, Audio: 1, Segment: [] } },
      { Notification: { ExtendedMessageURI: 5 }, Edit: { BackgroundMusics: [{ URI: null }] } },
    ];
    for (const shape of shapes) {
      for (const rule of API_RULES) assert.doesNotThrow(() => rule.check(shape as Record<string, unknown>, () => undefined), rule.code);
    }
  });
});
