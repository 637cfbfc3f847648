/** The cloud checks of one parsed job, end to end: the core's plan, the reads, the core's diagnostics. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { type CloudAnswers, type JobDocument, cloudDiagnostics, cloudChecksMoot, cloudResources, planCloudChecks } from '../../../core/src/index';
import { runCloudChecks, type CloudCheckDeps } from './checks';

/** No requests for a job whose text makes the checks moot (cloudChecksMoot): its static findings say why. */
export async function cloudCheckJob(doc: JobDocument, deps: CloudCheckDeps): Promise<Diagnostic[]> {
  return (await cloudInspectJob(doc, deps)).diagnostics;
}

/**
 * The diagnostics and the answers they came from, for what else shows the cloud's facts (the storyboard's media
 * facts); answers is undefined when nothing was asked.
 */
export async function cloudInspectJob(doc: JobDocument, deps: CloudCheckDeps): Promise<{ diagnostics: Diagnostic[]; answers: CloudAnswers | undefined }> {
  if (cloudChecksMoot(doc)) return { diagnostics: [], answers: undefined };
  const resources = cloudResources(doc);
  const plan = planCloudChecks(resources);
  if (!plan.project && plan.buckets.length === 0) return { diagnostics: [], answers: undefined };
  const answers = await runCloudChecks(plan, deps);
  return { diagnostics: cloudDiagnostics(resources, answers), answers };
}
