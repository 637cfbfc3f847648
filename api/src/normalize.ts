/** Turns what openapi-core and Node throw into an ImmApiError with advice for the user. */
import { extractParameter, ImmApiError } from './errors';
import type { ResolvedEndpoint } from './endpoint';
import { t } from '../../core/src/index';
import { redactPresignedUrls, redactSecrets } from './redaction';

export interface CallContext {
  readonly action: string;
  /** GetTask may be repeated freely; CreateHighlightTask must not be repeated when it may have been acted on. */
  readonly idempotent: boolean;
  readonly endpoint: ResolvedEndpoint;
  readonly projectName?: string;
  readonly taskId?: string;
  /** Already masked. */
  readonly identity?: string;
  readonly timeoutMs: number;
}

/** Failures that prove the request never left this machine. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
/**
 * A certificate that is not accepted: Node checks it during the handshake, before the request is written, so
 * nothing was sent (and retrying will not help). Any other TLS failure may come after the request went out.
 */
const CERTIFICATE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH|ERR_TLS_CERT)/;

interface ServiceErrorShape {
  readonly statusCode?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly data?: Record<string, unknown>;
  readonly retryAfter?: number;
}

function isServiceError(error: unknown): error is ServiceErrorShape & Error {
  const e = error as ServiceErrorShape | null;
  return !!e && typeof e === 'object' && typeof e.statusCode === 'number' && typeof e.data === 'object' && e.data !== null;
}

const unknownOutcomeAdvice = (): string =>
  t('The task may or may not have been created: check the IMM console or the task list (ListTasks) before submitting again.');

export function normalizeError(error: unknown, context: CallContext): ImmApiError {
  if (error instanceof ImmApiError) return error;
  if (isServiceError(error)) return serviceError(error, context);
  const e = error as { code?: unknown; name?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const name = typeof e?.name === 'string' ? e.name : '';
  const where = context.endpoint.url;

  if (name.includes('Timeout') || code === 'ETIMEDOUT') {
    const seconds = Math.round(context.timeoutMs / 100) / 10;
    return new ImmApiError({
      kind: 'timeout',
      code: 'Timeout',
      retryable: context.idempotent,
      outcomeUnknown: !context.idempotent,
      message: context.idempotent
        ? t('No answer from {0} within {1} s. Check your network or proxy, or raise the timeout.', where, seconds)
        : t('No answer from {0} within {1} s after sending {2}. {3}', where, seconds, context.action, unknownOutcomeAdvice()),
    });
  }
  if (code && NOT_SENT.has(code)) {
    const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    return new ImmApiError({
      kind: 'network',
      code,
      retryable: true,
      outcomeUnknown: false,
      // "Nothing was submitted" only where something could have been: a read (GetTask, a cloud check) submits nothing.
      message: context.idempotent
        ? dns
          ? t('Cannot resolve {0} ({1}). Check the region or endpoint setting and your DNS or proxy.', context.endpoint.host, code)
          : t('Cannot connect to {0} ({1}). Check the region or endpoint setting, your network and proxy.', where, code)
        : dns
          ? t('Cannot resolve {0} ({1}). Check the region or endpoint setting and your DNS or proxy. Nothing was submitted.', context.endpoint.host, code)
          : t('Cannot connect to {0} ({1}). Check the region or endpoint setting, your network and proxy. Nothing was submitted.', where, code),
    });
  }
  if (code && CERTIFICATE.test(code)) {
    return new ImmApiError({
      kind: 'network',
      code,
      retryable: false,
      outcomeUnknown: false,
      message: context.idempotent
        ? t("The TLS connection to {0} failed ({1}): the server's certificate was not accepted.", where, code)
        : t("The TLS connection to {0} failed ({1}): the server's certificate was not accepted. Nothing was submitted.", where, code),
    });
  }
  if (code || name === 'SyntaxError') {
    // Reset, broken pipe, an unreadable answer: the request may have arrived.
    const what = name === 'SyntaxError' ? t('an answer that is not JSON') : t('the connection being dropped ({0})', code ?? '');
    return new ImmApiError({
      kind: 'network',
      code: code ?? 'InvalidResponse',
      retryable: context.idempotent,
      outcomeUnknown: !context.idempotent,
      message: context.idempotent
        ? t('{0} to {1} failed with {2}. Check your network or proxy.', context.action, where, what)
        : t('{0} to {1} ended with {2} after the request was sent. {3}', context.action, where, what, unknownOutcomeAdvice()),
    });
  }
  return new ImmApiError({
    kind: 'network',
    code: 'Unknown',
    retryable: false,
    outcomeUnknown: !context.idempotent,
    message:
      t('{0} failed: {1}', context.action, redactSecrets((typeof e?.message === 'string' ? e.message : String(error)).split('\n')[0] ?? '').slice(0, 200)) +
      (context.idempotent ? '' : ` ${unknownOutcomeAdvice()}`),
  });
}

const AUTH_CODES =
  /^(SignatureDoesNotMatch|IncompleteSignature|InvalidAccessKeyId|InvalidSecurityToken|NoPermission|Forbidden|InvalidTimeStamp|SignatureNonceUsed|MissingSecurityToken|InvalidAuthorization)/;

function serviceError(error: ServiceErrorShape, context: CallContext): ImmApiError {
  const data = error.data ?? {};
  const code = String(data['Code'] ?? data['code'] ?? error.code ?? 'Unknown');
  // An answer may quote a presigned URL it was given (a source): redacted before the message goes anywhere.
  const serviceMessage = redactPresignedUrls(String(data['Message'] ?? data['message'] ?? ''));
  const requestId = String(data['RequestId'] ?? data['requestId'] ?? error.requestId ?? '') || undefined;
  const statusCode = error.statusCode ?? 0;
  const throttled = code.includes('Throttling');
  // A throttling answer is given before the request is acted on. A 5xx may come after the service created the task
  // (a 500 from a later step, a gateway giving up): a create is then not repeated and its outcome is unknown.
  const serverFailed = statusCode >= 500;
  const unknownOutcome = serverFailed && !throttled && !context.idempotent;
  const auth = AUTH_CODES.test(code) || statusCode === 401 || statusCode === 403;
  const parameter = /InvalidArgument|MissingParameter|InvalidParameter/i.test(code) ? extractParameter(serviceMessage) : undefined;
  const ref = requestId ? t(' (RequestId {0})', requestId) : '';

  return new ImmApiError({
    kind: auth ? 'auth' : 'service',
    code,
    statusCode,
    serviceMessage,
    ...(requestId ? { requestId } : {}),
    ...(parameter ? { parameter } : {}),
    retryable: throttled || (serverFailed && context.idempotent),
    outcomeUnknown: unknownOutcome,
    message: `${advice(code, statusCode, serviceMessage, parameter, context)}${ref}`,
  });
}

function advice(code: string, status: number, serviceMessage: string, parameter: string | undefined, context: CallContext): string {
  const said = serviceMessage ? t(' IMM said: {0}', serviceMessage) : '';
  const identity = context.identity ? t(' ({0})', context.identity) : '';
  const region = context.endpoint.regionId;
  if (code === 'SignatureDoesNotMatch')
    return t('IMM rejected the signature: the AccessKey secret does not match the AccessKey ID{0}. Check the secret, or set the AccessKey again.', identity);
  if (code.startsWith('InvalidAccessKeyId'))
    return t('IMM does not accept the AccessKey ID{0}: it does not exist or is disabled. Check the credentials you use.', identity);
  if (code.startsWith('InvalidSecurityToken') || code === 'MissingSecurityToken')
    return t('The STS security token{0} is invalid or expired. Refresh the temporary credentials.', identity);
  if (code.startsWith('InvalidTimeStamp')) return t("IMM rejected the request time: check that this computer's clock is correct.{0}", said);
  if (code === 'NoPermission' || code.startsWith('Forbidden') || status === 403) {
    return t(
      'Access denied{0}: the RAM identity needs permission for imm:{1} on project {2} in {3}.{4}',
      identity,
      context.action,
      context.projectName ?? t('(unknown)'),
      region,
      said,
    );
  }
  if (AUTH_CODES.test(code) || status === 401) return t('IMM could not authenticate the request ({0}).{1}', code, said);
  if (code.includes('Throttling')) return t('IMM is throttling requests ({0}); retried with backoff without success. Wait a little and try again.', code);
  if (code === 'ResourceNotFound' || status === 404) {
    if (context.taskId && /task/i.test(serviceMessage))
      return t('Task {0} was not found in project {1} ({2}). Tasks are kept for 7 days.{3}', context.taskId, context.projectName ?? '', region, said);
    if (context.projectName) {
      return t(
        'Project "{0}" was not found in region {1}. Check ProjectName and the region: the project must be in the region you call.{2}',
        context.projectName,
        region,
        said,
      );
    }
    return t('Not found ({0}).{1}', code, said);
  }
  if (parameter) return t('IMM rejected the parameter {0} ({1}).{2}', parameter, code, said);
  if (status >= 500) {
    if (context.idempotent) return t('IMM had an internal error (HTTP {0}, {1}); retried with backoff without success. Try again later.', status, code);
    return status === 504
      ? t("IMM's gateway timed out ({0}). {1}", code, unknownOutcomeAdvice())
      : t(
          'IMM answered {0} with an internal error (HTTP {1}, {2}), possibly after creating the task. {3}',
          context.action,
          status,
          code,
          unknownOutcomeAdvice(),
        );
  }
  return t('IMM rejected {0} ({1}).{2}', context.action, code, said);
}
