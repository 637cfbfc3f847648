import { t } from './l10n';
import { quote, truncate } from './words';

const BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Why a text is not an OSS URI (`oss://bucket/object`), in words that point at the wrong part; undefined if it is one. */
export function ossUriProblem(uri: string): string | undefined {
  const shown = quote(truncate(uri, 80));
  // Only a quoted YAML string keeps these; the text looks right, so say what is wrong with it.
  if (uri.trim() !== uri && uri.trim() !== '') return t('{0} has spaces before or after it: remove them.', shown);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(uri);
  if (!scheme) return t('{0} is not an OSS URI: write it as oss://bucket/object.', shown);
  if (scheme[1] !== 'oss') {
    const hint = /^https?$/i.test(scheme[1] ?? '') ? t(' IMM reads from OSS, not from web addresses.') : '';
    return t('{0} is not an OSS URI: it must start with oss:// (not {1}://).', shown, scheme[1] ?? '') + hint;
  }
  const rest = uri.slice('oss://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const object = slash === -1 ? '' : rest.slice(slash + 1);
  if (!BUCKET.test(bucket))
    return t(
      '{0} is not a valid OSS bucket name: use 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
      quote(bucket),
    );
  if (object === '') return t('{0} names a bucket but no object: write it as oss://{1}/path/to/object.', shown, bucket);
  // OSS object names cannot start with a slash or backslash; `oss://bucket//a.mp4` is a doubled slash.
  if (/^[/\\]/.test(object))
    return t(
      '{0} has an object name starting with {1}, which OSS does not allow: write it as oss://{2}/{3}.',
      shown,
      quote(object[0]!),
      bucket,
      object.replace(/^[/\\]+/, ''),
    );
  return undefined;
}
