/** One cloud finding at a range; its severity is the registry's (shared/codes.ts). */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { type CloudCode, DIAGNOSTIC_SOURCE, severityOf } from '../shared/codes';
import type { CheckFailure } from './answers';

export function cloudFinding(range: Range, code: CloudCode, message: string, failure?: CheckFailure): Diagnostic {
  // The reason of a check that could not run, so an editor can keep quiet offline.
  return { range, severity: severityOf(code), code, source: DIAGNOSTIC_SOURCE, message, ...(failure ? { data: { reason: failure.reason } } : {}) };
}
