/**
 * Job documents for the benchmark: a typical hand-written job and generated ones with many Sources.
 * Each comes with a toggle: a small edit on one line that flips that line between valid and invalid, so a
 * measurement can tell the diagnostics of its own edit from stale ones by looking at that line.
 */

export interface BenchDocument {
  readonly name: string;
  readonly text: string;
  /** Zero-based line of the toggled value. */
  readonly toggleLine: number;
  /** Character range of the toggled value on that line, and its valid and invalid spellings (same length not required). */
  readonly toggleCharacter: number;
  readonly valid: string;
  readonly invalid: string;
}

/** A Compose job as people write it: ~40 lines, every section, no mistakes. */
export function typicalJob(): BenchDocument {
  const lines = [
    '# Compose: a holiday video from three clips, with background music.',
    'ProjectName: immtest',
    'Type: Compose',
    'Sources:',
    '  - URI: oss://test-bucket/videos/beach.mp4',
    '  - URI: oss://test-bucket/videos/mountains.mp4',
    '  - URI: oss://test-bucket/videos/city.mp4',
    'Highlight:',
    '  Content: People',
    'Edit:',
    '  Mode: Sequential',
    '  BackgroundMusicMode: Sequential',
    '  BackgroundMusics:',
    '    - URI: oss://test-bucket/music/summer.mp3',
    '      Volume: 0.5',
    '  TransitionMode: Auto',
    '  VfxEffectMode: Auto',
    'Output:',
    '  URI: oss://test-bucket/highlights/holiday.mp4',
    '  Container: mp4',
    '  Speed: 1.0',
    '  MaxDuration: 60',
    '  Video:',
    '    TranscodeVideo:',
    '      Codec: h264',
    '      Resolution: 1280x720',
    '      FrameRate: 25',
    '      Bitrate: 2000000',
    '  Audio:',
    '    TranscodeAudio:',
    '      Codec: aac',
    '      SampleRate: 44100',
    '      Channel: 2',
    'UserData: \'{"ID": "holiday-2024"}\'',
    'Tags:',
    '  trip: summer',
    '  owner: media-team',
    'Notification:',
    '  MNS:',
    '    TopicName: highlight-done',
  ];
  const toggleLine = lines.indexOf('  Container: mp4');
  return { name: 'typical', text: lines.join('\n') + '\n', toggleLine, toggleCharacter: '  Container: '.length, valid: 'mp4', invalid: 'mp5' };
}

/** A Concat job with `count` Sources (the API allows 10; large counts measure scaling, not real use). */
export function sourcesJob(count: number): BenchDocument {
  const lines = ['ProjectName: immtest', 'Type: Concat', 'Sources:'];
  let toggleLine = -1;
  for (let i = 0; i < count; i++) {
    lines.push(`  - URI: oss://test-bucket/videos/clip-${i}.mp4`, `    StartTime: ${i % 60}`);
    // The edit happens in the middle of the list, where an incremental parser would have the least advantage.
    if (i === Math.floor(count / 2)) toggleLine = lines.length;
    lines.push('    Duration: 5');
  }
  lines.push('Output:', '  URI: oss://test-bucket/highlights/all.mp4', '  Container: mp4');
  return {
    name: `${count.toLocaleString('en-US')} Sources`,
    text: lines.join('\n') + '\n',
    toggleLine,
    toggleCharacter: '    Duration: '.length,
    valid: '5',
    invalid: 'five',
  };
}
