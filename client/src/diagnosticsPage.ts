/** The docs page of the diagnostic codes inside the installed extension, and a code linked to its section there. */
import * as vscode from 'vscode';
import { diagnosticHref, DIAGNOSTICS_PAGE_PATH } from '../../core/src/index';

/** docs/diagnostics.md of this extension: a file: URI on the desktop, the extension's own http(s) URI on the web. */
export function diagnosticsPageOf(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, DIAGNOSTICS_PAGE_PATH);
}

/** A diagnostic's code as VS Code shows it with a link: the code, opening its section of the page. */
export function linkedCode(code: string | number, page: vscode.Uri): { value: string | number; target: vscode.Uri } {
  return { value: code, target: vscode.Uri.parse(diagnosticHref(page.toString(), String(code))) };
}
