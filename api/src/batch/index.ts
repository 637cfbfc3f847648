/** Batches: one job sent once per video under an OSS prefix, paced, followed with ListTasks, resumable from its manifest. */
export { fileNameMatches, globToRegExp } from './glob';
export { BATCH_TAG, countItems, ITEM_STATES, loadManifest, ManifestError, MANIFEST_VERSION, newBatchId, saveManifest, summaryRows, toCsv } from './manifest';
export type { BatchCounts, BatchItem, BatchManifest, ItemState, SkippedItem } from './manifest';
export {
  batchJobProblem,
  BatchPlanError,
  itemDocument,
  itemJob,
  listBatchKeys,
  MAX_BATCH_OBJECTS,
  newManifest,
  parseEach,
  planBatch,
  previewBatch,
} from './plan';
export type { BatchLister, BatchPlan, BatchPlanOptions, ItemChecker, ItemFindings, PlannedItem } from './plan';
export { retryFailed, runBatch } from './runner';
export type { BatchEvent, BatchImm, RunBatchOptions } from './runner';
export { expandTemplate, planOutputs, splitFileName, TEMPLATE_FIELDS, templateProblem } from './template';
export type { OutputCollision, PlannedOutput, TemplateField } from './template';
