/** A mapping of a parsed job, read without trusting its shape: a value of another type reads as absent. */
export type JobObject = Readonly<Record<string, unknown>>;

/** The value as a mapping, or undefined (a list, a scalar, null): the schema reports a wrong type, readers skip it. */
export function objectAt(value: unknown): JobObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JobObject) : undefined;
}
