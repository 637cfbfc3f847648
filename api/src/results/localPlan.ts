/**
 * Where each key of a multi-object download goes in the target folder, decided before anything is written: a key
 * that cannot be placed is named with the reason, never dropped in silence. Pure (no IO) except for the
 * platform, which says whether names that differ only in case land on the same file.
 */
import { t } from '../../../core/src/index';

export interface PlannedFile {
  readonly key: string;
  /** The path inside the folder, one name per segment. */
  readonly parts: readonly string[];
}

export interface SkippedKey {
  readonly key: string;
  readonly reason: string;
}

export interface LocalPlan {
  readonly files: readonly PlannedFile[];
  readonly skipped: readonly SkippedKey[];
}

/** Most file systems allow 255 bytes per name; the temporary name adds `.` before and `.xxxxxxxx.part` after. */
export const MAX_NAME_BYTES = 255;
export const PART_SUFFIX_BYTES = '.'.length + '.xxxxxxxx.part'.length;

/** One file per name on case-insensitive file systems (Windows, macOS by default). */
const foldsCase = (platform: string): boolean => platform === 'win32' || platform === 'darwin';

function partProblem(part: string, platform: string): string | undefined {
  if (part === '') return t('an empty name between two slashes');
  if (part === '.' || part === '..') return t('a "{0}" segment, which would leave the folder', part);
  if (part.includes('\0')) return t('a NUL character in the name');
  if (platform === 'win32' && /[\\:*?"<>|]/.test(part)) return t('a character Windows does not allow in file names');
  if (Buffer.byteLength(part, 'utf8') + PART_SUFFIX_BYTES > MAX_NAME_BYTES) return t('a name too long for the file system once the temporary suffix is added');
  return undefined;
}

/**
 * Places `keys` under `base` (a folder prefix ending with `/`, or `''`): `base/a/b.ts` -> `a/b.ts`. Folder
 * markers (a key ending with `/`, size 0) are not files and are left out without a word.
 */
export function planLocalFiles(base: string, objects: readonly { key: string; size?: number }[], platform: string = process.platform): LocalPlan {
  const skipped: SkippedKey[] = [];
  const candidates: PlannedFile[] = [];
  for (const { key, size } of objects) {
    if (!key.startsWith(base)) {
      skipped.push({ key, reason: t('it is outside the folder {0}', base || '/') });
      continue;
    }
    const rel = key.slice(base.length);
    if (rel === '' || rel.endsWith('/')) {
      if (!size) continue;
      skipped.push({ key, reason: t('a key ending with "/" that has content cannot be a file') });
      continue;
    }
    const parts = rel.split('/');
    const problem = parts.map((part) => partProblem(part, platform)).find((p) => p !== undefined);
    if (problem) skipped.push({ key, reason: problem });
    else candidates.push({ key, parts });
  }
  const identity = (parts: readonly string[]): string => {
    const joined = parts.join('/').normalize('NFC');
    return foldsCase(platform) ? joined.toLowerCase() : joined;
  };
  const byPath = new Map<string, PlannedFile[]>();
  for (const file of candidates) {
    const id = identity(file.parts);
    byPath.set(id, [...(byPath.get(id) ?? []), file]);
  }
  const folders = new Set<string>();
  for (const file of candidates) for (let i = 1; i < file.parts.length; i += 1) folders.add(identity(file.parts.slice(0, i)));
  const files: PlannedFile[] = [];
  for (const file of candidates) {
    const same = byPath.get(identity(file.parts))!;
    if (same.length > 1) {
      const others = same.filter((f) => f !== file).map((f) => f.key);
      skipped.push({ key: file.key, reason: t('it would be written to the same file as {0}', others.join(', ')) });
    } else if (folders.has(identity(file.parts))) {
      skipped.push({ key: file.key, reason: t('it is an object and also the folder of other keys') });
    } else files.push(file);
  }
  return { files, skipped };
}
