import * as vscode from 'vscode';
import type { ImmHighlightApi } from '../../client/src/api';

export const EXTENSION_ID = 'imm-highlight.imm-highlight-tasks';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let jobRun = 0;
/**
 * A valid Retrieval job. With `tag`, a UserData line makes each call a request never sent before, so the
 * duplicate guard does not ask about it; without, the caller adds what makes it unique.
 */
export function retrievalJob(tag?: string, options: { source?: string; outputUri?: string; extra?: string } = {}): string {
  const { source = 'oss://test-bucket/a.mp4', outputUri = 'oss://test-bucket/out.mp4', extra = '' } = options;
  const userData = tag === undefined ? '' : `UserData: ${tag}-${Date.now()}-${++jobRun}\n`;
  return `ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: ${source}\nHighlight:\n  Content: Sports\nOutput:\n  URI: ${outputUri}\n${extra}${userData}`;
}

/** Polls until `probe` returns something truthy; the LSP round trips have no event to await. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Thenable<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace (test/extension/workspace) open as a folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openJob(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

export async function activatedApi(): Promise<ImmHighlightApi> {
  const extension = vscode.extensions.getExtension<ImmHighlightApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

export async function diagnosticWithCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${code} diagnostic in ${uri.path}`, () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code));
}

/** The range of the first occurrence of `text` on the line that contains `lineText`. */
export function rangeOfText(document: vscode.TextDocument, lineText: string, text: string): vscode.Range {
  for (let line = 0; line < document.lineCount; line++) {
    const content = document.lineAt(line).text;
    if (!content.includes(lineText)) continue;
    const start = content.indexOf(text, content.indexOf(lineText));
    return new vscode.Range(line, start, line, start + text.length);
  }
  throw new Error(`no line containing ${JSON.stringify(lineText)} in ${document.uri.path}`);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Drops unsaved edits so the next test sees the fixture as it is on disk. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
