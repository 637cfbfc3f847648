/**
 * Set AccessKey and Choose Credentials Profile can be run with arguments (by another extension, or a trusted
 * workspace's task through a command input). Credentials are then replaced only after the user says so.
 */
import { t } from '../../../core/src/index';
import { maskAccessKeyId } from '../../../api/src/errors';

/** Messages of this feature, in one place for translation; functions, as texts would be filled before the display language is chosen. */
export const CONFIRM_TEXT = {
  accessKey: (masked: string) =>
    t('A command run by another extension or a task asks to set the AccessKey used for IMM submissions to {0}. Replace the credentials?', masked),
  profile: (profile: string | undefined) =>
    profile
      ? t('A command run by another extension or a task asks to use aliyun CLI profile "{0}" for IMM submissions. Switch?', profile)
      : t('A command run by another extension or a task asks to use the default credential chain for IMM submissions. Switch?'),
  replace: () => t('Replace'),
  keep: () => t('Keep Current Credentials'),
  declined: () => t('IMM Highlight: the credentials were left unchanged.'),
};

/** The question to ask before a programmatic change; the AccessKey only masked, the secret never. */
export function confirmationQuestion(change: { accessKeyId: string } | { profile: string | undefined }): string {
  return 'accessKeyId' in change ? CONFIRM_TEXT.accessKey(maskAccessKeyId(change.accessKeyId)) : CONFIRM_TEXT.profile(change.profile);
}
