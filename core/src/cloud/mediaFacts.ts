/**
 * What a few ranged reads of an OSS object tell about its media: the data the api/ readers return to the core,
 * where the media checks, the hover, the inlay hints and the storyboard turn it into what the user sees.
 * Codec and container names follow ffprobe (`codec_name`, the first name of `format_name`), the names media
 * people know.
 */
export interface VideoStreamFacts {
  /** ffprobe's codec_name: `h264`, `hevc`, `vp9`, `av1`, `mpeg4`, `flv1`, `prores`, … */
  readonly codec: string;
  readonly width: number;
  readonly height: number;
  /** Frames per second; null when the container does not say. */
  readonly frameRate: number | null;
}

export interface AudioStreamFacts {
  /** ffprobe's codec_name: `aac`, `mp3`, `opus`, `vorbis`, `flac`, `pcm_s16le`, `pcm_u8`, … */
  readonly codec: string;
  readonly sampleRate: number;
  readonly channels: number;
}

export interface MediaFacts {
  /** `mp4`, `mov`, `matroska`, `webm`, `mpegts`, `flv`, `mp3`, `wav`, `flac`, `aac`, `ogg`. */
  readonly container: string;
  /** Seconds; null when the container does not tell (a live-style stream). */
  readonly durationSeconds: number | null;
  /** True when the duration is an estimate (ADTS `.aac` from its bitrate), said so wherever it is shown. */
  readonly durationEstimated: boolean;
  /** The first video stream; null when there is none. */
  readonly video: VideoStreamFacts | null;
  /** The first audio stream; null when there is none. */
  readonly audio: AudioStreamFacts | null;
}

/** What reading the facts cost, counted by the reader: OSS bills GET requests and outbound traffic. */
export interface MediaReadCost {
  readonly requests: number;
  readonly bytes: number;
}

/** Storage classes IMM cannot read without a finished restore. */
export type ColdStorageClass = 'Archive' | 'ColdArchive' | 'DeepColdArchive';
