/**
 * Problems IMM reported for a submitted job, on the key it named. Kept apart from the language server's
 * diagnostics (which know nothing of the service) and dropped at the next edit or submission, since the
 * service's verdict was about the text as it was sent.
 */
import * as vscode from 'vscode';
import type { Range } from 'vscode-languageserver-types';
import { SUBMIT_DIAGNOSTICS } from '../constants';

export class SubmitDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(SUBMIT_DIAGNOSTICS);
  private readonly listener = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length > 0 && this.collection.has(event.document.uri)) this.collection.delete(event.document.uri);
  });

  set(uri: vscode.Uri, range: Range, message: string, code: string): void {
    const diagnostic = new vscode.Diagnostic(toVsRange(range), message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'IMM';
    diagnostic.code = code;
    this.collection.set(uri, [diagnostic]);
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.listener.dispose();
    this.collection.dispose();
  }
}

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
