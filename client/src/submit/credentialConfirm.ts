/**
 * Set AccessKey and Choose Credentials Profile can be run with arguments (by another extension, or a trusted
 * workspace's task through a command input). Credentials are then replaced only after the user says so.
 */
import { maskAccessKeyId } from '../../../api/src/errors';

/** Messages of this feature, in one place for translation. */
export const CONFIRM_TEXT = {
  accessKey: (masked: string) =>
    `A command run by another extension or a task asks to set the AccessKey used for IMM submissions to ${masked}. Replace the credentials?`,
  profile: (profile: string | undefined) =>
    `A command run by another extension or a task asks to use ${profile ? `aliyun CLI profile "${profile}"` : 'the default credential chain'} for IMM submissions. Switch?`,
  replace: 'Replace',
  declined: 'IMM Highlight: the credentials were left unchanged.',
};

/** The question to ask before a programmatic change; the AccessKey only masked, the secret never. */
export function confirmationQuestion(change: { accessKeyId: string } | { profile: string | undefined }): string {
  return 'accessKeyId' in change ? CONFIRM_TEXT.accessKey(maskAccessKeyId(change.accessKeyId)) : CONFIRM_TEXT.profile(change.profile);
}
