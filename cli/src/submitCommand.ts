/** `highlight-task submit <file> [--region R] [--endpoint URL] [--profile P] [--wait] [--timeout S] …` */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseJob, valueRange, type JobDocument } from '../../core/src/document';
import { COMMAND_LINE_TEXT, SHELLS, type Shell } from '../../core/src/commandLine';
import { previewRequest, toRequest } from '../../core/src/request';
import { validateJob } from '../../core/src/validate';
import { createImmClient, DEFAULT_REGION, describeImmError, followTask, ImmApiError, parseEndpointOverride, type CredentialSource, type TaskInfo } from '../../api/src/index';
import { t } from '../../core/src/l10n';
import { displayPath, readJobFile } from './files';
import { Exit, UsageError, type Io } from './io';
import { preflightRefuses } from './preflight';
import { formatText } from './report';
import { hasErrors, parseFormat, seconds } from './validateCommand';
import { TOOL } from './version';
import { downloadToPath, ossConnectionFor, type OutputFlags } from './outputCommand';
import { isSegmentedOutput, jobOutputOf, parseOssLocation, segmentPrefix } from '../../api/src/results/index';

/** The job's Output.URI once the task succeeded: the object, or for a segmented output its playlist and segments. */
async function downloadResult(doc: JobDocument, region: string, target: string, overwrite: boolean, flags: OutputFlags, io: Io): Promise<number> {
  const output = jobOutputOf(doc.value);
  if (!output) {
    io.stderr(`highlight-task: ${t('the job has no Output.URI to download.')}\n`);
    return Exit.Failure;
  }
  const location = parseOssLocation(output.uri);
  const segmented = isSegmentedOutput({ outputUri: output.uri, outputSegmented: output.segmented });
  const what = segmented ? { bucket: location.bucket, key: segmentPrefix(location) } : location;
  return downloadToPath(ossConnectionFor(flags), what, region, target, io, overwrite, segmented);
}

function parseShell(value: string | undefined, platform: string): Shell {
  if (value === undefined) return platform === 'win32' ? 'powershell' : 'posix';
  if (!(SHELLS as readonly string[]).includes(value)) throw new UsageError(t('--shell must be {0}; not "{1}".', SHELLS.join(', '), value));
  return value as Shell;
}

export async function submitCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      region: { type: 'string' },
      endpoint: { type: 'string' },
      profile: { type: 'string' },
      wait: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'max-wait': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      shell: { type: 'string' },
      format: { type: 'string' },
      'oss-endpoint': { type: 'string' },
      'no-preflight': { type: 'boolean', default: false },
      download: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError(t('submit takes exactly one job file.'));
  if (values.download !== undefined && !values.wait) throw new UsageError(t('--download needs --wait: the output exists only once the task has succeeded.'));
  const format = parseFormat(values.format, ['text', 'json']);
  const shell = parseShell(values.shell, io.platform ?? process.platform);
  const timeoutMs = seconds('timeout', values.timeout, 20);
  const maxWaitMs = seconds('max-wait', values['max-wait'], 2 * 60 * 60);
  const region = values.region ?? io.env['ALIBABA_CLOUD_REGION_ID'];
  const path = resolve(io.cwd, positionals[0]!);
  const shown = displayPath(path, io.cwd);

  const doc = parseJob(await readJobFile(path, io.cwd));
  const diagnostics = validateJob(doc);
  if (diagnostics.length) io.stderr(formatText([{ file: shown, diagnostics }]));
  if (hasErrors({ file: shown, diagnostics })) {
    io.stderr(`${t('{0}: not submitted: fix the errors above first. Nothing was sent.', shown)}\n`);
    return Exit.Failure;
  }

  const request = toRequest(doc.value);
  if (values['dry-run']) {
    // The line always names the region, and the endpoint as the host aliyun's --endpoint takes.
    let endpointHost: string | undefined;
    try {
      endpointHost = values.endpoint ? parseEndpointOverride(values.endpoint).host : undefined;
    } catch (error) {
      if (!(error instanceof ImmApiError)) throw error;
      io.stderr(`${error.message}\n`);
      return Exit.Failure;
    }
    const preview = previewRequest(doc.value, { region: region || DEFAULT_REGION, ...(endpointHost ? { endpoint: endpointHost } : {}), ...(values.profile ? { profile: values.profile } : {}) });
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ ...preview, note: COMMAND_LINE_TEXT.needsCli() }, null, 2)}\n`);
      return Exit.Ok;
    }
    const form = preview.commandLines[shell];
    if ('error' in form) {
      io.stderr(`${t('{0}: no aliyun command line for {1}: {2}', shown, COMMAND_LINE_TEXT.shellName[shell](), form.error)}\n`);
      return Exit.Failure;
    }
    io.stdout(`${form.line}\n`);
    io.stderr(`(${COMMAND_LINE_TEXT.shellName[shell]()}) ${COMMAND_LINE_TEXT.needsCli()}\n`);
    return Exit.Ok;
  }

  const credentials: CredentialSource = values.profile ? { kind: 'profile', name: values.profile } : { kind: 'default' };
  const projectName = request.query.ProjectName;
  try {
    const client = createImmClient({
      ...(region ? { region } : {}),
      ...(values.endpoint ? { endpoint: values.endpoint } : {}),
      credentials,
      timeoutMs,
      userAgent: `${TOOL.name}/${TOOL.version}`,
    });
    if (!values['no-preflight']) {
      const flags = { region, endpoint: values.endpoint, ossEndpoint: values['oss-endpoint'], profile: values.profile, timeoutMs: Math.min(timeoutMs, 10_000) };
      if (await preflightRefuses(doc, shown, flags, io)) return Exit.Failure;
    }
    io.stderr(`${t('Submitting {0} ({1}, project {2}) to {3} as {4}…', shown, String(request.body['Type'] ?? '?'), projectName, client.endpoint.url, await client.describeCredentials())}\n`);

    const created = await client.createHighlightTask(request, io.signal ? { signal: io.signal } : {});
    if (format === 'text') io.stdout(`${created.taskId}\n`);
    io.stderr(`${t('Created {0} (RequestId {1}).', created.taskId, created.requestId)}\n`);
    if (!values.wait) {
      if (format === 'json') io.stdout(`${JSON.stringify({ taskId: created.taskId, requestId: created.requestId, projectName }, null, 2)}\n`);
      return Exit.Ok;
    }
    const final = await followTask(client, {
      projectName,
      taskId: created.taskId,
      maxWaitMs,
      // Progress may never come or stay 0 (GetTask documents it as not supported): no "0%" line after line.
      onUpdate: (task) => io.stderr(`${task.taskId}: ${task.status}${task.progress ? ` ${task.progress}%` : ''}\n`),
      onError: (error) => io.stderr(`${t('GetTask failed, trying again: {0}', describeImmError(error))}\n`),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    const code = finish(final, created.requestId, format, io);
    if (code !== Exit.Ok || values.download === undefined) return code;
    return await downloadResult(doc, client.endpoint.regionId, values.download, values.overwrite, { ossEndpoint: values['oss-endpoint'], profile: values.profile, timeoutMs }, io);
  } catch (error) {
    if (io.signal?.aborted) {
      io.stderr(`${t('Interrupted. A task that was created keeps running in IMM.')}\n`);
      return Exit.Interrupted;
    }
    if (!(error instanceof ImmApiError)) throw error;
    io.stderr(`${locate(error, doc, shown)}${describeImmError(error)}\n`);
    if (format === 'json') io.stdout(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
    return error.outcomeUnknown ? Exit.OutcomeUnknown : Exit.Failure;
  }
}

function finish(task: TaskInfo, requestId: string, format: string, io: Io): number {
  const failed = task.status !== 'Succeeded';
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ taskId: task.taskId, requestId, projectName: task.projectName, status: task.status, code: task.code, message: task.message, startTime: task.startTime, endTime: task.endTime }, null, 2)}\n`);
  }
  io.stderr(failed ? `${task.taskId} ${task.status}: ${task.code ?? ''} ${task.message ?? ''}\n` : `${t('{0} Succeeded.', task.taskId)}\n`);
  return failed ? Exit.Failure : Exit.Ok;
}

/** Points a parameter error at the line of the job it names, like a compiler would. */
function locate(error: ImmApiError, doc: JobDocument, shown: string): string {
  if (!error.parameterPath) return `${shown}: `;
  const range = valueRange(doc, error.parameterPath) ?? valueRange(doc, error.parameterPath.slice(0, 1));
  return range ? `${shown}:${range.start.line + 1}:${range.start.character + 1}: ` : `${shown}: `;
}
