/**
 * Makes the small real media of test/fixtures/media/probe/ once, and records what ffprobe says about each in
 * facts.json, which the reader tests compare against. Not part of the build: run it by hand with an ffmpeg and an
 * ffprobe binary, e.g. from the npm packages `@ffmpeg-installer/linux-x64` and `@ffprobe-installer/linux-x64`
 * installed outside the project (they are not dependencies):
 *
 *   npm i --prefix /tmp/ff @ffmpeg-installer/linux-x64 @ffprobe-installer/linux-x64
 *   FFMPEG=/tmp/ff/node_modules/@ffmpeg-installer/linux-x64/ffmpeg \
 *   FFPROBE=/tmp/ff/node_modules/@ffprobe-installer/linux-x64/ffprobe node --import tsx scripts/make-media-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FFMPEG = process.env['FFMPEG'] ?? 'ffmpeg';
const FFPROBE = process.env['FFPROBE'] ?? 'ffprobe';
const DIR = join(__dirname, '..', 'test', 'fixtures', 'media', 'probe');

const BITEXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
const picture = (seconds: number): string[] => ['-f', 'lavfi', '-i', `testsrc=size=160x90:rate=15:duration=${seconds}`];
const tone = (seconds: number, rate = 22050): string[] => ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${rate}:duration=${seconds}`];
const H264 = ['-c:v', 'libx264', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-preset', 'veryslow', '-crf', '38', '-g', '30'];
const AAC = ['-c:a', 'aac', '-b:a', '24k', '-ac', '1'];

/** Each file: how ffmpeg makes it, and the container name our readers must report (ffprobe's names are lists). */
interface Recipe {
  readonly file: string;
  readonly container: string;
  readonly args: readonly string[];
}

const RECIPES: readonly Recipe[] = [
  { file: 'moov-first.mp4', container: 'mp4', args: [...picture(3), ...tone(3), ...H264, ...AAC, '-movflags', '+faststart', '-shortest'] },
  { file: 'moov-last.mp4', container: 'mp4', args: [...picture(3), ...tone(3), ...H264, ...AAC, '-shortest'] },
  { file: 'quicktime.mov', container: 'mov', args: [...picture(2), ...tone(2, 8000), ...H264, '-c:a', 'pcm_s16le', '-ac', '2', '-shortest'] },
  { file: 'video-only.mp4', container: 'mp4', args: [...picture(2), ...H264, '-an', '-movflags', '+faststart'] },
  { file: 'audio-only.m4a', container: 'mp4', args: [...tone(3), ...AAC, '-vn', '-movflags', '+faststart'] },
  { file: 'matroska.mkv', container: 'matroska', args: [...picture(2), ...tone(2), ...H264, ...AAC, '-shortest'] },
  {
    file: 'webm-vp9.webm',
    container: 'webm',
    args: [...picture(2), ...tone(2, 48000), '-c:v', 'libvpx-vp9', '-b:v', '40k', '-deadline', 'realtime', '-c:a', 'libopus', '-b:a', '16k', '-shortest'],
  },
  // MPEG-TS rarely starts at 0: this one starts at 1.4 s and is still 2 s long.
  {
    file: 'mpegts-offset.mpegts',
    container: 'mpegts',
    args: [...picture(2), ...tone(2), ...H264, ...AAC, '-shortest', '-f', 'mpegts', '-output_ts_offset', '1.4'],
  },
  {
    file: 'flash.flv',
    container: 'flv',
    args: [...picture(2), ...tone(2), '-c:v', 'flv', '-b:v', '60k', '-c:a', 'libmp3lame', '-b:a', '32k', '-ar', '22050', '-shortest'],
  },
  { file: 'mp3-tone.mp3', container: 'mp3', args: [...tone(3), '-c:a', 'libmp3lame', '-b:a', '32k', '-ac', '1'] },
  { file: 'wav-tone.wav', container: 'wav', args: [...tone(1, 8000), '-c:a', 'pcm_u8', '-ac', '1'] },
  { file: 'flac-tone.flac', container: 'flac', args: [...tone(2, 16000), '-c:a', 'flac', '-ac', '1'] },
  { file: 'adts-tone.aac', container: 'aac', args: [...tone(3), ...AAC, '-f', 'adts'] },
];

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
}

const rate = (text: string | undefined): number | null => {
  const [n, d] = (text ?? '0/0').split('/').map(Number);
  return n && d ? Math.round((n / d) * 1000) / 1000 : null;
};

function ffprobe(path: string): Record<string, unknown> {
  const out = execFileSync(FFPROBE, ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const parsed = JSON.parse(out) as { format: { duration?: string; size?: string; format_name?: string }; streams: ProbeStream[] };
  const video = parsed.streams.find((s) => s.codec_type === 'video');
  const audio = parsed.streams.find((s) => s.codec_type === 'audio');
  return {
    ffprobeFormat: parsed.format.format_name,
    durationSeconds: parsed.format.duration === undefined ? null : Number(parsed.format.duration),
    factsFrom: 'ffprobe',
    sizeBytes: Number(parsed.format.size),
    video: video ? { codec: video.codec_name, width: video.width, height: video.height, frameRate: rate(video.r_frame_rate) } : null,
    audio: audio ? { codec: audio.codec_name, sampleRate: Number(audio.sample_rate), channels: audio.channels } : null,
  };
}

/** The static ffprobe of the npm package crashes (SIGSEGV) on MPEG-TS: then ffmpeg's own banner (`ffmpeg -i`) says the facts. */
function ffmpegBanner(path: string): Record<string, unknown> {
  let banner = '';
  try {
    execFileSync(FFMPEG, ['-hide_banner', '-i', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    banner = String((error as { stderr?: unknown }).stderr ?? '');
  }
  const d = /Duration: (\d+):(\d+):([\d.]+)/.exec(banner);
  const input = /Input #0, (\S+), from/.exec(banner);
  const v = /Stream #0:\d+\S*: Video: (\w+).*?, (\d+)x(\d+).*/.exec(banner);
  const fps = v ? /, ([\d.]+) fps/.exec(v[0]) : null;
  const a = /Stream #0:\d+\S*: Audio: (\w+).*?, (\d+) Hz, (mono|stereo)/.exec(banner);
  return {
    ffprobeFormat: input?.[1]?.replace(/,$/, ''),
    durationSeconds: d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : null,
    factsFrom: 'ffmpeg -i (ffprobe crashes on this file)',
    sizeBytes: readFileSync(path).length,
    video: v ? { codec: v[1], width: Number(v[2]), height: Number(v[3]), frameRate: fps ? Number(fps[1]) : null } : null,
    audio: a ? { codec: a[1], sampleRate: Number(a[2]), channels: a[3] === 'stereo' ? 2 : 1 } : null,
  };
}

function probe(path: string): Record<string, unknown> {
  try {
    return ffprobe(path);
  } catch {
    return ffmpegBanner(path);
  }
}

mkdirSync(DIR, { recursive: true });
const facts: Record<string, unknown> = {};
for (const recipe of RECIPES) {
  const path = join(DIR, recipe.file);
  execFileSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...recipe.args, ...BITEXACT, path]);
  facts[recipe.file] = { container: recipe.container, ...probe(path) };
}
// A corrupt upload: an mp4 whose moov was overwritten, so no reader can find its tracks.
const whole = readFileSync(join(DIR, 'moov-first.mp4'));
const corrupt = Buffer.from(whole);
const moov = corrupt.indexOf('moov');
corrupt.fill(0x5a, moov, Math.min(corrupt.length, moov + 2000));
writeFileSync(join(DIR, 'corrupt.mp4'), corrupt);
facts['corrupt.mp4'] = { container: null, unreadable: true, sizeBytes: corrupt.length };
writeFileSync(join(DIR, 'facts.json'), `${JSON.stringify(facts, null, 2)}\n`);
console.log(`wrote ${Object.keys(facts).length} files and facts.json to ${DIR}`);
