/**
 * OSS's video snapshot (`GET <video>?x-oss-process=video/snapshot,t_<ms>,f_jpg|png,w_<px>,h_<px>,m_fast,ar_auto`), as the
 * local endpoint answers it: the parameters checked the way OSS documents them (400 InvalidArgument with the EC of
 * the bad parameter: 0053-00000101 t, …104 w, …105 h, …107 f, …109 a request it cannot parse), and a valid request
 * answered with a small committed frame (./frames: 160x90 colour bars reading "OSS snapshot"). It cannot decode
 * video, so any `video/*` object gets that frame; OSS itself takes frames from H.264 and H.265 videos only, and bills
 * each one.
 */
import { FRAME_JPEG_BASE64, FRAME_PNG_BASE64 } from './frames';

export type SnapshotRequest =
  | { readonly ok: true; readonly format: 'jpg' | 'png'; readonly timeMs: number; readonly width: number; readonly height: number }
  | { readonly ok: false; readonly ec: string; readonly message: string };

const bad = (ec: string, message: string): SnapshotRequest => ({ ok: false, ec, message });

/** Whether `process` (the x-oss-process value) asks for a video snapshot at all. */
export function isSnapshotProcess(process: string | undefined): boolean {
  return process !== undefined && /^video\/snapshot(?:,|$)/.test(process);
}

/** Reads the parameters of `video/snapshot,…` as OSS does: `name_value` pairs separated by commas. */
export function parseSnapshotProcess(process: string): SnapshotRequest {
  const params = new Map<string, string>();
  for (const part of process.split(',').slice(1)) {
    const cut = part.indexOf('_');
    if (cut <= 0) return bad('0053-00000109', 'The video snapshot parameters cannot be parsed.');
    params.set(part.slice(0, cut), part.slice(cut + 1));
  }
  const count = (name: string): number | undefined => {
    const value = params.get(name);
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const t = params.get('t');
  if (t === undefined || count('t') === undefined) return bad('0053-00000101', 'The t parameter in a video snapshot request is invalid.');
  if (params.has('w') && count('w') === undefined) return bad('0053-00000104', 'The w parameter in a video snapshot request is invalid.');
  if (params.has('h') && count('h') === undefined) return bad('0053-00000105', 'The h parameter in a video snapshot request is invalid.');
  const f = params.get('f');
  if (f !== 'jpg' && f !== 'png') return bad('0053-00000107', 'The f parameter in a video snapshot request is invalid.');
  return { ok: true, format: f, timeMs: count('t')!, width: count('w') ?? 0, height: count('h') ?? 0 };
}

let frames: { jpg: Buffer; png: Buffer } | undefined;

/** The frame answered for a valid snapshot request, with its content type. */
export function snapshotFrame(format: 'jpg' | 'png'): { readonly body: Buffer; readonly contentType: string } {
  frames ??= { jpg: Buffer.from(FRAME_JPEG_BASE64, 'base64'), png: Buffer.from(FRAME_PNG_BASE64, 'base64') };
  return format === 'jpg' ? { body: frames.jpg, contentType: 'image/jpeg' } : { body: frames.png, contentType: 'image/png' };
}
