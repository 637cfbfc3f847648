/** `highlight-task submit <file> [--region R] [--endpoint URL] [--profile P] [--wait] [--timeout S] …` */
import { lstat, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseJob, valueRange, type JobDocument, COMMAND_LINE_TEXT, SHELLS, type Shell, previewRequest, toRequest, validateJob, t } from '../../core/src/index';
import {
  createImmClient,
  DEFAULT_REGION,
  describeImmError,
  followTask,
  ImmApiError,
  parseEndpointOverride,
  type CredentialSource,
  type TaskInfo,
} from '../../api/src/index';
import { displayPath, readJobFile } from './files';
import { Exit, UsageError, type Io } from './io';
import { preflightRefuses } from './preflight';
import { formatText } from './report';
import { hasErrors, parseFormat, seconds } from './validateCommand';
import { TOOL } from './version';
import { downloadToPath, ossConnectionFor, type DownloadShape } from './outputCommand';
import { isPrefix, isSegmentedOutput, jobOutputOf, parseOssLocation, type OssLocation } from '../../api/src/results/index';
import { serviceFlags } from './serviceFlags';

/** What `--download` will fetch for this job: checked before anything is sent, downloaded once the task succeeded. */
interface DownloadPlan {
  readonly location: OssLocation;
  readonly shape: DownloadShape;
  readonly target: string;
}

/**
 * The job's Output.URI as a download, or why it cannot be one: no Output.URI, a target that is a folder where a file
 * goes (or the other way round), a file already there without --overwrite. Told before the paid task is created.
 */
async function planDownload(doc: JobDocument, target: string, overwrite: boolean, io: Io): Promise<DownloadPlan | string> {
  const output = jobOutputOf(doc.value);
  if (!output) return t('the job has no Output.URI to download.');
  const location = parseOssLocation(output.uri);
  const segmented = isSegmentedOutput({ outputUri: output.uri, outputSegmented: output.segmented });
  const shape: DownloadShape = !segmented ? 'object' : isPrefix(location) ? 'prefix' : 'playlist';
  const path = resolve(io.cwd, target);
  const info = await lstat(path).catch(() => undefined);
  if (info?.isSymbolicLink() && shape === 'object') return t('--download {0} is a symbolic link: nothing is written through it.', target);
  if (info && shape !== 'object' && !info.isDirectory() && !info.isSymbolicLink())
    return t('--download {0} is a file; the segmented output {1} needs a folder.', target, output.uri);
  if (info && shape === 'object' && info.isFile() && !overwrite) return t('--download {0} already exists; add --overwrite to replace it.', target);
  const parent = await stat(dirname(path)).catch(() => undefined);
  if (parent && !parent.isDirectory()) return t('--download {0}: {1} is not a folder.', target, dirname(target));
  return { location, shape, target };
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
  const service = serviceFlags(values, io.env, { endpoint: true, ossEndpoint: true });
  const region = service.region;
  const path = resolve(io.cwd, positionals[0]!);
  const shown = displayPath(path, io.cwd);
  /** A refusal before anything was sent: said on stderr, and with --format json as a JSON answer on stdout too. */
  const refuse = (reason: string, extra: Record<string, unknown> = {}): number => {
    io.stderr(`${reason}\n`);
    if (format === 'json') io.stdout(`${JSON.stringify({ submitted: false, file: shown, reason, ...extra }, null, 2)}\n`);
    return Exit.Failure;
  };

  const doc = parseJob(await readJobFile(path, io.cwd));
  const diagnostics = validateJob(doc);
  if (diagnostics.length) io.stderr(formatText([{ file: shown, diagnostics }]));
  if (hasErrors({ file: shown, diagnostics })) {
    return refuse(t('{0}: not submitted: fix the errors above first. Nothing was sent.', shown), { diagnostics });
  }
  // Everything --download needs is checked now: once the paid task exists, a mistake here would cost a second one.
  const download = values.download === undefined ? undefined : await planDownload(doc, values.download, values.overwrite, io);
  if (typeof download === 'string') return refuse(`highlight-task: ${t('{0}: not submitted: {1} Nothing was sent.', shown, download)}`);

  const request = toRequest(doc.value);
  if (values['dry-run']) {
    // The line always names the region, and the endpoint as the host aliyun's --endpoint takes.
    let endpointHost: string | undefined;
    try {
      endpointHost = service.endpoint ? parseEndpointOverride(service.endpoint).host : undefined;
    } catch (error) {
      if (!(error instanceof ImmApiError)) throw error;
      io.stderr(`${error.message}\n`);
      return Exit.Failure;
    }
    const preview = previewRequest(doc.value, {
      region: region || DEFAULT_REGION,
      ...(endpointHost ? { endpoint: endpointHost } : {}),
      ...(values.profile ? { profile: values.profile } : {}),
    });
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
    io.stderr(`${t('Quoted for {0}. {1}', COMMAND_LINE_TEXT.shellName[shell](), COMMAND_LINE_TEXT.needsCli())}\n`);
    return Exit.Ok;
  }

  const credentials: CredentialSource = values.profile ? { kind: 'profile', name: values.profile } : { kind: 'default' };
  const projectName = request.query.ProjectName;
  try {
    const client = createImmClient({
      ...(region ? { region } : {}),
      ...(service.endpoint ? { endpoint: service.endpoint } : {}),
      credentials,
      timeoutMs,
      userAgent: `${TOOL.name}/${TOOL.version}`,
    });
    if (!values['no-preflight']) {
      // The checks wait 10 s per read unless --timeout says otherwise, so "raise the timeout" advice can be followed.
      const flags = {
        region,
        endpoint: service.endpoint,
        ossEndpoint: service.ossEndpoint,
        profile: values.profile,
        timeoutMs: values.timeout !== undefined ? timeoutMs : 10_000,
      };
      if (await preflightRefuses(doc, shown, flags, io)) {
        if (format === 'json')
          io.stdout(`${JSON.stringify({ submitted: false, file: shown, reason: t('the cloud checks found errors (printed on stderr)') }, null, 2)}\n`);
        return Exit.Failure;
      }
    }
    io.stderr(
      `${t('Submitting {0} ({1}, project {2}) to {3} as {4}…', shown, String(request.body['Type'] ?? '?'), projectName, client.endpoint.url, await client.describeCredentials())}\n`,
    );

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
    if (code !== Exit.Ok || download === undefined) return code;
    const oss = ossConnectionFor({ ossEndpoint: service.ossEndpoint, profile: values.profile, timeoutMs });
    return await downloadToPath(oss, download.location, client.endpoint.regionId, download.target, io, values.overwrite, download.shape);
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
    io.stdout(
      `${JSON.stringify({ taskId: task.taskId, requestId, projectName: task.projectName, status: task.status, code: task.code, message: task.message, startTime: task.startTime, endTime: task.endTime }, null, 2)}\n`,
    );
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
