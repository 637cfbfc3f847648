/**
 * The cloud checks `submit` runs before sending: an error refuses the submission (nothing is sent), warnings
 * and checks that could not run are printed and do not block.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { type JobDocument, CloudCode, t } from '../../core/src/index';
import { createCloudChecker, type CloudFlags } from './cloud';
import type { Io } from './io';
import { formatText } from './report';

/** True when the cloud says the job will fail: the caller must not send it. */
export async function preflightRefuses(doc: JobDocument, shown: string, flags: CloudFlags, io: Io): Promise<boolean> {
  const checker = createCloudChecker(flags);
  // Without credentials the submission itself says what to set; a warning about the same here would be noise.
  const identity = await checker.oss.identity().catch(() => undefined);
  if (!identity) return false;
  const diagnostics = (await checker.check(doc, io.signal)).filter((d) => !(d.code === CloudCode.CheckFailed && io.signal?.aborted));
  if (diagnostics.length) io.stderr(formatText([{ file: shown, diagnostics }]));
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  if (errors) {
    const found = errors === 1 ? t('1 error') : t('{0} errors', errors);
    io.stderr(`${t('{0}: not submitted: the cloud checks found {1} above. Nothing was sent. (--no-preflight skips these checks.)', shown, found)}\n`);
  }
  return errors > 0;
}
