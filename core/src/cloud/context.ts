/**
 * What live completion should offer at a position: IMM projects in the ProjectName value, or in an OSS URI
 * value the buckets (while the bucket is typed) or one folder level (after `oss://bucket/…/`). The editor only
 * fetches what this says; it never reads the YAML itself.
 */
import { cursorContext } from '../parse/cursor';
import type { JobDocument } from '../parse/document';
import { rangeOf } from '../parse/positions';
import type { Range } from 'vscode-languageserver-types';
import { fieldOfPath, type OssField } from './resources';

export type CloudCompletionContext = ProjectContext | BucketContext | FolderContext;

interface ContextBase {
  /** The text the items replace: the value typed so far (quotes excluded). */
  readonly range: Range;
  /** What was typed between the start of that range and the cursor. */
  readonly typed: string;
}

export interface ProjectContext extends ContextBase {
  readonly kind: 'project';
}

/** The bucket is being typed: `oss://te|` (also an empty URI value, or a part of `oss://`). */
export interface BucketContext extends ContextBase {
  readonly kind: 'bucket';
  readonly field: OssField;
}

/** After `oss://bucket/`: the folder to list and the start of the name typed in it. */
export interface FolderContext extends ContextBase {
  readonly kind: 'folder';
  readonly field: OssField;
  readonly bucket: string;
  /** The key prefix to list, ending with '/' or empty for the bucket's top level. */
  readonly prefix: string;
}

const BUCKET_CHARS = /^[a-z0-9-]*$/;

export function cloudCompletionContext(doc: JobDocument, offset: number): CloudCompletionContext | undefined {
  const context = cursorContext(doc, offset);
  if (!context || context.kind !== 'value') return undefined;
  const range = rangeOf(doc, context.replaceStart, context.replaceEnd);
  const typed = context.typed;
  const path = context.path;
  if (path.length === 1 && path[0] === 'ProjectName') return { kind: 'project', range, typed };
  if (path[path.length - 1] !== 'URI') return undefined;
  const field = fieldOfPath(path);
  if ('oss://'.startsWith(typed)) return { kind: 'bucket', field, range, typed };
  if (!typed.startsWith('oss://')) return undefined;
  const rest = typed.slice('oss://'.length);
  const slash = rest.indexOf('/');
  if (slash === -1) return BUCKET_CHARS.test(rest) ? { kind: 'bucket', field, range, typed } : undefined;
  const bucket = rest.slice(0, slash);
  if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket)) return undefined;
  const key = rest.slice(slash + 1);
  return { kind: 'folder', field, bucket, prefix: key.slice(0, key.lastIndexOf('/') + 1), range, typed };
}
