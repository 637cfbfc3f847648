/** Show Request (a read-only JSON document that follows edits) and Copy aliyun CLI Command. */
import * as vscode from 'vscode';
import { COMMAND_LINE_TEXT, shellOf } from '../../../core/src/commandLine';
import { SubmitCommands } from './commandIds';
import { previewUri, type RequestPreviewProvider } from './requestPreview';
import { jobDocument } from './jobDocument';

export function registerRequestCommands(preview: RequestPreviewProvider): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SubmitCommands.showRequest, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const document = await jobDocument(arg);
      if (!document) {
        void vscode.window.showErrorMessage('IMM Highlight: open a *.highlight.yaml job file to see its request.');
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
        void vscode.window.showErrorMessage('IMM Highlight: open a *.highlight.yaml job file to copy its aliyun CLI command.');
        return undefined;
      }
      const shell = shellOf(vscode.env.shell, process.platform);
      const result = await preview.commandLine(document.uri, shell);
      if (!result) {
        void vscode.window.showErrorMessage('IMM Highlight: this file cannot become a request yet (it needs to be a mapping with ProjectName).');
        return undefined;
      }
      if ('refused' in result) {
        void vscode.window.showErrorMessage(`IMM Highlight: aliyun CLI command not copied: ${result.refused}`);
        return undefined;
      }
      await vscode.env.clipboard.writeText(result.line);
      void vscode.window.showInformationMessage(`IMM Highlight: aliyun CLI command copied for ${COMMAND_LINE_TEXT.shellName[shell]}. ${COMMAND_LINE_TEXT.needsCli}`);
      return result.line;
    }),
  );
}
