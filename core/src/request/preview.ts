/**
 * What "Show request" and `highlight-task submit --dry-run` show: the wire request (request.ts) and its aliyun CLI
 * lines (commandLine.ts). Its own module so that request.ts does not import commandLine.ts, which imports the
 * request type: the two no longer form an import circle.
 */
import { allCommandLines, type CommandLineOptions, type Shell } from './commandLine';
import { API_ACTION, API_VERSION, ignoredKeys, JSON_PARAMETERS, toRequest, type CreateHighlightTaskRequest } from './request';

/** What "Show request" displays: the exact wire form, a readable form, and the CLI equivalent. */
export interface RequestPreview {
  readonly action: typeof API_ACTION;
  readonly version: typeof API_VERSION;
  readonly method: 'POST';
  readonly path: '/';
  readonly region?: string;
  readonly endpoint?: string;
  readonly query: CreateHighlightTaskRequest['query'];
  /** Exactly the form fields sent. */
  readonly body: CreateHighlightTaskRequest['body'];
  /** The same parameters with the JSON strings parsed back, for reading. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The aliyun CLI line for a POSIX shell; absent when it cannot be written (commandLineError says why). */
  readonly commandLine: string | undefined;
  readonly commandLineError?: string;
  /** The line for each shell, or why that shell cannot carry it. */
  readonly commandLines: Readonly<Record<Shell, { line: string } | { error: string }>>;
  /** Keys of the file that are not sent. */
  readonly ignoredKeys: readonly string[];
}

export function previewRequest(value: unknown, options: CommandLineOptions = {}): RequestPreview {
  const request = toRequest(value);
  const lines = allCommandLines(request, options);
  const parameters: Record<string, unknown> = { ProjectName: request.query.ProjectName };
  for (const [name, field] of Object.entries(request.body)) {
    parameters[name] = (JSON_PARAMETERS as readonly string[]).includes(name) ? JSON.parse(field) : field;
  }
  return {
    action: API_ACTION,
    version: API_VERSION,
    method: 'POST',
    path: '/',
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    query: request.query,
    body: request.body,
    parameters,
    commandLine: 'line' in lines.posix ? lines.posix.line : undefined,
    ...('error' in lines.posix ? { commandLineError: lines.posix.error } : {}),
    commandLines: lines,
    ignoredKeys: ignoredKeys(value),
  };
}
