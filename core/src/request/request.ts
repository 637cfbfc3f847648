/**
 * A job file's value -> the CreateHighlightTask call in wire form, as the official SDKs send it.
 * Pure: no Node APIs, so the server, the VS Code client and the CLI can all use it.
 */

import { t } from '../shared/l10n';

export const API_ACTION = 'CreateHighlightTask';
export const API_VERSION = '2020-09-30';

/** Parameters sent as plain strings. */
export const STRING_PARAMETERS = ['Type', 'Mode', 'UserData'] as const;
/**
 * Parameters the SDKs "shrink": the whole object or array becomes one JSON string in the form body.
 * Numbers keep JavaScript's JSON form (YAML `1.0` is sent as `1`), exactly what the TypeScript SDK's
 * JSON.stringify produces.
 */
export const JSON_PARAMETERS = ['Sources', 'Output', 'Edit', 'Highlight', 'Tags', 'Notification', 'CredentialConfig'] as const;
export const QUERY_PARAMETERS = ['ProjectName'] as const;

export type StringParameter = (typeof STRING_PARAMETERS)[number];
export type JsonParameter = (typeof JSON_PARAMETERS)[number];
export type RequestParameter = StringParameter | JsonParameter | (typeof QUERY_PARAMETERS)[number];

export interface CreateHighlightTaskRequest {
  readonly query: { readonly ProjectName: string };
  /** Form fields, in the order the generated SDKs add them (alphabetical). */
  readonly body: Readonly<Record<string, string>>;
}

/** Thrown when the value cannot become a request at all (not a mapping, no ProjectName). */
export class RequestBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestBuildError';
  }
}

const KNOWN = new Set<string>([...STRING_PARAMETERS, ...JSON_PARAMETERS, ...QUERY_PARAMETERS]);
const BODY_ORDER: readonly string[] = [...STRING_PARAMETERS, ...JSON_PARAMETERS].sort();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds the call. Validation is the caller's job (submit refuses a file with errors); this only refuses
 * what cannot be sent at all. `null` (a key with nothing after it) counts as absent, like a missing key.
 */
export function toRequest(value: unknown): CreateHighlightTaskRequest {
  if (!isRecord(value)) throw new RequestBuildError(t('The job must be a YAML mapping of request parameters (ProjectName, Type, Sources, Output, …).'));
  const project = value['ProjectName'];
  if (typeof project !== 'string' || project.trim() === '') {
    throw new RequestBuildError(t('ProjectName is missing: it names the IMM project the task runs in.'));
  }
  const body: Record<string, string> = {};
  for (const name of BODY_ORDER) {
    const field = value[name];
    if (field === undefined || field === null) continue;
    body[name] = (STRING_PARAMETERS as readonly string[]).includes(name) ? asString(field) : JSON.stringify(field);
  }
  return { query: { ProjectName: project }, body };
}

/** A string parameter written as something else: UserData as a mapping is meant as JSON text. */
function asString(field: unknown): string {
  if (typeof field === 'string') return field;
  if (typeof field === 'object') return JSON.stringify(field);
  return String(field);
}

/** Top-level keys of the job that are not API parameters and so are not sent (e.g. `$schema`). */
export function ignoredKeys(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value).filter((key) => !KNOWN.has(key)) : [];
}
