/** Show Request (a read-only JSON document that follows edits) and Copy aliyun CLI Command. */
import * as vscode from 'vscode';
import { notify } from '../notify';
import { COMMAND_LINE_TEXT, shellOf } from '../../../core/src/index';
import { Commands } from '../commandIds';
import { previewUri, type RequestPreviewProvider } from './preview';
import { jobDocument } from '../jobDocument';
import type { TaskNode } from '../tasks/tree';

function isTaskNode(arg: unknown): arg is TaskNode {
  return typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'task' && typeof (arg as TaskNode).record?.taskId === 'string';
}

export function registerRequestCommands(preview: RequestPreviewProvider): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.showRequest, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      // From a task in the Highlight Tasks view: the request that task sent, not what the file would send now.
      if (isTaskNode(arg)) return vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.showSentRequest, arg.record.taskId);
      const document = await jobDocument(arg);
      if (!document) {
        void notify.error(vscode.l10n.t('IMM Highlight: open a *.highlight.yaml job file to see its request.'));
        return undefined;
      }
      const uri = previewUri(document.uri);
      const shown = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(shown, 'json');
      await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      return uri;
    }),
    vscode.commands.registerCommand(Commands.copyCliCommand, async (arg?: unknown): Promise<string | undefined> => {
      const document = await jobDocument(arg);
      if (!document) {
        void notify.error(vscode.l10n.t('IMM Highlight: open a *.highlight.yaml job file to copy its aliyun CLI command.'));
        return undefined;
      }
      const shell = shellOf(vscode.env.shell, hostPlatform());
      const result = await preview.commandLine(document.uri, shell);
      if (!result) {
        void notify.error(vscode.l10n.t('IMM Highlight: this file cannot become a request yet (it needs to be a mapping with ProjectName).'));
        return undefined;
      }
      if ('refused' in result) {
        void notify.error(vscode.l10n.t('IMM Highlight: aliyun CLI command not copied: {0}', result.refused));
        return undefined;
      }
      await vscode.env.clipboard.writeText(result.line);
      void notify.info(
        vscode.l10n.t('IMM Highlight: aliyun CLI command copied for {0}. {1}', COMMAND_LINE_TEXT.shellName[shell](), COMMAND_LINE_TEXT.needsCli()),
      );
      return result.line;
    }),
  );
}

/** The platform of the extension host; a web extension host has no process and runs no shell of its own (POSIX quoting). */
function hostPlatform(): string {
  return (globalThis as { process?: { platform?: string } }).process?.platform ?? 'linux';
}
