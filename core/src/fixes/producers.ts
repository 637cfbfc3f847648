import type { JsonPath } from '../parse/document';
import type { FixHint } from './hint';
import type { SchemaNode } from '../schema/schema';
import { FIX_TITLES } from './titles';

/**
 * Quick fixes for values written in another form than the API's: each hint is computed when the diagnostic is
 * made, so the title can say exactly what the value becomes.
 */

/**
 * `https://<bucket>.oss-<region>[-internal].aliyuncs.com/<key>` (an OSS object's web address, as the console
 * copies it) → `oss://<bucket>/<key>`. A query string (a presigned URL's signature) is dropped, not carried over.
 */
export function ossUrlFix(path: JsonPath, value: string): FixHint | undefined {
  const match = /^https?:\/\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com\/([^?#]+)/i.exec(value.trim());
  if (!match) return undefined;
  const [, bucket, region, encodedKey] = match;
  let key: string;
  try {
    key = decodeURIComponent(encodedKey!);
  } catch {
    key = encodedKey!;
  }
  const uri = `oss://${bucket!.toLowerCase()}/${key}`;
  const bucketRegion = region!.toLowerCase();
  return { kind: 'convert-value', path, value: uri, title: FIX_TITLES.ossUrlToUri(uri, bucketRegion), bucketRegion };
}

/** `"12"` where a number is expected → `12`, when the text is a number of the expected kind. */
export function numberTextFix(path: JsonPath, data: unknown, expected: string): FixHint | undefined {
  if (typeof data !== 'string' || (expected !== 'number' && expected !== 'integer')) return undefined;
  const text = data.trim();
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || (expected === 'integer' && !Number.isInteger(value))) return undefined;
  return { kind: 'convert-value', path, value, title: FIX_TITLES.numberText(value) };
}

/** `1280*720`, `1280×720`, `1280 X 720` → `1280x720`, when that is what the field's pattern accepts. */
export function resolutionFix(path: JsonPath, data: unknown, schema: SchemaNode | undefined): FixHint | undefined {
  if (typeof data !== 'string' || !schema?.pattern) return undefined;
  const match = /^\s*(\d*)\s*[*×xX,:]\s*(\d*)\s*$/.exec(data);
  if (!match || (!match[1] && !match[2])) return undefined;
  const value = `${match[1]}x${match[2]}`;
  if (value === data || !new RegExp(schema.pattern).test(value)) return undefined;
  return { kind: 'convert-value', path, value, title: FIX_TITLES.changeTo(value) };
}

/** A number out of range → the nearest bound it may take (for an exclusive bound of a whole number, the next one). */
export function nearestBoundFix(path: JsonPath, data: unknown, schema: SchemaNode | undefined, keyword: string): FixHint | undefined {
  if (typeof data !== 'number' || !schema) return undefined;
  const integer = schema.type === 'integer';
  let bound: number | undefined;
  let which: 'minimum' | 'maximum';
  switch (keyword) {
    case 'minimum':
      [bound, which] = [schema.minimum, 'minimum'];
      break;
    case 'maximum':
      [bound, which] = [schema.maximum, 'maximum'];
      break;
    case 'exclusiveMinimum':
      [bound, which] = [integer && schema.exclusiveMinimum !== undefined ? Math.floor(schema.exclusiveMinimum) + 1 : undefined, 'minimum'];
      break;
    case 'exclusiveMaximum':
      [bound, which] = [integer && schema.exclusiveMaximum !== undefined ? Math.ceil(schema.exclusiveMaximum) - 1 : undefined, 'maximum'];
      break;
    default:
      return undefined;
  }
  if (bound === undefined) return undefined;
  if (integer) bound = which === 'minimum' ? Math.ceil(bound) : Math.floor(bound);
  return { kind: 'clamp-value', path, value: bound, title: FIX_TITLES.nearestBound(data, bound, which) };
}

/**
 * A number out of range → the value that changes nothing (Volume 1, the original volume), when the schema names
 * one: a volume of 12 was rarely meant as 10, ten times louder. Preferred, so it comes before the nearest bound.
 */
export function neutralValueFix(path: JsonPath, data: unknown, schema: SchemaNode | undefined): FixHint | undefined {
  const neutral = schema?.['x-neutral'];
  if (!neutral || typeof data !== 'number') return undefined;
  return { kind: 'set-value', path, value: neutral.value, title: FIX_TITLES.neutralValue(data, neutral.value, neutral.description), preferred: true };
}

/** Output.URI's extension and Container disagree: change either to match the other. */
export function extensionFixes(uri: string, extension: string, container: string, containers: readonly string[]): FixHint[] {
  const fixes: FixHint[] = [];
  if (containers.includes(extension)) {
    fixes.push({ kind: 'set-value', path: ['Output', 'Container'], value: extension, title: FIX_TITLES.containerFromExtension(extension) });
  }
  if (containers.includes(container)) {
    const renamed = uri.replace(/\.[A-Za-z0-9]+$/, `.${container}`);
    fixes.push({ kind: 'set-value', path: ['Output', 'URI'], value: renamed, title: FIX_TITLES.extensionFromContainer(container) });
  }
  return fixes;
}

/** A list (or a Weight) that takes effect only in some modes: set the mode first, then (the rule's fix) remove it. */
export function setModeFix(mode: string, value: 'Sequential' | 'Random', before: string | undefined): FixHint {
  return { kind: 'set-value', path: ['Edit', mode], value, title: FIX_TITLES.setMode(mode, value), ...(before ? { before } : {}) };
}
