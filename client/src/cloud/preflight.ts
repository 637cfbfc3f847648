/**
 * The hook by which Submit runs the cloud checks before sending. Registered by the cloud features (desktop
 * only); without it (the web build) Submit sends after the static checks, as before.
 */
import type * as vscode from 'vscode';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { JobDocument } from '../../../core/src/index';

/** The cloud errors that must refuse the submission; warnings are shown, not returned. */
export type CloudPreflight = (document: vscode.TextDocument, doc: JobDocument) => Promise<readonly Diagnostic[]>;

let registered: CloudPreflight | undefined;

export function setCloudPreflight(preflight: CloudPreflight | undefined): void {
  registered = preflight;
}

export async function cloudPreflight(document: vscode.TextDocument, doc: JobDocument): Promise<readonly Diagnostic[]> {
  return registered ? registered(document, doc) : [];
}
