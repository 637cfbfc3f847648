/**
 * Whether work the user did not ask for (the checks on open and save, live completion, the Output.URI CodeLens,
 * the results tree's listing) may send requests for a file. Opening a cloned repository's job files must not send
 * requests signed with the user's key to the buckets they name: nothing is looked up in Restricted Mode, and
 * `immHighlight.cloudChecks` (narrowed, never widened, by workspace values) decides the rest.
 */
import * as vscode from 'vscode';
import { cloudChecksAtLeast, type CloudCheckMode } from '../../../core/src/index';
import { readCloudSettings } from './settings';

/**
 * `least`: the mode the work needs. onSubmit: anything but off (completion, a task's own output); onSave: the
 * look-ups made because a file was opened or saved.
 */
export function backgroundLookupsAllowed(scope: vscode.Uri | undefined, least: Exclude<CloudCheckMode, 'off'>): boolean {
  return vscode.workspace.isTrusted && cloudChecksAtLeast(readCloudSettings(scope).mode, least);
}

/** Why background look-ups are not made for `scope`, for the status item and the results tree; undefined: they are. */
export function backgroundLookupsBlocker(scope: vscode.Uri | undefined): 'restricted' | 'off' | undefined {
  if (!vscode.workspace.isTrusted) return 'restricted';
  return readCloudSettings(scope).mode === 'off' ? 'off' : undefined;
}
