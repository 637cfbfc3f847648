/**
 * Decides from the text alone whether a job may be sent: the same parse and validation the language server
 * runs, so a file the editor shows without errors is a file Submit accepts, and unsaved edits count.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
  DIAGNOSTIC_SOURCE,
  parseJob,
  type JobDocument,
  RequestBuildError,
  toRequest,
  type CreateHighlightTaskRequest,
  validateJob,
} from '../../../core/src/index';

export type SubmitPlan =
  | { readonly kind: 'invalid'; readonly doc: JobDocument; readonly errors: readonly Diagnostic[] }
  | {
      readonly kind: 'ready';
      readonly doc: JobDocument;
      readonly request: CreateHighlightTaskRequest;
      /** Output.URI, to point at the result when the task succeeds. */
      readonly outputUri: string | undefined;
      /** Warnings do not stop a submission; the count is shown so they are not forgotten. */
      readonly warnings: number;
    };

export function planSubmission(text: string): SubmitPlan {
  const doc = parseJob(text);
  const diagnostics = validateJob(doc);
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  if (errors.length > 0) return { kind: 'invalid', doc, errors };
  let request: CreateHighlightTaskRequest;
  try {
    request = toRequest(doc.value);
  } catch (error) {
    // Validation reports these first (an empty file, a missing ProjectName); this is the last guard.
    if (!(error instanceof RequestBuildError)) throw error;
    const at = { line: 0, character: 0 };
    return {
      kind: 'invalid',
      doc,
      errors: [{ range: { start: at, end: at }, message: error.message, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE }],
    };
  }
  return { kind: 'ready', doc, request, outputUri: outputUriOf(doc.value), warnings: diagnostics.length - errors.length };
}

function outputUriOf(value: unknown): string | undefined {
  const output = (value as { Output?: { URI?: unknown } } | null)?.Output;
  return typeof output?.URI === 'string' ? output.URI : undefined;
}
