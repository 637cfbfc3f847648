/**
 * Reading the plain value of a job the way the storyboard needs it: a wrong type is the schema's to report, so here
 * it reads as absent and the drawing shows what the rest of the job says.
 */
export function listAt(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A finite number ≥ 0, or undefined. */
export function secondsAt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function textAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The last segment of an `oss://bucket/key` (or any) URI: the name a person knows the file by. */
export function fileNameOf(uri: string): string {
  const trimmed = uri.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash >= 0 ? trimmed.slice(slash + 1) || uri : trimmed;
}
