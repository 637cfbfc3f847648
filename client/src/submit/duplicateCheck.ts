/**
 * Whether a request was already sent from this workspace, and how the question reads. Pure, no VS Code: a
 * second identical submission within the hour, or while the first is still running, is asked about first.
 */
import { isTerminal, type TaskRecord } from './taskRecord';
import { formatTime, statusText } from './taskStatus';

export const DUPLICATE_WINDOW_MS = 60 * 60 * 1000;

/** The newest task sent with the same fingerprint that is recent or has not ended; undefined if none. */
export function findDuplicate(records: readonly TaskRecord[], fingerprint: string, now: number): TaskRecord | undefined {
  return records.find((r) => r.requestHash === fingerprint && (!isTerminal(r.status) || now - Date.parse(r.submittedAt) < DUPLICATE_WINDOW_MS));
}

/** "just now", "4 minutes ago", "1 hour ago", "3 days ago". */
export function ago(fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000));
  if (Number.isNaN(seconds)) return 'at an unknown time';
  if (seconds < 60) return 'just now';
  const [value, unit] = seconds < 3600 ? [Math.floor(seconds / 60), 'minute'] : seconds < 86_400 ? [Math.floor(seconds / 3600), 'hour'] : [Math.floor(seconds / 86_400), 'day'];
  return `${value} ${unit}${value === 1 ? '' : 's'} ago`;
}

export interface DuplicateQuestion {
  readonly message: string;
  readonly detail: string;
  /** The one button that sends; closing the dialog (Cancel, Escape) sends nothing. */
  readonly confirm: string;
}

/** What was sent before: a task IMM created, or a call that got no answer (it may have created one). */
export type EarlierSend =
  | { readonly kind: 'task'; readonly record: TaskRecord }
  | { readonly kind: 'unanswered'; readonly at: string; readonly fileLabel: string; readonly identity: string; readonly code: string };

/** `identity`: who signs the new request (masked), so the user sees both before paying twice. */
export function duplicateQuestion(earlier: EarlierSend, identity: string, now: number, today: Date = new Date(now)): DuplicateQuestion {
  const sentAt = earlier.kind === 'task' ? earlier.record.submittedAt : earlier.at;
  const when = `${formatTime(sentAt, today)} (${ago(sentAt, now)})`;
  const earlierIdentity = earlier.kind === 'task' ? earlier.record.identity : earlier.identity;
  const lines =
    earlier.kind === 'task'
      ? [`Earlier task: ${earlier.record.taskId}`, `Status: ${statusText(earlier.record)}`, `Sent: ${when} from ${earlier.record.fileLabel}`]
      : [`Earlier call: no answer (${earlier.code}); it may have created a task. Check the Highlight Tasks view or the IMM console.`, `Sent: ${when} from ${earlier.fileLabel}`];
  if (earlierIdentity) lines.push(`Sent as: ${earlierIdentity}`);
  lines.push(`This time as: ${identity}`, '', 'Submitting again creates a second, separately billed task.');
  const still = earlier.kind === 'task' && !isTerminal(earlier.record.status) ? ' and is still running' : '';
  return {
    message: `This exact request was already sent to IMM ${ago(sentAt, now)}${still}. Submit it again?`,
    detail: lines.join('\n'),
    confirm: 'Submit Again',
  };
}
