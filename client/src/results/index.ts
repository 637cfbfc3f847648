/**
 * A finished task's result one click away: Open, Preview, Download…, Copy Output URI, Copy Presigned URL and Open
 * in OSS Console, for a task of the Highlight Tasks view (its record's Output.URI) or any `oss://` URI. Presigned
 * URLs are handed to the browser, the webview or the clipboard only: never logged, never stored.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { createOssConnection, OssError, type OssConnection } from '../../../api/src/oss/index';
import { downloadObject, downloadPrefix, isPrefix, ossConsoleUrl, parseOssLocation, presignObject, segmentPrefix, TargetExistsError, type OssLocation } from '../../../api/src/results/index';
import type { CredentialStore } from '../submit/credentialStore';
import { ENDPOINT_TRUST_TEXT, type EndpointTrust } from '../submit/endpointTrust';
import { readSubmitSettings } from '../submit/settings';
import { playsInWebview, previewHtml } from './previewHtml';

export const ResultCommands = {
  openOutput: 'immHighlight.results.openOutput',
  previewOutput: 'immHighlight.results.previewOutput',
  downloadOutput: 'immHighlight.results.downloadOutput',
  copyOutputUri: 'immHighlight.results.copyOutputUri',
  copyPresignedUrl: 'immHighlight.results.copyPresignedUrl',
  openInConsole: 'immHighlight.results.openInConsole',
} as const;

interface Target {
  readonly location: OssLocation;
  readonly region: string;
  /** Whose settings apply (the job file). */
  readonly scope: vscode.Uri | undefined;
}

/** A task node of the view (`{ record }`), an `oss://` string or a vscode.Uri of one; else asks. */
async function targetOf(arg: unknown): Promise<Target | undefined> {
  const record = (arg as { record?: { outputUri?: unknown; region?: unknown; fileUri?: unknown; status?: unknown; taskId?: unknown } } | undefined)?.record;
  if (record && record.status !== 'Succeeded') {
    void vscode.window.showInformationMessage(`Task ${String(record.taskId)} has not succeeded (${String(record.status)}): it has no output yet.`);
    return undefined;
  }
  let uri: string | undefined;
  let region: string | undefined;
  let scope: vscode.Uri | undefined = vscode.window.activeTextEditor?.document.uri;
  if (record && typeof record.outputUri === 'string') {
    uri = record.outputUri;
    region = typeof record.region === 'string' ? record.region : undefined;
    scope = typeof record.fileUri === 'string' ? vscode.Uri.parse(record.fileUri, true) : scope;
  } else if (typeof arg === 'string') uri = arg;
  else if (arg instanceof vscode.Uri && arg.scheme === 'oss') uri = arg.toString(true);
  uri ??= await vscode.window.showInputBox({ prompt: 'OSS URI of the result', placeHolder: 'oss://bucket/path/output.mp4', ignoreFocusOut: true });
  if (!uri) return undefined;
  let location: OssLocation;
  try {
    location = parseOssLocation(uri.trim());
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return undefined;
  }
  return { location, region: region ?? readSubmitSettings(scope).region, scope };
}

const shown = (location: OssLocation): string => `oss://${location.bucket}/${location.key}`;

export function registerResultsFeature(credentials: CredentialStore, trust: EndpointTrust): vscode.Disposable {

  /** Undefined, after saying so, when the workspace's OSS endpoint was not accepted: nothing is sent then. */
  async function connection(scope: vscode.Uri | undefined): Promise<OssConnection | undefined> {
    const refused = await trust.confirm(scope, ['ossEndpoint']);
    if (refused) {
      void vscode.window.showWarningMessage(ENDPOINT_TRUST_TEXT.refusedCloud(refused.url, 'ossEndpoint'));
      return undefined;
    }
    const config = vscode.workspace.getConfiguration('immHighlight', scope);
    const endpoint = config.get<string>('ossEndpoint', '').trim();
    return createOssConnection({ credentials: await credentials.source(), timeoutMs: readSubmitSettings(scope).timeoutMs, ...(endpoint ? { endpoint } : {}) });
  }
  const expirySeconds = (scope: vscode.Uri | undefined): number => {
    const value = vscode.workspace.getConfiguration('immHighlight', scope).get<number>('presignExpirySeconds', 900);
    return Number.isInteger(value) && value >= 1 && value <= 604_800 ? value : 900;
  };
  const fail = (error: unknown): void => {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
  };
  async function presign(target: Target): Promise<{ url: string; expiresAt: Date } | undefined> {
    const oss = await connection(target.scope);
    if (!oss) return undefined;
    await oss.headObject(target.location.bucket, target.region, target.location.key);
    return presignObject(oss, target.location, target.region, expirySeconds(target.scope));
  }
  const segmented = (target: Target): boolean => isPrefix(target.location) || !playsInWebview(target.location.key);

  async function open(arg: unknown): Promise<void> {
    const target = await targetOf(arg);
    if (!target) return;
    try {
      if (isPrefix(target.location)) {
        await vscode.env.openExternal(vscode.Uri.parse(ossConsoleUrl(target.location, target.region)));
        return;
      }
      const url = await presign(target);
      if (url) await vscode.env.openExternal(vscode.Uri.parse(url.url, true));
    } catch (error) {
      fail(error);
    }
  }

  async function preview(arg: unknown): Promise<vscode.WebviewPanel | undefined> {
    const target = await targetOf(arg);
    if (!target) return undefined;
    if (segmented(target)) {
      void vscode.window.showInformationMessage(`${shown(target.location)} is a segmented (HLS/DASH) output, which VS Code webviews cannot play: it opens in the browser.`);
      await open(arg ?? shown(target.location));
      return undefined;
    }
    try {
      const url = await presign(target);
      if (!url) return undefined;
      const panel = vscode.window.createWebviewPanel('immHighlight.outputPreview', `Preview ${target.location.key.split('/').pop()}`, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      panel.webview.html = previewHtml({ url: url.url, ossUri: shown(target.location), expiresAt: url.expiresAt, nonce: randomBytes(16).toString('base64') });
      panel.webview.onDidReceiveMessage((message: { type?: string }) => {
        if (message.type === 'openInBrowser') void vscode.env.openExternal(vscode.Uri.parse(url.url, true));
      });
      return panel;
    } catch (error) {
      fail(error);
      return undefined;
    }
  }

  async function download(arg: unknown, destination?: vscode.Uri): Promise<string | undefined> {
    const target = await targetOf(arg);
    if (!target) return undefined;
    const folder = segmented(target);
    const location = folder && !isPrefix(target.location) ? { bucket: target.location.bucket, key: segmentPrefix(target.location) } : target.location;
    const name = target.location.key.replace(/\/$/, '').split('/').pop() ?? 'output';
    let chosen = destination;
    if (!chosen) {
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      chosen = folder
        ? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Download Here', ...(base ? { defaultUri: base } : {}) }))?.[0]?.with({})
        : await vscode.window.showSaveDialog({ title: `Download ${shown(target.location)}`, ...(base ? { defaultUri: vscode.Uri.joinPath(base, name) } : {}) });
      if (chosen && folder) chosen = vscode.Uri.joinPath(chosen, name.replace(/\.[^.]+$/, ''));
    }
    if (!chosen) return undefined;
    const path = chosen.fsPath;
    const oss = await connection(target.scope);
    if (!oss) return undefined;
    // The save dialog already asked before replacing a file; a folder's files are asked about here.
    let overwrite = !folder && !destination;
    for (;;) {
      try {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Downloading ${shown(location)}`, cancellable: true }, async (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          let reported = 0;
          await (folder ? downloadPrefix : downloadObject)(oss, location, target.region, path, {
            overwrite,
            signal: controller.signal,
            onProgress: (p) => {
              if (!p.totalBytes) return;
              const percent = (p.bytes / p.totalBytes) * 100;
              progress.report({ increment: percent - reported, message: `${Math.floor(percent)}% of ${p.totalBytes} bytes` });
              reported = percent;
            },
          });
        });
        void vscode.window.showInformationMessage(`Downloaded ${shown(location)} to ${path}.`);
        return path;
      } catch (error) {
        if (error instanceof TargetExistsError && !overwrite) {
          const answer = await vscode.window.showWarningMessage(`${error.message} Replace?`, { modal: true }, 'Replace');
          if (answer !== 'Replace') return undefined;
          overwrite = true;
          continue;
        }
        if (error instanceof OssError && error.kind === 'cancelled') return undefined;
        fail(error);
        return undefined;
      }
    }
  }

  return vscode.Disposable.from(
    credentials,
    vscode.commands.registerCommand(ResultCommands.openOutput, open),
    vscode.commands.registerCommand(ResultCommands.previewOutput, preview),
    vscode.commands.registerCommand(ResultCommands.downloadOutput, download),
    vscode.commands.registerCommand(ResultCommands.copyOutputUri, async (arg: unknown) => {
      const target = await targetOf(arg);
      if (target) await vscode.env.clipboard.writeText(shown(target.location));
    }),
    vscode.commands.registerCommand(ResultCommands.copyPresignedUrl, async (arg: unknown) => {
      const target = await targetOf(arg);
      if (!target) return;
      try {
        const url = await presign(target);
        if (!url) return;
        await vscode.env.clipboard.writeText(url.url);
        void vscode.window.showInformationMessage(`Presigned URL of ${shown(target.location)} copied: anyone with it can read the object until ${url.expiresAt.toLocaleString()}.`);
      } catch (error) {
        fail(error);
      }
    }),
    vscode.commands.registerCommand(ResultCommands.openInConsole, async (arg: unknown) => {
      const target = await targetOf(arg);
      if (target) await vscode.env.openExternal(vscode.Uri.parse(ossConsoleUrl(target.location, target.region)));
    }),
  );
}
