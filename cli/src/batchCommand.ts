/**
 * `highlight-task batch <file> --each oss://bucket/prefix/ [--match GLOB] --output-uri TEMPLATE [--concurrency N]
 * [--dry-run] [--yes] [--wait] [--manifest PATH] [--retry-failed] [--format text|json]`: the job once per video under
 * the prefix, paced, followed with ListTasks, resumable from its manifest (default beside the job).
 */
import { access } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseJob, t } from '../../core/src/index';
import { createImmClient, describeImmError, ImmApiError, type CredentialSource } from '../../api/src/index';
import { OssError } from '../../api/src/oss/index';
import {
  BatchPlanError,
  countItems,
  loadManifest,
  ManifestError,
  newManifest,
  planBatch,
  previewBatch,
  retryFailed,
  runBatch,
  saveManifest,
  type BatchCounts,
  type BatchEvent,
  type BatchManifest,
  type ItemFindings,
} from '../../api/src/batch/index';
import { createCloudChecker, SERVICE_FLAG_OPTIONS } from './cloud';
import { displayPath, readJobFile } from './files';
import { Exit, UsageError, type Io } from './io';
import { formatText } from './report';
import { serviceFlags } from './serviceFlags';
import { escapeLine } from './terminal';
import { parseFormat, seconds } from './validateCommand';
import { TOOL } from './version';

export const DEFAULT_BATCH_CONCURRENCY = 5;

/** The batch command's lines of `highlight-task --help`. */
export function batchHelp(): string {
  return t(`  batch <file>                              Send the job once per video under an OSS folder, paced, followed
                                           with ListTasks; resumable from its manifest. Exit 0 every item sent
                                           (with --wait: succeeded); 1 an item failed, was refused or left out;
                                           3 an item's outcome is unknown
      --each oss://bucket/prefix/          Every object under the prefix, sub-folders included
      --match GLOB                         Only objects whose file name matches (*.mp4, *.{mp4,mov})
      --output-uri TEMPLATE                Each output: {name} {ext} {key} {index}, e.g.
                                           oss://bucket/reels/{name}.mp4 (outputs must all differ)
      --concurrency N                      Tasks running at once (default 5, at most 100)
      --dry-run                            Print the plan and the checks' findings; send nothing
      --yes                                Send (needed unless --dry-run)
      --wait                               Follow until every task ended
      --manifest PATH                      The batch's record (default <job>.batch.json beside the job);
                                           run again with it to resume without duplicates
      --retry-failed                       Send the failed items of the manifest again
      --format text|json                   json prints the manifest
      --poll-interval S                    First wait between ListTasks polls (default 5, grows to 60)
      --region / --endpoint / --oss-endpoint / --profile / --timeout / --no-preflight   As for submit
`);
}

/** `reels.highlight.yaml` -> `reels`: the batch's name and its manifest's (`reels.batch.json`). */
export function jobStem(path: string): string {
  return basename(path)
    .replace(/\.highlight\.ya?ml$/i, '')
    .replace(/\.ya?ml$/i, '');
}

function concurrencyOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BATCH_CONCURRENCY;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(t('--concurrency takes a whole number from 1 to 100, not "{0}".', value));
  return n;
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** 0 every item sent (and with --wait succeeded); 3 any outcome unknown; 1 an item failed, was refused or left out. */
export function batchExitCode(manifest: BatchManifest, wait: boolean): number {
  const counts = countItems(manifest);
  if (counts.unknown > 0) return Exit.OutcomeUnknown;
  if (counts.failed > 0 || counts.refused > 0 || manifest.skipped.length > 0) return Exit.Failure;
  if (counts.waiting > 0 || (wait && counts.running > 0)) return Exit.Failure;
  return Exit.Ok;
}

function countsLine(counts: BatchCounts): string {
  return t(
    '{0} items: {1} succeeded, {2} failed, {3} running, {4} waiting, {5} refused, {6} outcome unknown',
    counts.total,
    counts.succeeded,
    counts.failed,
    counts.running,
    counts.waiting,
    counts.refused,
    counts.unknown,
  );
}

/** The plan: items on stdout (in text; the JSON manifest lists them), the checks' findings and the count on stderr. */
function printPlan(manifest: BatchManifest, findings: readonly ItemFindings[], format: string, io: Io): void {
  if (format === 'text') for (const item of manifest.items) io.stdout(`${item.index}\t${escapeLine(item.source)} -> ${escapeLine(item.output)}\n`);
  for (const finding of findings) io.stderr(formatText([{ file: finding.item.source, diagnostics: finding.diagnostics }]));
  for (const skipped of manifest.skipped) io.stderr(`${t('Left out: {0} -> {1}: {2}', skipped.source, skipped.output, skipped.reasons.join(' '))}\n`);
  io.stderr(
    `${t('{0} paid tasks in project {1} (batch {2}), at most {3} running at once.', manifest.items.length, manifest.projectName, manifest.batchId, manifest.concurrency)}\n`,
  );
}

function printResult(manifest: BatchManifest, format: string, io: Io): void {
  if (format === 'json') {
    io.stdout(`${JSON.stringify(manifest, null, 2)}\n`);
    return;
  }
  for (const item of manifest.items) {
    const why = item.code ? ` ${item.code}${item.message ? `: ${item.message}` : ''}` : '';
    io.stdout(`${item.state}\t${item.taskId ?? '-'}\t${escapeLine(item.source)} -> ${escapeLine(item.output)}${escapeLine(why)}\n`);
  }
}

export async function batchCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      each: { type: 'string' },
      match: { type: 'string' },
      'output-uri': { type: 'string' },
      concurrency: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      wait: { type: 'boolean', default: false },
      manifest: { type: 'string' },
      'retry-failed': { type: 'boolean', default: false },
      format: { type: 'string' },
      ...SERVICE_FLAG_OPTIONS,
      'poll-interval': { type: 'string' },
      'no-preflight': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError(t('batch takes exactly one job file.'));
  const format = parseFormat(values.format, ['text', 'json']);
  const timeoutMs = seconds('timeout', values.timeout, 20);
  const pollMs = seconds('poll-interval', values['poll-interval'], 5);
  const service = serviceFlags(values, io.env, { endpoint: true, ossEndpoint: true });
  const jobPath = resolve(io.cwd, positionals[0]!);
  const shown = displayPath(jobPath, io.cwd);
  const manifestPath = values.manifest ? resolve(io.cwd, values.manifest) : join(dirname(jobPath), `${jobStem(jobPath)}.batch.json`);
  const shownManifest = displayPath(manifestPath, io.cwd);
  const resuming = await exists(manifestPath);
  if (!resuming && values['retry-failed']) throw new UsageError(t('--retry-failed needs the manifest of a batch; {0} does not exist.', shownManifest));
  if (!resuming && (values.each === undefined || values['output-uri'] === undefined))
    throw new UsageError(t('batch needs --each oss://bucket/prefix/ and --output-uri TEMPLATE (e.g. oss://bucket/reels/{0}.mp4).', '{name}'));

  const credentials: CredentialSource = values.profile ? { kind: 'profile', name: values.profile } : { kind: 'default' };
  const checker = createCloudChecker({
    region: service.region,
    endpoint: service.endpoint,
    ossEndpoint: service.ossEndpoint,
    profile: values.profile,
    timeoutMs,
  });
  const signal = io.signal;
  let manifest: BatchManifest;
  try {
    if (resuming) {
      manifest = await loadManifest(manifestPath);
      if (
        (values.each !== undefined && values.each !== manifest.each) ||
        (values['output-uri'] !== undefined && values['output-uri'] !== manifest.outputTemplate)
      )
        throw new UsageError(
          t(
            '{0} is the manifest of another batch ({1} -> {2}); give another --manifest PATH, or leave out --each and --output-uri to resume it.',
            shownManifest,
            manifest.each,
            manifest.outputTemplate,
          ),
        );
      if (values.concurrency !== undefined) manifest.concurrency = concurrencyOf(values.concurrency);
      io.stderr(`${t('Resuming batch {0} from {1}: {2}.', manifest.batchId, shownManifest, countsLine(countItems(manifest)))}\n`);
      if (values['retry-failed']) io.stderr(`${t('{0} failed items to send again.', retryFailed(manifest))}\n`);
      if (values['dry-run']) {
        printResult(manifest, format, io);
        return Exit.Ok;
      }
    } else {
      const job = parseJob(await readJobFile(jobPath, io.cwd)).value;
      const plan = await planBatch(
        checker.oss,
        checker.region,
        {
          job: (job ?? {}) as Record<string, unknown>,
          name: jobStem(jobPath),
          jobFile: shown,
          each: values.each!,
          match: values.match,
          outputTemplate: values['output-uri']!,
          concurrency: concurrencyOf(values.concurrency),
        },
        signal ? { signal } : {},
      );
      // The cloud checks need credentials; without them the sends say what to set.
      const cloud = values['no-preflight'] || !(await checker.oss.identity().catch(() => undefined)) ? undefined : checker.check;
      const { ready, skipped, findings } = await previewBatch(plan, cloud, signal);
      manifest = newManifest(plan, ready, skipped);
      if (format === 'text' || values['dry-run']) printPlan(manifest, findings, format, io);
      if (values['dry-run']) {
        if (format === 'json') io.stdout(`${JSON.stringify(manifest, null, 2)}\n`);
        io.stderr(`${t('Dry run: nothing was sent.')}\n`);
        return Exit.Ok;
      }
      if (ready.length === 0) {
        io.stderr(`${t('{0}: every item has an error: nothing to send.', shown)}\n`);
        return Exit.Failure;
      }
    }
    if (!values.yes) {
      const left = countItems(manifest).waiting;
      throw new UsageError(t('batch sends {0} paid tasks: add --yes to send them, or --dry-run to see the plan.', left));
    }
    await saveManifest(manifestPath, manifest);
    const imm = createImmClient({
      ...(service.region ? { region: service.region } : {}),
      ...(service.endpoint ? { endpoint: service.endpoint } : {}),
      credentials,
      timeoutMs,
      userAgent: `${TOOL.name}/${TOOL.version}`,
    });
    io.stderr(`${t('Batch {0}: manifest {1}. Sending to {2} as {3}…', manifest.batchId, shownManifest, imm.endpoint.url, await imm.describeCredentials())}\n`);
    const progress = (event: BatchEvent): void => {
      if (event.kind === 'answered')
        io.stderr(`${event.item.index}\t${event.item.state}\t${event.item.taskId ?? event.item.code ?? ''}\t${escapeLine(event.item.source)}\n`);
      else if (event.kind === 'matched') io.stderr(`${t('{0}: the send with no answer is task {1}.', event.item.source, event.item.taskId ?? '')}\n`);
      else if (event.kind === 'throttled') io.stderr(`${t('IMM is throttling: waiting {0} s.', Math.round(event.waitMs / 100) / 10)}\n`);
      else if (event.kind === 'polled') io.stderr(`${countsLine(event.counts)}\n`);
      else if (event.kind === 'pollFailed') io.stderr(`${t('ListTasks failed, trying again: {0}', describeImmError(event.error))}\n`);
    };
    await runBatch(imm, manifest, {
      save: (m) => saveManifest(manifestPath, m),
      wait: values.wait,
      pollInitialMs: pollMs,
      ...(signal ? { signal } : {}),
      onEvent: progress,
    });
    io.stderr(`${countsLine(countItems(manifest))}\n`);
    printResult(manifest, format, io);
    return batchExitCode(manifest, values.wait);
  } catch (error) {
    if (signal?.aborted) {
      io.stderr(`${t('Interrupted. Tasks already sent keep running in IMM. Run the same command again to resume from {0}.', shownManifest)}\n`);
      return Exit.Interrupted;
    }
    if (error instanceof BatchPlanError) {
      io.stderr(`highlight-task: ${error.message}\n`);
      for (const collision of error.collisions.slice(1)) io.stderr(`  ${collision.reason}\n`);
      return Exit.Failure;
    }
    if (error instanceof ManifestError) throw new UsageError(error.message);
    if (error instanceof OssError) {
      io.stderr(`highlight-task: ${error.message}\n`);
      return Exit.Failure;
    }
    if (!(error instanceof ImmApiError)) throw error;
    io.stderr(`${shown}: ${describeImmError(error)}\n`);
    return error.outcomeUnknown ? Exit.OutcomeUnknown : Exit.Failure;
  }
}
