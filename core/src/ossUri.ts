import { quote, truncate } from './words';

const BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Why a text is not an OSS URI (`oss://bucket/object`), in words that point at the wrong part; undefined if it is one. */
export function ossUriProblem(uri: string): string | undefined {
  const shown = quote(truncate(uri, 80));
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
  return undefined;
}
