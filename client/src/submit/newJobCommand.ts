/**
 * File › New File… › "IMM Highlight Job": an untitled job file started from one of the extension's whole-job
 * snippets (the language server's table, so the list follows it), with the cursor on the first placeholder.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants';
import { SubmitCommands } from './commandIds';
import { jobTemplates, type JobTemplate } from './jobTemplates';

export function registerNewJobCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(SubmitCommands.newJob, async (arg?: unknown): Promise<vscode.TextDocument | undefined> => {
    const templates: JobTemplate[] = jobTemplates();
    // Programmatic form: `{type: "Concat"}` picks the template without asking.
    const wanted = typeof arg === 'object' && arg !== null && typeof (arg as { type?: unknown }).type === 'string' ? (arg as { type: string }).type : undefined;
    let template = wanted ? templates.find((t) => new RegExp(`^Type: ${wanted}\\b`, 'm').test(t.body)) : undefined;
    if (!template && !wanted && templates.length > 0) {
      const pick = await vscode.window.showQuickPick(
        templates.map((t) => ({ label: t.name, detail: t.description, template: t })),
        { title: vscode.l10n.t('New IMM Highlight Job'), placeHolder: vscode.l10n.t('What should the job do?') },
      );
      if (!pick) return undefined;
      template = pick.template;
    }
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
    const editor = await vscode.window.showTextDocument(document);
    if (template) await editor.insertSnippet(new vscode.SnippetString(template.body));
    return document;
  });
}
