/** The modal asked before a request identical to an earlier one is sent. Anything but the confirm button sends nothing. */
import { duplicateQuestion, type EarlierSend } from './duplicateCheck';
import { confirmGuarded } from '../guardedModal';

export interface DuplicateAnswer {
  readonly confirmed: boolean;
  /** The question as shown: message, then detail. */
  readonly question: string;
}

export async function askAboutDuplicate(earlier: EarlierSend, identity: string, now: number): Promise<DuplicateAnswer> {
  const question = duplicateQuestion(earlier, identity, now);
  const text = `${question.message}\n${question.detail}`;
  try {
    const confirmed = await confirmGuarded({ message: question.message, detail: question.detail, action: question.confirm, keep: question.keep });
    return { confirmed, question: text };
  } catch {
    // A dialog that cannot be shown (VS Code refuses dialogs in extension tests) is a dialog that was not confirmed.
    return { confirmed: false, question: text };
  }
}
