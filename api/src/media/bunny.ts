/**
 * mkv, webm, MPEG-TS, mp3, wav, flac, ogg and ADTS through mediabunny, fed by the BoundedReader: small reads are
 * rounded up to CHUNK (fewer requests), and a large read is handed over as a stream of growing pieces fetched as
 * mediabunny pulls them, so a parser that asks for more than it needs is stopped by the budget, not by the bill.
 */
import { t, type MediaFacts } from '../../../core/src/index';
import { adtsSeconds } from './adts';
import type { BoundedReader } from './budget';
import { codecOfMediabunny } from './codecNames';
import { snapFrameRate, UnreadableMedia } from './isobmff';
import { transportStreamSeconds } from './mpegts';
import { loadMediaParsers } from './parsers';
import { id3End, type ContainerFamily } from './sniff';

const CHUNK = 64 * 1024;

const CONTAINERS: Readonly<Record<string, string>> = {
  Matroska: 'matroska',
  WebM: 'webm',
  'MPEG Transport Stream': 'mpegts',
  MP3: 'mp3',
  WAVE: 'wav',
  FLAC: 'flac',
  Ogg: 'ogg',
  ADTS: 'aac',
};

function sourceOf(reader: BoundedReader): ConstructorParameters<ReturnType<typeof loadMediaParsers>['CustomSource']>[0] {
  return {
    getSize: () => reader.size,
    read: (start, end) => {
      if (end - start <= CHUNK) return reader.read(start, end, CHUNK);
      let at = start;
      let pulls = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          // Pieces double (64, 128, 256, 512 KiB): a long read costs few requests, a read abandoned early few bytes.
          const piece = await reader.read(at, Math.min(end, at + (CHUNK << Math.min(pulls++, 3))));
          at += piece.length;
          controller.enqueue(piece);
          if (at >= end || piece.length === 0) controller.close();
        },
      });
    },
    prefetchProfile: 'none',
  };
}

export async function readWithMediabunny(reader: BoundedReader, family: ContainerFamily, head: Buffer): Promise<MediaFacts> {
  const { ALL_FORMATS, CustomSource, Input } = loadMediaParsers();
  const input = new Input({ formats: ALL_FORMATS, source: new CustomSource(sourceOf(reader)) });
  try {
    let format: Awaited<ReturnType<typeof input.getFormat>>;
    try {
      format = await input.getFormat();
    } catch (error) {
      if (error instanceof Error && error.name === 'UnsupportedInputFormatError') throw new UnreadableMedia(t('The container is not one that can be read.'));
      throw error;
    }
    const container = CONTAINERS[format.name] ?? format.name.toLowerCase();
    const video = await input.getPrimaryVideoTrack();
    const audio = await input.getPrimaryAudioTrack();
    let durationSeconds: number | null;
    let durationEstimated = false;
    if (family === 'mpegts') durationSeconds = await transportStreamSeconds(reader);
    else if (family === 'adts') {
      // The first 64 KiB: a small file is counted frame by frame, a larger one estimated from them.
      const frames = adtsSeconds(await reader.read(0, CHUNK, CHUNK), id3End(head), reader.size);
      durationSeconds = frames?.seconds ?? null;
      durationEstimated = frames?.estimated ?? true;
    } else {
      durationSeconds = await input.getDurationFromMetadata();
      // An mp3 without a Xing/Info/VBRI header says no frame count: its duration is the bitrate's estimate.
      durationEstimated = family === 'mp3' && !['Xing', 'Info', 'VBRI'].some((tag) => head.includes(tag, 0, 'latin1'));
    }
    const videoCodec = video ? await video.getCodec() : null;
    const audioCodec = audio ? await audio.getCodec() : null;
    return {
      container,
      durationSeconds,
      durationEstimated,
      video: video
        ? {
            codec: videoCodec ? codecOfMediabunny(videoCodec) : 'unknown',
            width: video.codedWidth,
            height: video.codedHeight,
            frameRate: await packetRate(video),
          }
        : null,
      audio: audio ? { codec: audioCodec ? codecOfMediabunny(audioCodec) : 'unknown', sampleRate: audio.sampleRate, channels: audio.numberOfChannels } : null,
    };
  } finally {
    input.dispose();
  }
}

/** Frames per second from the first packets (the budget permitting), rounded to 1/1000; null when not known. */
async function packetRate(track: { computePacketStats(count?: number): Promise<{ averagePacketRate: number }> }): Promise<number | null> {
  try {
    const rate = (await track.computePacketStats(30)).averagePacketRate;
    return snapFrameRate(rate);
  } catch {
    return null;
  }
}
