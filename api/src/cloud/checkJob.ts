/** The cloud checks of one parsed job, end to end: the core's plan, the reads, the core's diagnostics. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { type CloudAnswers, type JobDocument, cloudDiagnostics, cloudChecksMoot, cloudResources, planCloudChecks } from '../../../core/src/index';
import { runCloudChecks, type CloudCheckDeps } from './checks';

/**
 * No requests for a job whose text makes the checks moot (cloudChecksMoot): its static findings say why.
 * `onAnswers` sees what the cloud answered (the storyboard keeps the media facts of it: nothing is read twice).
 */
export async function cloudCheckJob(doc: JobDocument, deps: CloudCheckDeps, onAnswers?: (answers: CloudAnswers) => void): Promise<Diagnostic[]> {
  if (cloudChecksMoot(doc)) return [];
  const resources = cloudResources(doc);
  const plan = planCloudChecks(resources);
  if (!plan.project && plan.buckets.length === 0) return [];
  const answers = await runCloudChecks(plan, deps);
  onAnswers?.(answers);
  return cloudDiagnostics(resources, answers);
}
