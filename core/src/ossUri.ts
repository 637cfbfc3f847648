import { quote, truncate } from './words';

const BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Why a text is not an OSS URI (`oss://bucket/object`), in words that point at the wrong part; undefined if it is one. */
export function ossUriProblem(uri: string): string | undefined {
  const shown = quote(truncate(uri, 80));
  // Only a quoted YAML string keeps these; the text looks right, so say what is wrong with it.
  if (uri.trim() !== uri && uri.trim() !== '') return `${shown} has spaces before or after it: remove them.`;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(uri);
  if (!scheme) return `${shown} is not an OSS URI: write it as oss://bucket/object.`;
  if (scheme[1] !== 'oss') {
    const hint = /^https?$/i.test(scheme[1] ?? '') ? ' IMM reads from OSS, not from web addresses.' : '';
    return `${shown} is not an OSS URI: it must start with oss:// (not ${scheme[1]}://).${hint}`;
  }
  const rest = uri.slice('oss://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const object = slash === -1 ? '' : rest.slice(slash + 1);
  if (!BUCKET.test(bucket)) return `${quote(bucket)} is not a valid OSS bucket name: use 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.`;
  if (object === '') return `${shown} names a bucket but no object: write it as oss://${bucket}/path/to/object.`;
  // OSS object names cannot start with a slash or backslash; `oss://bucket//a.mp4` is a doubled slash.
  if (/^[/\\]/.test(object)) return `${shown} has an object name starting with ${quote(object[0]!)}, which OSS does not allow: write it as oss://${bucket}/${object.replace(/^[/\\]+/, '')}.`;
  return undefined;
}
