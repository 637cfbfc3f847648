import * as vscode from 'vscode';
import { isJobDocument } from '../../core/src/index';

/** Our language, or a job file's name under any language the user gave it (`yaml`, …), in any letter case. */
export function isJobTextDocument(document: vscode.TextDocument): boolean {
  return isJobDocument(document.languageId, document.uri.path);
}

function activeJob(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && isJobTextDocument(document) ? document : undefined;
}

/**
 * The URI of the job a command was invoked on, without awaiting anything: the menu's or CodeLens' URI, else
 * the active editor's. Submit takes its one-at-a-time guard on it before its first await.
 */
export function jobUriNow(arg: unknown): vscode.Uri | undefined {
  return arg instanceof vscode.Uri ? arg : activeJob()?.uri;
}

/** The job a command was invoked on: the menu's or CodeLens' URI, else the active editor. */
export async function jobDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString()) ?? (await vscode.workspace.openTextDocument(arg));
  }
  return activeJob();
}
