/**
 * Which values of a job name cloud resources, and what the checks must ask about them: the ProjectName, and
 * every `oss://` URI with the field it is in (a source video, background music, the output, anything else).
 * Pure: no calls.
 */
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { JobDocument, JsonPath } from '../parse/document';
import { locate } from '../parse/locate';
import { rangeOf } from '../parse/positions';
import { ossUriProblem } from '../shared/ossUri';
import { mediaJobOf, type MediaJob } from './mediaJob';

/** What a URI is for, which decides what is checked and what completion ranks first. */
export type OssField = 'source' | 'music' | 'output' | 'other';

export interface ProjectResource {
  readonly name: string;
  readonly range: Range;
}

export interface OssResource {
  readonly field: OssField;
  readonly uri: string;
  readonly bucket: string;
  readonly key: string;
  readonly path: JsonPath;
  /** The whole value. */
  readonly range: Range;
  /** Only the bucket name inside the value, for findings about the bucket. */
  readonly bucketRange: Range;
}

export interface CloudResources {
  readonly project: ProjectResource | undefined;
  readonly uris: readonly OssResource[];
  /** The values that decide what the media facts mean (mediaChecks.ts); absent when the job is not a mapping. */
  readonly job?: MediaJob;
}

/** The requests a check needs: one per project, bucket and object at most. */
export interface CloudCheckPlan {
  readonly project: string | undefined;
  readonly buckets: readonly string[];
  /** Objects whose existence (and Content-Type) matters, with the field that says what they must be. */
  readonly objects: readonly { readonly bucket: string; readonly key: string; readonly field: OssField }[];
}

export function fieldOfPath(path: JsonPath): OssField {
  const p = path.map(String);
  if (p.length === 3 && p[0] === 'Sources' && p[2] === 'URI') return 'source';
  if (p.length === 4 && p[0] === 'Edit' && p[1] === 'BackgroundMusics' && p[3] === 'URI') return 'music';
  if (p.length === 2 && p[0] === 'Output' && p[1] === 'URI') return 'output';
  return 'other';
}

/** `oss://bucket/key` -> parts; undefined for anything that is not a valid OSS URI (the static checks say why). */
export function splitOssUri(uri: string): { bucket: string; key: string } | undefined {
  if (ossUriProblem(uri) !== undefined) return undefined;
  const rest = uri.slice('oss://'.length);
  const slash = rest.indexOf('/');
  return { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

function nodeRange(doc: JobDocument, path: JsonPath): [number, number] | undefined {
  const node = locate(doc, path)?.node;
  const range = node?.range;
  return range && range[1] > range[0] ? [range[0], range[1]] : undefined;
}

function collect(doc: JobDocument, value: unknown, path: (string | number)[], out: OssResource[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(doc, item, [...path, i], out));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = [...path, key];
    if (key === 'URI' && typeof child === 'string') {
      const parts = splitOssUri(child);
      const offsets = parts && nodeRange(doc, childPath);
      if (!parts || !offsets) continue;
      const source = doc.text.slice(offsets[0], offsets[1]);
      const at = source.indexOf(`oss://${parts.bucket}`);
      const bucketStart = at === -1 ? offsets[0] : offsets[0] + at + 'oss://'.length;
      out.push({
        field: fieldOfPath(childPath),
        uri: child,
        ...parts,
        path: childPath,
        range: rangeOf(doc, offsets[0], offsets[1]),
        bucketRange: at === -1 ? rangeOf(doc, offsets[0], offsets[1]) : rangeOf(doc, bucketStart, bucketStart + parts.bucket.length),
      });
    } else {
      collect(doc, child, childPath, out);
    }
  }
}

export function cloudResources(doc: JobDocument): CloudResources {
  const value = doc.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { project: undefined, uris: [] };
  const name = (value as Record<string, unknown>)['ProjectName'];
  const offsets = typeof name === 'string' && name.trim() !== '' ? nodeRange(doc, ['ProjectName']) : undefined;
  const uris: OssResource[] = [];
  collect(doc, value, [], uris);
  const job = mediaJobOf(doc);
  return { project: offsets && typeof name === 'string' ? { name, range: rangeOf(doc, offsets[0], offsets[1]) } : undefined, uris, ...(job ? { job } : {}) };
}

export function planCloudChecks(resources: CloudResources): CloudCheckPlan {
  const buckets = [...new Set(resources.uris.map((u) => u.bucket))];
  const seen = new Set<string>();
  const objects: { bucket: string; key: string; field: OssField }[] = [];
  for (const uri of resources.uris) {
    // Output folders (`…/`) are prefixes, not objects: nothing is overwritten at the folder itself.
    if (uri.field === 'other' || (uri.field === 'output' && uri.key.endsWith('/'))) continue;
    const id = `${uri.field}|${uri.uri}`;
    if (seen.has(id)) continue;
    seen.add(id);
    objects.push({ bucket: uri.bucket, key: uri.key, field: uri.field });
  }
  return { project: resources.project?.name, buckets, objects };
}

/**
 * Why the cloud checks of a job would be moot, or undefined when they are worth their requests. A job whose YAML
 * does not parse cleanly (syntax, duplicate keys, aliases, too large) has no trustworthy values to look up: the
 * static findings come first, and the cloud is asked once they are fixed. An invalid URI needs no rule here: it
 * names no resource (splitOssUri), so nothing is asked about it.
 */
export function cloudChecksMoot(doc: JobDocument): 'yaml-errors' | undefined {
  return doc.yamlDiagnostics.some((d) => d.severity === DiagnosticSeverity.Error) ? 'yaml-errors' : undefined;
}
