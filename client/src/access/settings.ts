import * as vscode from 'vscode';
import { DEFAULT_REGION } from '../../../api/src/endpoint';

export interface SubmitSettings {
  readonly region: string;
  /** Empty: the region's public endpoint. */
  readonly endpoint: string;
  readonly timeoutMs: number;
}

const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * Read per job file, since region and timeout are resource-scoped. In an untrusted workspace VS Code itself
 * ignores a workspace value of `immHighlight.endpoint` (restrictedConfigurations in package.json).
 */
export function readSubmitSettings(scope: vscode.Uri | undefined): SubmitSettings {
  const config = vscode.workspace.getConfiguration('immHighlight', scope);
  const seconds = config.get<number>('requestTimeoutSeconds', DEFAULT_TIMEOUT_SECONDS);
  return {
    region: config.get<string>('region', DEFAULT_REGION).trim() || DEFAULT_REGION,
    endpoint: config.get<string>('endpoint', '').trim(),
    timeoutMs: Math.round((Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS) * 1000),
  };
}
