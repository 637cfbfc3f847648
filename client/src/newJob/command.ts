/**
 * File › New File… › "IMM Highlight Job": an untitled job file started from one of the extension's whole-job
 * snippets (the language server's table, so the list follows it), with the cursor on the first placeholder.
 *
 * Named `<type>-job.highlight.yaml` in the workspace folder (an untitled file with that path, which Save writes
 * there): an untitled file without a name is saved under its first line (`ProjectName: immtest`), which gave a file
 * without the extension that makes it a job. Without a folder it stays nameless, and the language's `extensions`
 * make Save As propose `….highlight.yaml`.
 */
import * as vscode from 'vscode';
import { JOB_LANGUAGE_ID } from '../../../core/src/index';
import { Commands } from '../commandIds';
import { jobTemplates, type JobTemplate } from './templates';

export function registerNewJobCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.newJob, async (arg?: unknown): Promise<vscode.TextDocument | undefined> => {
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
    const named = await unusedJobUri(template && /^Type: (\w+)/m.exec(template.body)?.[1]);
    const document = named
      ? await vscode.workspace.openTextDocument(named)
      : await vscode.workspace.openTextDocument({ language: JOB_LANGUAGE_ID, content: '' });
    const editor = await vscode.window.showTextDocument(document);
    if (template) await editor.insertSnippet(new vscode.SnippetString(template.body));
    return document;
  });
}

/** `untitled:<folder>/concat-job.highlight.yaml`, or `-2`, `-3`, … when that file exists or is open already. */
async function unusedJobUri(type: string | undefined): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const base = `${(type ?? 'new').toLowerCase()}-job`;
  const openPaths = new Set(vscode.workspace.textDocuments.map((document) => document.uri.path));
  for (let n = 1; n <= 99; n++) {
    const target = vscode.Uri.joinPath(folder.uri, `${base}${n === 1 ? '' : `-${n}`}.highlight.yaml`);
    if (openPaths.has(target.path)) continue;
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      return target.with({ scheme: 'untitled' });
    }
  }
  return undefined;
}
