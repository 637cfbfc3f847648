/** Builds the IMM client for one call from the current settings and credentials; nothing is cached across calls. */
import * as vscode from 'vscode';
import { ImmClient } from '../../../api/src/client';
import type { CredentialStore } from './credentialStore';
import type { SubmitSettings } from './settings';

export interface ClientTarget {
  readonly region: string;
  /** Empty or absent: the region's endpoint. */
  readonly endpoint?: string | undefined;
  readonly timeoutMs: number;
}

export function targetOf(settings: SubmitSettings): ClientTarget {
  return { region: settings.region, endpoint: settings.endpoint, timeoutMs: settings.timeoutMs };
}

/**
 * Throws ImmApiError (kind 'endpoint' or 'credentials') for settings that cannot work, before anything is
 * sent. A fresh client per call means a key set a moment ago is used at once.
 */
export async function createClient(credentials: CredentialStore, target: ClientTarget, extensionVersion: string): Promise<ImmClient> {
  return new ImmClient({
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    credentials: await credentials.source(),
    timeoutMs: target.timeoutMs,
    userAgent: `imm-highlight-vscode/${extensionVersion} vscode/${vscode.version}`,
  });
}
