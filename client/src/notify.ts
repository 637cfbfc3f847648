/**
 * Every notification the extension shows goes through here, so that its message is plain text (plainText): a
 * URI, key, file name, endpoint or service text in it cannot become a clickable `command:` link. A unit test
 * (test/unit/client/plainText.test.ts) fails when client/src calls vscode.window.show…Message or withProgress elsewhere.
 */
import * as vscode from 'vscode';
import { plainText } from './plainText';

type Show = <T extends string | vscode.MessageItem>(message: string, ...rest: (T | vscode.MessageOptions)[]) => Thenable<T | undefined>;

type Severity = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';

function plain(severity: Severity): Show {
  return <T extends string | vscode.MessageItem>(message: string, ...rest: (T | vscode.MessageOptions)[]) => {
    // Options (not buttons, which have a title) may carry a detail line, shown as text too.
    const safe = rest.map((item) =>
      typeof item === 'object' && !('title' in item) && item.detail !== undefined ? { ...item, detail: plainText(item.detail) } : item,
    );
    // Looked up at each call, not captured at load: whatever vscode.window holds then is what shows it.
    const show = vscode.window[severity] as (message: string, ...items: unknown[]) => Thenable<T | undefined>;
    return show(plainText(message), ...safe);
  };
}

export const notify = {
  info: plain('showInformationMessage'),
  warning: plain('showWarningMessage'),
  error: plain('showErrorMessage'),
};

/** vscode.window.withProgress with a plain-text title. */
export function withProgress<R>(
  options: vscode.ProgressOptions,
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  return vscode.window.withProgress({ ...options, ...(options.title !== undefined ? { title: plainText(options.title) } : {}) }, (progress, token) =>
    task({ report: (value) => progress.report(value.message !== undefined ? { ...value, message: plainText(value.message) } : value) }, token),
  );
}
