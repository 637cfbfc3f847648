import * as vscode from 'vscode';
import { effectiveCloudCheckMode, type CloudCheckMode } from '../../../core/src/index';
import { readSubmitSettings } from '../access/settings';

export type { CloudCheckMode } from '../../../core/src/index';

export interface CloudSettings {
  readonly mode: CloudCheckMode;
  readonly region: string;
  readonly endpoint: string;
  /** Empty: each bucket's region endpoint. */
  readonly ossEndpoint: string;
  readonly timeoutMs: number;
}

/** The settings readCloudSettings reads: a change of another (a results setting, say) leaves the checks alone. */
const CLOUD_SETTINGS = ['cloudChecks', 'region', 'endpoint', 'ossEndpoint', 'requestTimeoutSeconds'];

export function affectsCloudSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return CLOUD_SETTINGS.some((name) => event.affectsConfiguration(`immHighlight.${name}`));
}

export function readCloudSettings(scope: vscode.Uri | undefined): CloudSettings {
  const config = vscode.workspace.getConfiguration('immHighlight', scope);
  const submit = readSubmitSettings(scope);
  return {
    // A workspace value may narrow the user's choice, never widen it: job files of a cloned repository must not
    // turn back on the requests the user turned off.
    mode: effectiveCloudCheckMode(config.inspect<string>('cloudChecks')),
    region: submit.region,
    endpoint: submit.endpoint,
    ossEndpoint: config.get<string>('ossEndpoint', '').trim(),
    // A check is a read beside the user's typing: bounded tighter than a submission.
    timeoutMs: Math.min(submit.timeoutMs, 10_000),
  };
}
