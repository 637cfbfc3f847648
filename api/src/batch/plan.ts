/**
 * Planning a batch: every object under the `--each` prefix (all pages, sub-folders included, `--match` on the file
 * name), one job per object (its Sources replaced by that object, Output.URI from the template, the batch tag beside
 * the user's tags), and the preview that runs the static and cloud checks on each item and leaves out the ones with
 * an error. Nothing here creates a task.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseJob, splitOssUri, t, validateJob, type JobDocument } from '../../../core/src/index';
import type { OssCallOptions, OssObjectSummary } from '../oss/index';
import { fileNameMatches, globToRegExp } from './glob';
import { BATCH_TAG, MANIFEST_VERSION, newBatchId, type BatchManifest, type SkippedItem } from './manifest';
import { planOutputs, templateProblem, type OutputCollision } from './template';

/** A refusal before anything was sent, in words for the user. */
export class BatchPlanError extends Error {
  constructor(
    message: string,
    readonly collisions: readonly OutputCollision[] = [],
  ) {
    super(message);
    this.name = 'BatchPlanError';
  }
}

/** What listing needs from the OSS client (api/src/oss/client.ts). */
export interface BatchLister {
  listAll(
    bucket: string,
    region: string,
    prefix: string,
    options?: OssCallOptions & { limit?: number },
  ): Promise<{ objects: OssObjectSummary[]; truncated: boolean }>;
}

/** The most objects a batch takes from one prefix: a typo in `--each` must not plan a million paid tasks. */
export const MAX_BATCH_OBJECTS = 10_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why this job cannot be a batch template, or undefined. */
export function batchJobProblem(job: unknown): string | undefined {
  if (!isRecord(job)) return t('The job must be a YAML mapping of request parameters.');
  if (typeof job['ProjectName'] !== 'string' || !job['ProjectName']) return t('The job has no ProjectName.');
  if (job['Type'] === 'Concat') return t('A Concat job already makes one reel of many clips: it cannot be sent once per video. Use Retrieval or Compose.');
  if (isRecord(job['Tags']) && BATCH_TAG in job['Tags']) return t('The job already has the tag {0}; a batch sets it itself. Remove it from Tags.', BATCH_TAG);
  return undefined;
}

/** `oss://bucket/prefix/` -> bucket and prefix, or a BatchPlanError. */
export function parseEach(each: string): { bucket: string; prefix: string } {
  const location = splitOssUri(each);
  if (location) return { bucket: location.bucket, prefix: location.key };
  // A whole bucket: `oss://bucket/` has an empty key, which splitOssUri does not take.
  const whole = /^oss:\/\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\/?$/.exec(each);
  if (whole) return { bucket: whole[1]!, prefix: '' };
  throw new BatchPlanError(t('--each {0} is not an OSS folder: write it as oss://bucket/prefix/.', each));
}

/** Keys of every object under the prefix whose file name matches, in key order; folder markers (keys ending in /) left out. */
export async function listBatchKeys(
  oss: BatchLister,
  region: string,
  each: string,
  match: string | undefined,
  options: OssCallOptions = {},
): Promise<{ bucket: string; prefix: string; keys: string[] }> {
  const { bucket, prefix } = parseEach(each);
  const listing = await oss.listAll(bucket, region, prefix, { ...options, limit: MAX_BATCH_OBJECTS });
  if (listing.truncated) throw new BatchPlanError(t('{0} holds more than {1} objects: narrow --each or --match.', each, MAX_BATCH_OBJECTS));
  const pattern = match ? globToRegExp(match) : undefined;
  const keys = listing.objects
    .map((o) => o.key)
    .filter((key) => !key.endsWith('/') && (!pattern || fileNameMatches(key, pattern)))
    .sort();
  return { bucket, prefix, keys };
}

/** One item's request value: the job with Sources = [that object], Output.URI from the template, the batch tag added. */
export function itemJob(job: Readonly<Record<string, unknown>>, source: string, output: string, batchId: string): Record<string, unknown> {
  const userTags = isRecord(job['Tags']) ? job['Tags'] : {};
  const jobOutput = isRecord(job['Output']) ? job['Output'] : {};
  return { ...job, Sources: [{ URI: source }], Output: { ...jobOutput, URI: output }, Tags: { ...userTags, [BATCH_TAG]: batchId } };
}

export interface PlannedItem {
  readonly index: number;
  readonly source: string;
  readonly output: string;
}

export interface BatchPlanOptions {
  readonly job: Readonly<Record<string, unknown>>;
  readonly name: string;
  readonly jobFile: string;
  readonly each: string;
  readonly match?: string | undefined;
  readonly outputTemplate: string;
  readonly concurrency: number;
  readonly region?: string | undefined;
  readonly endpoint?: string | undefined;
}

export interface BatchPlan {
  readonly options: BatchPlanOptions;
  readonly batchId: string;
  readonly items: readonly PlannedItem[];
}

/** Lists the sources and makes the outputs; throws BatchPlanError for a template that cannot work or collides. */
export async function planBatch(oss: BatchLister, region: string, options: BatchPlanOptions, call: OssCallOptions = {}): Promise<BatchPlan> {
  const problem = batchJobProblem(options.job) ?? templateProblem(options.outputTemplate);
  if (problem) throw new BatchPlanError(problem);
  const { bucket, prefix, keys } = await listBatchKeys(oss, region, options.each, options.match, call);
  if (keys.length === 0)
    throw new BatchPlanError(t('No object under {0} matches{1}: nothing to send.', options.each, options.match ? ` ${options.match}` : ''));
  const { outputs, collisions } = planOutputs(bucket, prefix, keys, options.outputTemplate);
  if (collisions.length)
    throw new BatchPlanError(
      t('The output template {0} does not give each video its own output: {1}', options.outputTemplate, collisions[0]!.reason),
      collisions,
    );
  return { options, batchId: newBatchId(options.name), items: outputs.map((o, i) => ({ index: i + 1, ...o })) };
}

export interface ItemFindings {
  readonly item: PlannedItem;
  readonly diagnostics: readonly Diagnostic[];
}

/** The checks one item's job goes through: the static ones always, the cloud ones when a checker is given. */
export type ItemChecker = (doc: JobDocument, signal?: AbortSignal) => Promise<Diagnostic[]>;

/** An item's job as a document the checks read (JSON is YAML). */
export function itemDocument(job: Readonly<Record<string, unknown>>, item: PlannedItem, batchId: string): JobDocument {
  return parseJob(JSON.stringify(itemJob(job, item.source, item.output, batchId), null, 2));
}

/** Runs the checks on every item; items with an error are left out (skipped, with the errors' messages). */
export async function previewBatch(
  plan: BatchPlan,
  cloudCheck: ItemChecker | undefined,
  signal?: AbortSignal,
): Promise<{ ready: PlannedItem[]; skipped: SkippedItem[]; findings: ItemFindings[] }> {
  const ready: PlannedItem[] = [];
  const skipped: SkippedItem[] = [];
  const findings: ItemFindings[] = [];
  for (const item of plan.items) {
    signal?.throwIfAborted();
    const doc = itemDocument(plan.options.job, item, plan.batchId);
    const diagnostics = [...validateJob(doc), ...(cloudCheck ? await cloudCheck(doc, signal) : [])];
    if (diagnostics.length) findings.push({ item, diagnostics });
    const errors = diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
    if (errors.length) skipped.push({ source: item.source, output: item.output, reasons: errors.map((d) => d.message) });
    else ready.push(item);
  }
  return { ready, skipped, findings };
}

/** The manifest of a previewed plan: every ready item waiting, the left-out ones listed. */
export function newManifest(plan: BatchPlan, ready: readonly PlannedItem[], skipped: readonly SkippedItem[], now = new Date()): BatchManifest {
  const projectName = String(plan.options.job['ProjectName']);
  return {
    version: MANIFEST_VERSION,
    batchId: plan.batchId,
    name: plan.options.name,
    createdAt: now.toISOString(),
    jobFile: plan.options.jobFile,
    ...(plan.options.region ? { region: plan.options.region } : {}),
    ...(plan.options.endpoint ? { endpoint: plan.options.endpoint } : {}),
    projectName,
    job: plan.options.job,
    each: plan.options.each,
    ...(plan.options.match ? { match: plan.options.match } : {}),
    outputTemplate: plan.options.outputTemplate,
    concurrency: plan.options.concurrency,
    items: ready.map((item) => ({ index: item.index, source: item.source, output: item.output, state: 'waiting', sends: 0 })),
    skipped,
  };
}
