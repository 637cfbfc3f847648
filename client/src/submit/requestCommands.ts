/** Show Request (a read-only JSON document that follows edits) and Copy aliyun CLI Command. */
import * as vscode from 'vscode';
import { SubmitCommands } from './commandIds';
import { previewUri, type RequestPreviewProvider } from './requestPreview';
import { jobDocument } from './jobDocument';
import type { TaskNode } from './taskTree';

function isTaskNode(arg: unknown): arg is TaskNode {
  return typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'task' && typeof (arg as TaskNode).record?.taskId === 'string';
}

export function registerRequestCommands(preview: RequestPreviewProvider): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SubmitCommands.showRequest, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      // From a task in the Highlight Tasks view: the request that task sent, not what the file would send now.
      if (isTaskNode(arg)) return vscode.commands.executeCommand<vscode.Uri | undefined>(SubmitCommands.showSentRequest, arg.record.taskId);
      const document = await jobDocument(arg);
      if (!document) {
        void vscode.window.showErrorMessage(vscode.l10n.t('IMM Highlight: open a *.highlight.yaml job file to see its request.'));
        return undefined;
      }
      const uri = previewUri(document.uri);
      const shown = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(shown, 'json');
      await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      return uri;
    }),
    vscode.commands.registerCommand(SubmitCommands.copyCliCommand, async (arg?: unknown): Promise<string | undefined> => {
      const document = await jobDocument(arg);
      if (!document) {
        void vscode.window.showErrorMessage(vscode.l10n.t('IMM Highlight: open a *.highlight.yaml job file to copy its aliyun CLI command.'));
        return undefined;
      }
      const { line, errors } = await preview.commandLine(document.uri);
      if (!line) {
        void vscode.window.showErrorMessage(vscode.l10n.t('IMM Highlight: this file cannot become a request yet (it needs to be a mapping with ProjectName).'));
        return undefined;
      }
      await vscode.env.clipboard.writeText(line);
      void vscode.window.showInformationMessage(
        errors > 0
          ? vscode.l10n.t('IMM Highlight: aliyun CLI command copied, but the file has {0} error(s) that IMM is likely to reject.', errors)
          : vscode.l10n.t('IMM Highlight: aliyun CLI command copied (POSIX shell quoting; credentials come from your aliyun CLI configuration).'),
      );
      return line;
    }),
  );
}
