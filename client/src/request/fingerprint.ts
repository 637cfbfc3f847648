/**
 * A fingerprint of the exact call Submit makes (where it goes and every parameter on the wire), to notice a
 * job sent twice. Only the hash is kept in the task history: parameters can hold presigned URLs, and the
 * signature and the key that signs are not part of it.
 */
import { createHash } from 'node:crypto';
import { API_ACTION, API_VERSION, type CreateHighlightTaskRequest } from '../../../core/src/index';

export interface WireTarget {
  readonly region: string;
  /** The URL called: the region's endpoint or the override. */
  readonly endpointUrl: string;
}

export function requestFingerprint(target: WireTarget, request: CreateHighlightTaskRequest): string {
  // Sorted entries: the same fields in another order are the same request to IMM.
  const sorted = (fields: Readonly<Record<string, string>>): [string, string][] => Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = JSON.stringify([
    API_ACTION,
    API_VERSION,
    target.endpointUrl.replace(/\/+$/, ''),
    target.region,
    sorted(request.query),
    sorted(request.body),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
