/**
 * What the editor says when a call to IMM fails, and which buttons it offers. The API client already writes
 * a sentence of advice per failure; this adds the code and RequestId users quote to support, and picks the
 * one place in VS Code where the fix is made.
 */
import { redactSecrets } from '../../../api/src/redaction';
import { describeImmError, ImmApiError, type JsonPathSegment } from '../../../api/src/errors';
import { t } from '../../../core/src/index';
import { plainText } from '../plainText';

export type ErrorActionId = 'setAccessKey' | 'clearAccessKey' | 'chooseProfile' | 'openSettings' | 'showOutput';

export interface ErrorAction {
  readonly id: ErrorActionId;
  readonly label: string;
  /** For openSettings: the setting to show. */
  readonly setting?: string;
}

export interface ErrorAdvice {
  readonly message: string;
  readonly actions: readonly ErrorAction[];
  /** The job key IMM complained about, for a diagnostic on it. */
  readonly parameterPath?: readonly JsonPathSegment[];
  readonly parameterMessage?: string;
  /** A task may exist: the user must check before submitting again. */
  readonly outcomeUnknown: boolean;
}

export const SETTINGS = {
  region: 'immHighlight.region',
  endpoint: 'immHighlight.endpoint',
  timeout: 'immHighlight.requestTimeoutSeconds',
} as const;

// Functions, not constants: a label is translated when it is shown, after the display language is set.
const setAccessKey = (): ErrorAction => ({ id: 'setAccessKey', label: t('Set AccessKey') });
const chooseProfile = (): ErrorAction => ({ id: 'chooseProfile', label: t('Choose Credentials Profile') });
const clearAccessKey = (): ErrorAction => ({ id: 'clearAccessKey', label: t('Clear AccessKey') });
const showOutput = (): ErrorAction => ({ id: 'showOutput', label: t('Show Output') });
const openSetting = (setting: string): ErrorAction => ({ id: 'openSettings', label: t('Open Settings'), setting });

const CREDENTIAL_CODES = /^(SignatureDoesNotMatch|InvalidAccessKeyId|InvalidSecurityToken|MissingSecurityToken|IncompleteSignature)/;

export interface ErrorContext {
  /** Names the call for errors that are not ImmApiErrors ("Submitting", "Following Highlight-…"). */
  readonly action?: string;
  /** Whether `immHighlight.endpoint` is set: an endpoint problem is then fixed there, else in the region. */
  readonly endpointSet?: boolean;
  /** The request was signed with the AccessKey in VS Code secret storage: clearing it brings back the profile or environment key. */
  readonly storedAccessKey?: boolean;
}

export function adviseError(error: unknown, context: ErrorContext = {}): ErrorAdvice {
  if (!(error instanceof ImmApiError)) {
    // Not ours: its text may quote anything (a file, an answer); only a redacted first line is shown.
    const text = redactSecrets((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').slice(0, 300);
    return { message: plainText(t('{0} failed: {1}', context.action ?? t('The request'), text)), actions: [showOutput()], outcomeUnknown: false };
  }
  return {
    message: withCodeAndRequestId(error),
    actions: actionsFor(error, context.endpointSet ?? false, context.storedAccessKey ?? false),
    ...(error.parameterPath ? { parameterPath: error.parameterPath } : {}),
    ...(error.parameter ? { parameterMessage: parameterMessage(error) } : {}),
    outcomeUnknown: error.outcomeUnknown,
  };
}

// Escaped here as well as in notify.ts: the advice also becomes a diagnostic, a log line and a task's followError.
function withCodeAndRequestId(error: ImmApiError): string {
  return plainText(describeImmError(error));
}

function actionsFor(error: ImmApiError, endpointSet: boolean, storedAccessKey: boolean): ErrorAction[] {
  switch (error.kind) {
    case 'credentials':
      return [setAccessKey(), chooseProfile()];
    case 'endpoint':
      return [openSetting(endpointSet ? SETTINGS.endpoint : SETTINGS.region)];
    case 'timeout':
      // A submission that timed out may have created a task; offering a retry button would invite a duplicate.
      return [openSetting(SETTINGS.timeout)];
    case 'network':
      if (error.outcomeUnknown) return [showOutput()];
      return [openSetting(endpointSet ? SETTINGS.endpoint : SETTINGS.region)];
    case 'auth':
      if (!CREDENTIAL_CODES.test(error.code)) return [showOutput()];
      // A stored key the service rejects hides the environment's or profile's key; clearing it is often the fix.
      return storedAccessKey ? [setAccessKey(), clearAccessKey()] : [setAccessKey(), chooseProfile()];
    case 'service':
      // A project "not found" is most often a project in another region.
      if (error.code === 'ResourceNotFound' || error.statusCode === 404) return [openSetting(SETTINGS.region)];
      return [showOutput()];
  }
}

/** The diagnostic text: the service's own words, which name the problem better than ours. */
function parameterMessage(error: ImmApiError): string {
  const said = error.serviceMessage || error.message;
  return (
    t('IMM rejected {0} when the task was submitted ({1}): {2}', error.parameter ?? '', error.code, said) +
    (error.requestId ? t(' RequestId {0}.', error.requestId) : '')
  );
}
