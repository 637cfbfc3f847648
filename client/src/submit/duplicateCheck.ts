/**
 * Whether a request was already sent from this workspace, and how the question reads. Pure, no VS Code: a
 * second identical submission within the hour, or while the first is still running, is asked about first.
 */
import { t } from '../../../core/src/index';
import { isTerminal, type TaskRecord } from '../tasks/record';
import { formatTime, statusText } from '../tasks/status';

export const DUPLICATE_WINDOW_MS = 60 * 60 * 1000;

/** The newest task sent with the same fingerprint that is recent or has not ended; undefined if none. */
export function findDuplicate(records: readonly TaskRecord[], fingerprint: string, now: number): TaskRecord | undefined {
  return records.find((r) => r.requestHash === fingerprint && (!isTerminal(r.status) || now - Date.parse(r.submittedAt) < DUPLICATE_WINDOW_MS));
}

/** "just now", "4 minutes ago", "1 hour ago", "3 days ago". */
export function ago(fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000));
  if (Number.isNaN(seconds)) return t('at an unknown time');
  if (seconds < 60) return t('just now');
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    return minutes === 1 ? t('{0} minute ago', minutes) : t('{0} minutes ago', minutes);
  }
  if (seconds < 86_400) {
    const hours = Math.floor(seconds / 3600);
    return hours === 1 ? t('{0} hour ago', hours) : t('{0} hours ago', hours);
  }
  const days = Math.floor(seconds / 86_400);
  return days === 1 ? t('{0} day ago', days) : t('{0} days ago', days);
}

export interface DuplicateQuestion {
  readonly message: string;
  readonly detail: string;
  /** The one button that sends; closing the dialog (Cancel, Escape) sends nothing. */
  readonly confirm: string;
  /** The harmless button, which has the focus: Enter sends nothing. */
  readonly keep: string;
}

/** What was sent before: a task IMM created, or a call that got no answer (it may have created one). */
export type EarlierSend =
  | { readonly kind: 'task'; readonly record: TaskRecord }
  | { readonly kind: 'unanswered'; readonly at: string; readonly fileLabel: string; readonly identity: string; readonly code: string };

/** `identity`: who signs the new request (masked), so the user sees both before paying twice. */
export function duplicateQuestion(earlier: EarlierSend, identity: string, now: number, today: Date = new Date(now)): DuplicateQuestion {
  const sentAt = earlier.kind === 'task' ? earlier.record.submittedAt : earlier.at;
  const when = t('{0} ({1})', formatTime(sentAt, today), ago(sentAt, now));
  const earlierIdentity = earlier.kind === 'task' ? earlier.record.identity : earlier.identity;
  const lines =
    earlier.kind === 'task'
      ? [t('Earlier task: {0}', earlier.record.taskId), t('Status: {0}', statusText(earlier.record)), t('Sent: {0} from {1}', when, earlier.record.fileLabel)]
      : [
          t('Earlier call: no answer ({0}); it may have created a task. Check the Highlight Tasks view or the IMM console.', earlier.code),
          t('Sent: {0} from {1}', when, earlier.fileLabel),
        ];
  if (earlierIdentity) lines.push(t('Sent as: {0}', earlierIdentity));
  lines.push(t('This time as: {0}', identity), '', t('Submitting again creates a second, separately billed task.'));
  const running = earlier.kind === 'task' && !isTerminal(earlier.record.status);
  return {
    message: running
      ? t('This exact request was already sent to IMM {0} and is still running. Submit it again?', ago(sentAt, now))
      : t('This exact request was already sent to IMM {0}. Submit it again?', ago(sentAt, now)),
    detail: lines.join('\n'),
    confirm: t('Submit Again'),
    keep: t("Don't Submit"),
  };
}
