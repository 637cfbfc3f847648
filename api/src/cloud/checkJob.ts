/** The cloud checks of one parsed job, end to end: the core's plan, the reads, the core's diagnostics. */
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  type CloudAnswers,
  type CloudResources,
  type JobDocument,
  cloudDiagnostics,
  cloudChecksMoot,
  cloudResources,
  planCloudChecks,
} from '../../../core/src/index';
import { runCloudChecks, type CloudCheckDeps } from './checks';

/** What a check found, with what it was made from: the editor shows the media facts of the answers beside the findings. */
export interface CloudCheckOutcome {
  readonly diagnostics: Diagnostic[];
  /** Undefined when nothing was asked (moot, or no resources). */
  readonly resources?: CloudResources;
  readonly answers?: CloudAnswers;
}

/** No requests for a job whose text makes the checks moot (cloudChecksMoot): its static findings say why. */
export async function cloudCheckJobOutcome(doc: JobDocument, deps: CloudCheckDeps): Promise<CloudCheckOutcome> {
  if (cloudChecksMoot(doc)) return { diagnostics: [] };
  const resources = cloudResources(doc);
  const plan = planCloudChecks(resources);
  if (!plan.project && plan.buckets.length === 0) return { diagnostics: [] };
  const answers = await runCloudChecks(plan, deps);
  return { diagnostics: cloudDiagnostics(resources, answers), resources, answers };
}

/** `onAnswers` sees what the cloud answered (the storyboard keeps the media facts of it: nothing is read twice). */
export async function cloudCheckJob(doc: JobDocument, deps: CloudCheckDeps, onAnswers?: (answers: CloudAnswers) => void): Promise<Diagnostic[]> {
  const outcome = await cloudCheckJobOutcome(doc, deps);
  if (outcome.answers) onAnswers?.(outcome.answers);
  return outcome.diagnostics;
}
