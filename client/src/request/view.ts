/**
 * The text of the "Show request" document: exactly what Submit would send, where, and as whom. The
 * credentials appear only as a masked description; the secret is never part of the request parameters.
 */
import { COMMAND_LINE_TEXT, type Shell, previewRequest, RequestBuildError, type CommandLineOptions, type RequestPreview, t } from '../../../core/src/index';

export interface RequestTarget {
  readonly region: string;
  /** The URL called, or why the settings name no usable endpoint. */
  readonly endpoint: { readonly url: string; readonly host: string; readonly overridden: boolean } | { readonly error: string };
  /** From describeCredentialSource: masked. */
  readonly credentials: string;
  /** The aliyun CLI profile chosen in VS Code, for the CLI line. */
  readonly profile?: string | undefined;
  /** Error diagnostics of the file; Submit refuses while there are any. */
  readonly errors: number;
}

function cliOptions(target: Pick<RequestTarget, 'region' | 'endpoint' | 'profile'>): CommandLineOptions {
  const endpoint = 'error' in target.endpoint ? undefined : target.endpoint;
  return {
    region: target.region,
    ...(endpoint?.overridden ? { endpoint: endpoint.host } : {}),
    ...(target.profile ? { profile: target.profile } : {}),
  };
}

export function renderRequest(value: unknown, target: RequestTarget): string {
  const endpoint = 'error' in target.endpoint ? undefined : target.endpoint;
  const header = {
    submit: target.errors > 0 ? t('refused: the file has {0} error(s); fix them first', target.errors) : t('ready'),
    endpoint: endpoint ? endpoint.url : t('not usable: {0}', 'error' in target.endpoint ? target.endpoint.error : ''),
    region: target.region,
    credentials: target.credentials,
  };
  try {
    const preview = previewRequest(value, cliOptions(target));
    return `${JSON.stringify(
      {
        ...header,
        action: preview.action,
        version: preview.version,
        method: preview.method,
        path: preview.path,
        query: preview.query,
        // Exactly the form fields of the body: objects and arrays are each one JSON string, as the SDKs send them.
        body: preview.body,
        parameters: preview.parameters,
        ...(preview.ignoredKeys.length ? { notSent: preview.ignoredKeys } : {}),
        ...cliFields(preview, target.errors),
      },
      null,
      2,
    )}\n`;
  } catch (error) {
    if (!(error instanceof RequestBuildError)) throw error;
    return `${JSON.stringify({ ...header, submit: t('impossible: {0}', error.message) }, null, 2)}\n`;
  }
}

/** The lines of Show Request: refused while the file has errors, each shell's form or why it cannot be written. */
function cliFields(preview: RequestPreview, errors: number): Record<string, string> {
  const shown = (shell: Shell): string => {
    if (errors > 0) return COMMAND_LINE_TEXT.hasErrors(errors);
    const form = preview.commandLines[shell];
    return 'line' in form ? form.line : `not available: ${form.error}`;
  };
  return { aliyunCli: shown('posix'), aliyunCliPowerShell: shown('powershell'), aliyunCliCmd: shown('cmd'), aliyunCliNote: COMMAND_LINE_TEXT.needsCli() };
}

/**
 * The aliyun CLI line alone, for "Copy aliyun CLI command": the line for the shell, or why there is none (the
 * file has errors, a value cannot be pasted); undefined when the job cannot become a request.
 */
export function commandLineFor(
  value: unknown,
  target: Pick<RequestTarget, 'region' | 'endpoint' | 'profile'> & { readonly errors?: number },
  shell: Shell = 'posix',
): { line: string } | { refused: string } | undefined {
  try {
    const preview = previewRequest(value, cliOptions(target));
    if (target.errors) return { refused: COMMAND_LINE_TEXT.hasErrors(target.errors) };
    const form = preview.commandLines[shell];
    return 'line' in form ? { line: form.line } : { refused: form.error };
  } catch (error) {
    if (error instanceof RequestBuildError) return undefined;
    throw error;
  }
}
