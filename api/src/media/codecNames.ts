/**
 * One table from each parser's codec ids to ffprobe's `codec_name`, the names media people know. An id not in the
 * table is passed through lower-cased rather than guessed.
 */

/** ISO BMFF sample entries (mp4box's `codec`, up to the first dot): `avc1.42c01e` -> `avc1`. */
const ISOBMFF: Readonly<Record<string, string>> = {
  avc1: 'h264',
  avc3: 'h264',
  hvc1: 'hevc',
  hev1: 'hevc',
  vp08: 'vp8',
  vp09: 'vp9',
  av01: 'av1',
  mp4v: 'mpeg4',
  s263: 'h263',
  jpeg: 'mjpeg',
  apch: 'prores',
  apcn: 'prores',
  apcs: 'prores',
  apco: 'prores',
  ap4h: 'prores',
  ap4x: 'prores',
  opus: 'opus',
  flac: 'flac',
  'ac-3': 'ac3',
  'ec-3': 'eac3',
  alac: 'alac',
  sowt: 'pcm_s16le',
  twos: 'pcm_s16be',
  in24: 'pcm_s24be',
  in32: 'pcm_s32be',
  fl32: 'pcm_f32be',
  fl64: 'pcm_f64be',
  ulaw: 'pcm_mulaw',
  alaw: 'pcm_alaw',
  raw: 'pcm_u8',
  samr: 'amr_nb',
  sawb: 'amr_wb',
};

/** `mp4a.<objectTypeIndication>`: 40/66/67/68 are AAC, 69/6B MPEG audio (mp3 in practice). */
const MP4A_OBJECT_TYPES: Readonly<Record<string, string>> = {
  '40': 'aac',
  '66': 'aac',
  '67': 'aac',
  '68': 'aac',
  '69': 'mp3',
  '6b': 'mp3',
  a5: 'ac3',
  a6: 'eac3',
};

export function codecOfIsobmff(codec: string): string {
  const [entry = '', objectType = ''] = codec.split('.');
  const fourcc = entry.trim().toLowerCase();
  if (fourcc === 'mp4a') return MP4A_OBJECT_TYPES[objectType.toLowerCase()] ?? 'aac';
  return ISOBMFF[fourcc] ?? fourcc;
}

/** mediabunny's VideoCodec and AudioCodec ids. */
const MEDIABUNNY: Readonly<Record<string, string>> = {
  avc: 'h264',
  hevc: 'hevc',
  vp8: 'vp8',
  vp9: 'vp9',
  av1: 'av1',
  aac: 'aac',
  opus: 'opus',
  mp3: 'mp3',
  vorbis: 'vorbis',
  flac: 'flac',
  ac3: 'ac3',
  eac3: 'eac3',
  'pcm-u8': 'pcm_u8',
  'pcm-s8': 'pcm_s8',
  'pcm-s16': 'pcm_s16le',
  'pcm-s16be': 'pcm_s16be',
  'pcm-s24': 'pcm_s24le',
  'pcm-s24be': 'pcm_s24be',
  'pcm-s32': 'pcm_s32le',
  'pcm-s32be': 'pcm_s32be',
  'pcm-f32': 'pcm_f32le',
  'pcm-f32be': 'pcm_f32be',
  'pcm-f64': 'pcm_f64le',
  'pcm-f64be': 'pcm_f64be',
  ulaw: 'pcm_mulaw',
  alaw: 'pcm_alaw',
};

export function codecOfMediabunny(codec: string): string {
  return MEDIABUNNY[codec] ?? codec.toLowerCase();
}

/** FLV `videocodecid` (the VIDEODATA CodecID). */
const FLV_VIDEO: Readonly<Record<number, string>> = { 2: 'flv1', 3: 'flashsv', 4: 'vp6f', 5: 'vp6a', 6: 'flashsv2', 7: 'h264', 12: 'hevc', 13: 'av1' };

/** FLV `audiocodecid` (the AUDIODATA SoundFormat); `pcm` (0) is platform-endian, little-endian in practice. */
const FLV_AUDIO: Readonly<Record<number, string>> = {
  0: 'pcm_s16le',
  1: 'adpcm_swf',
  2: 'mp3',
  3: 'pcm_s16le',
  4: 'nellymoser',
  5: 'nellymoser',
  6: 'nellymoser',
  7: 'pcm_alaw',
  8: 'pcm_mulaw',
  10: 'aac',
  11: 'speex',
  14: 'mp3',
};

export function codecOfFlvVideo(id: number): string {
  return FLV_VIDEO[id] ?? `flv-video-${id}`;
}

export function codecOfFlvAudio(id: number): string {
  return FLV_AUDIO[id] ?? `flv-audio-${id}`;
}
