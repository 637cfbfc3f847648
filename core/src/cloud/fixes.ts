/**
 * Quick fixes of cloud findings, decided from names the checks read beside their findings (the region's projects,
 * the objects of a folder): the closest existing project or object, and a free name for an output that exists.
 * Pure: the lists come in with the answers, so the fixes travel as the diagnostic's `data` like every other fix.
 */
import type { FixHint } from '../fixes/hint';
import { closestMatch } from '../shared/closestWord';
import { FIX_TITLES } from '../fixes/titles';
import type { OssResource } from './resources';

/** `videos/2026/beach.mp4` → `videos/2026/`; a key at the bucket's root has the folder ''. */
export function folderOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/** The listing key of the folder an OSS URI is in: `oss://bucket/videos/2026/`. */
export function folderUriOf(bucket: string, key: string): string {
  return `oss://${bucket}/${folderOf(key)}`;
}

export function closestProjectFix(name: string, projects: readonly string[]): FixHint | undefined {
  const closest = closestMatch(
    name,
    projects.filter((project) => project !== name),
  );
  return closest === undefined ? undefined : { kind: 'replace-value', path: ['ProjectName'], value: closest };
}

/** A missing object → the object of the same folder whose name is closest (`Beach.mp4` → `beach.mp4`). */
export function closestObjectFix(uri: OssResource, folderKeys: readonly string[]): FixHint | undefined {
  const folder = folderOf(uri.key);
  const names = folderKeys
    .filter((key) => key.startsWith(folder) && key !== uri.key)
    .map((key) => key.slice(folder.length))
    .filter((name) => name !== '' && !name.includes('/'));
  const closest = closestMatch(uri.key.slice(folder.length), names);
  return closest === undefined ? undefined : { kind: 'replace-value', path: uri.path, value: `oss://${uri.bucket}/${folder}${closest}` };
}

/** `reel.mp4` → `reel-2.mp4`, `reel-2.mp4` → `reel-3.mp4`: the first such name not among `taken`. */
export function freeName(key: string, taken: ReadonlySet<string>): string {
  const folder = folderOf(key);
  const name = key.slice(folder.length);
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const numbered = /^(.*)-(\d+)$/.exec(stem);
  const base = numbered ? numbered[1]! : stem;
  for (let n = numbered ? Number(numbered[2]) + 1 : 2; ; n++) {
    const candidate = `${folder}${base}-${n}${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** An output that would overwrite an object → the same name numbered, free in the folder's listing. */
export function freeOutputFix(uri: OssResource, folderKeys: readonly string[]): FixHint {
  const value = `oss://${uri.bucket}/${freeName(uri.key, new Set([...folderKeys, uri.key]))}`;
  return { kind: 'set-value', path: uri.path, value, title: FIX_TITLES.freeOutput(value) };
}
