/**
 * Quick fixes of the cloud findings ("did you mean" a project or object that exists, a free output name). The
 * findings are made here in the extension, not by the language server, so their fix hints never reach it: this
 * provider hands them to the core's quickFixes, the same code that makes the server's quick fixes.
 */
import * as vscode from 'vscode';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { quickFixes, parseJob } from '../../../core/src/index';
import { cloudFindingOf } from './diagnostics';
import { readCloudSettings } from './settings';

export class CloudQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = new Map<Diagnostic, vscode.Diagnostic>();
    for (const diagnostic of context.diagnostics) {
      const finding = cloudFindingOf(diagnostic);
      // The range as shown now (it may have moved with edits); the fix itself follows the finding's path.
      if (finding) findings.set({ ...finding, range: toLspRange(diagnostic.range) }, diagnostic);
    }
    if (findings.size === 0) return [];
    const uri = document.uri.toString();
    const actions = quickFixes(parseJob(document.getText()), uri, toLspRange(range), [...findings.keys()], { region: readCloudSettings(document.uri).region });
    return actions.map((action) => toVsAction(action, document.uri, uri, findings));
  }
}

function toLspRange(range: vscode.Range): Diagnostic['range'] {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

function toVsAction(action: CodeAction, documentUri: vscode.Uri, uri: string, findings: ReadonlyMap<Diagnostic, vscode.Diagnostic>): vscode.CodeAction {
  const result = new vscode.CodeAction(action.title, vscode.CodeActionKind.QuickFix);
  const edit = new vscode.WorkspaceEdit();
  for (const change of (action.edit?.changes?.[uri] ?? []) as TextEdit[]) {
    const { start, end } = change.range;
    edit.replace(documentUri, new vscode.Range(start.line, start.character, end.line, end.character), change.newText);
  }
  result.edit = edit;
  result.diagnostics = (action.diagnostics ?? []).flatMap((d) => findings.get(d) ?? []);
  if (action.isPreferred) result.isPreferred = true;
  return result;
}
