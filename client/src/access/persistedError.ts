/**
 * What of a failure may be written to workspace state (task history, shown in the tree's tooltip): the code and
 * a sentence of ours, never a provider's or an unexpected error's own text, which may quote files or answers.
 */
import { t } from '../../../core/src/index';
import { ImmApiError } from '../../../api/src/errors';
import { redactPresignedUrls } from '../../../api/src/redaction';

/** Messages of this feature, in one place for translation; functions, as texts would be filled before the display language is chosen. */
export const PERSISTED_ERROR_TEXT = {
  credentials: (code: string) => t('{0}: the credentials could not be loaded (details in the IMM Highlight output).', code),
  unexpected: () => t('an unexpected error (details in the IMM Highlight output).'),
};

export function persistedError(error: unknown): string {
  if (!(error instanceof ImmApiError)) return PERSISTED_ERROR_TEXT.unexpected();
  if (error.kind === 'credentials') return PERSISTED_ERROR_TEXT.credentials(error.code);
  // The service's own words may quote a parameter, a presigned URL among them.
  return redactPresignedUrls(`${error.code}: ${error.message}`).slice(0, 500);
}
