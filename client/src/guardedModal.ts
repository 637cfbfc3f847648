/**
 * The one way this extension asks, in a modal, before something that costs money or changes data.
 *
 * VS Code focuses the first button an extension passes (Enter presses it) and always puts the close affordance
 * (its own Cancel, or an item marked isCloseAffordance) after the others, so a close affordance can never be the
 * focused button. The harmless choice is therefore passed first as an ordinary button: Enter keeps things as they
 * are, and the action must be clicked or tabbed to on purpose. Escape and the close button answer no as well.
 */
import * as vscode from 'vscode';
import { notify } from './notify';

export interface GuardedQuestion {
  readonly message: string;
  readonly detail?: string;
  /** The button that pays or changes something, e.g. "Submit Again". */
  readonly action: string;
  /** The harmless button, focused when the dialog opens, e.g. "Don't Submit". */
  readonly keep: string;
}

/** The buttons in the order VS Code receives them: the first one has the keyboard focus. */
export function guardedButtons(question: Pick<GuardedQuestion, 'action' | 'keep'>): vscode.MessageItem[] {
  return [{ title: question.keep }, { title: question.action }];
}

/** True only when the user chose `action`. */
export async function confirmGuarded(question: GuardedQuestion): Promise<boolean> {
  const options: vscode.MessageOptions = question.detail === undefined ? { modal: true } : { modal: true, detail: question.detail };
  const choice = await notify.warning(question.message, options, ...guardedButtons(question));
  return choice?.title === question.action;
}
