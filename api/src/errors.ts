/**
 * Every failure of an IMM call becomes one ImmApiError with a message that says what to do next.
 * Messages never carry a secret: they are built here from codes and the service's own Message, never from
 * request headers or credential values.
 */

export type ImmErrorKind = 'service' | 'auth' | 'network' | 'timeout' | 'credentials' | 'endpoint';
export type JsonPathSegment = string | number;

export interface ImmApiErrorInit {
  readonly kind: ImmErrorKind;
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly outcomeUnknown: boolean;
  readonly requestId?: string;
  readonly statusCode?: number;
  readonly serviceMessage?: string;
  readonly parameter?: string;
  readonly attempts?: number;
}

export class ImmApiError extends Error {
  readonly kind: ImmErrorKind;
  /** The service's Code (InvalidArgument, …) or ours for local failures (ECONNREFUSED, Timeout, NoCredentials, …). */
  readonly code: string;
  readonly requestId: string | undefined;
  readonly statusCode: number | undefined;
  /** The service's own Message, unchanged. */
  readonly serviceMessage: string | undefined;
  /** The request parameter the service complained about, as IMM names it ("Sources.0.URI"). */
  readonly parameter: string | undefined;
  /** The same as a path into the job (['Sources', 0, 'URI']), to place a diagnostic. */
  readonly parameterPath: readonly JsonPathSegment[] | undefined;
  /** Safe to try again: nothing was done (throttled, 5xx before acting, or never sent). */
  readonly retryable: boolean;
  /** The request may have reached IMM and been acted on: a task may exist. */
  readonly outcomeUnknown: boolean;
  /** How many times the call was tried. */
  attempts: number;

  constructor(init: ImmApiErrorInit) {
    super(init.message);
    this.name = 'ImmApiError';
    this.kind = init.kind;
    this.code = init.code;
    this.requestId = init.requestId;
    this.statusCode = init.statusCode;
    this.serviceMessage = init.serviceMessage;
    this.parameter = init.parameter;
    this.parameterPath = init.parameter ? toPath(init.parameter) : undefined;
    this.retryable = init.retryable;
    this.outcomeUnknown = init.outcomeUnknown;
    this.attempts = init.attempts ?? 1;
  }

  /** Plain data for logs and `--format json`: no stack, nothing secret. */
  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      code: this.code,
      message: this.message,
      requestId: this.requestId,
      statusCode: this.statusCode,
      parameter: this.parameter,
      outcomeUnknown: this.outcomeUnknown,
      attempts: this.attempts,
    };
  }
}

/**
 * The message as users read it: the service's error code (what they search the documentation and tickets for)
 * before the explanation unless the explanation names it, and the RequestId after it, each once.
 */
export function describeImmError(error: ImmApiError): string {
  let text = error.message;
  if (!text.includes(error.code)) text = `${error.code}: ${text}`;
  if (error.requestId && !text.includes(error.requestId)) text = `${text} (RequestId ${error.requestId})`;
  return text;
}

const TOP_LEVEL = ['ProjectName', 'Type', 'Mode', 'Sources', 'Highlight', 'Edit', 'Output', 'UserData', 'Tags', 'CredentialConfig', 'Notification'];
const PARAMETER = new RegExp(`\\b(${TOP_LEVEL.join('|')})((?:\\.[A-Za-z][A-Za-z0-9]*|\\.\\d+|\\[\\d+\\])*)`);

/**
 * Finds the parameter an InvalidArgument-style message names: `Sources.0.URI`, `Sources[0].URI`,
 * `"Output.Container"`. Only names that start at a request parameter count, so ordinary words do not.
 */
export function extractParameter(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const match = PARAMETER.exec(message);
  if (!match) return undefined;
  return `${match[1]}${(match[2] ?? '').replace(/\[(\d+)\]/g, '.$1')}`;
}

export function toPath(parameter: string): JsonPathSegment[] {
  return parameter.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `LTAI5t…abcd` -> `LTAI****abcd`: enough to tell keys apart, not enough to use one. */
export function maskAccessKeyId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}****${id.slice(-4)}` : '****';
}
