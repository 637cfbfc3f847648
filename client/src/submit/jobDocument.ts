import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants';

const JOB_FILE = /\.highlight\.ya?ml$/i;

/** The job a command was invoked on: the menu's or CodeLens' URI, else the active editor. */
export async function jobDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString()) ?? (await vscode.workspace.openTextDocument(arg));
  }
  const document = vscode.window.activeTextEditor?.document;
  return document && (document.languageId === LANGUAGE_ID || JOB_FILE.test(document.uri.path)) ? document : undefined;
}
