/**
 * A finished task's result one click away: Open, Preview, Download…, Copy Output URI, Copy Presigned URL and Open
 * in OSS Console, for a task of the Highlight Tasks view (its record's Output.URI), one of its output objects, a
 * job file (its Output.URI: editor context menu, CodeLens) or any `oss://` URI. Presigned URLs are handed to the
 * browser, the webview or the clipboard only: never logged, never stored.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { notify, withProgress } from '../notify';
import { OssError } from '../../../api/src/oss/index';
import {
  downloadFolderName,
  downloadObject,
  downloadSegmented,
  inBucketRegion,
  isPlaylistOrPrefix,
  isPrefix,
  isSegmentedOutput,
  jobOutputOf,
  ossConsoleUrl,
  parseOssLocation,
  presignObject,
  TargetExistsError,
  type DownloadProgress,
  type OssLocation,
} from '../../../api/src/results/index';
import { parseJob } from '../../../core/src/index';
import { isJobTextDocument } from '../jobDocument';
import { confirmGuarded } from '../guardedModal';
import type { CredentialStore } from '../access/credentialStore';
import type { EndpointTrust } from '../access/endpointTrust';
import type { CloudSession } from '../cloud/session';
import { readSubmitSettings } from '../access/settings';
import { Commands } from '../commandIds';
import { resultsConnections } from './connection';
import type { OutputSource } from './outputAnswer';
import { OutputCodeLens, type JobOutputArg } from './outputCodeLens';
import { OutputLister } from './outputLister';
import { openUrl } from './openUrl';
import { playsInWebview, previewHtml } from './previewHtml';

interface Target {
  readonly location: OssLocation;
  readonly region: string;
  /** Whose settings apply (the job file). */
  readonly scope: vscode.Uri | undefined;
  /** Output.Segment (or a prefix, or a playlist), or a format webviews cannot play: it plays in a browser. */
  readonly segmented: boolean;
  /** Output.Segment, a prefix or a playlist: parts that download into a folder (a playlist: itself and what it names). */
  readonly parts: boolean;
}

interface RecordArg {
  readonly outputUri?: unknown;
  readonly outputSegmented?: unknown;
  readonly region?: unknown;
  readonly fileUri?: unknown;
  readonly status?: unknown;
  readonly taskId?: unknown;
}

/** The Output of a job file as it reads now (unsaved edits included). */
async function jobTarget(uri: vscode.Uri | undefined): Promise<{ uri: string; segmented: boolean; scope: vscode.Uri } | undefined> {
  if (!uri) return undefined;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
  const output = jobOutputOf(parseJob(document.getText()).value);
  if (!output) {
    void notify.info(vscode.l10n.t('{0} has no Output.URI of the form oss://bucket/key.', vscode.workspace.asRelativePath(uri, false)));
    return undefined;
  }
  return { ...output, scope: uri };
}

/**
 * What a command was run on: an output object of the view (`{ kind: 'output', record, bucket, key }`), a task
 * (`{ record }`: the view, its tooltip links, the notification), a job file's Uri, an `oss://` string or Uri; with
 * nothing, the active job file's Output.URI, else it asks.
 */
async function targetOf(arg: unknown): Promise<Target | undefined> {
  const given = arg as { kind?: unknown; record?: RecordArg; bucket?: unknown; key?: unknown } | undefined;
  const record = given?.record;
  if (record && record.status !== 'Succeeded') {
    void notify.info(vscode.l10n.t('Task {0} has not succeeded ({1}): it has no output yet.', String(record.taskId), String(record.status)));
    return undefined;
  }
  let uri: string | undefined;
  let region: string | undefined;
  let segmented = false;
  let scope: vscode.Uri | undefined = vscode.window.activeTextEditor?.document.uri;
  if (record) {
    region = typeof record.region === 'string' ? record.region : undefined;
    scope = typeof record.fileUri === 'string' ? vscode.Uri.parse(record.fileUri, true) : scope;
  }
  if (given?.kind === 'output' && typeof given.bucket === 'string' && typeof given.key === 'string') {
    // One object of the listing: itself, even when it is a part of a segmented output.
    uri = `oss://${given.bucket}/${given.key}`;
  } else if (record && typeof record.outputUri === 'string') {
    uri = record.outputUri;
    segmented = isSegmentedOutput({ outputUri: record.outputUri, outputSegmented: record.outputSegmented === true });
  } else if (record) {
    void notify.info(vscode.l10n.t('Task {0} was submitted without an Output.URI: there is nothing to show.', String(record.taskId)));
    return undefined;
  } else if (typeof arg === 'string') uri = arg;
  else if (arg instanceof vscode.Uri && arg.scheme === 'oss') uri = arg.toString(true);
  else if (arg instanceof vscode.Uri || (arg === undefined && vscode.window.activeTextEditor && isJobTextDocument(vscode.window.activeTextEditor.document))) {
    const job = await jobTarget(arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri);
    if (!job) return undefined;
    uri = job.uri;
    segmented = job.segmented;
    scope = job.scope;
  } else if (given?.kind === 'jobOutput') {
    // The CodeLens: the URI it checked, not whatever the line says by the time it is clicked.
    const lens = arg as JobOutputArg;
    uri = lens.uri;
    segmented = lens.segmented;
    scope = vscode.Uri.parse(lens.fileUri, true);
  }
  uri ??= await vscode.window.showInputBox({
    prompt: vscode.l10n.t('OSS URI of the result'),
    placeHolder: 'oss://bucket/path/output.mp4',
    ignoreFocusOut: true,
  });
  if (!uri) return undefined;
  let location: OssLocation;
  try {
    location = parseOssLocation(uri.trim());
  } catch (error) {
    void notify.error((error as Error).message);
    return undefined;
  }
  return {
    location,
    region: region ?? readSubmitSettings(scope).region,
    scope,
    segmented: segmented || isPrefix(location) || !playsInWebview(location.key),
    parts: segmented || isPlaylistOrPrefix(location.key),
  };
}

const shown = (location: OssLocation): string => `oss://${location.bucket}/${location.key}`;

/** What the rest of the extension uses: the tree's output listing, and the news that a task succeeded. */
export interface ResultsFeature extends vscode.Disposable {
  readonly outputs: OutputSource;
  /** A task succeeded: its output now exists, so the CodeLens of its job file (and any with that URI) may show. */
  taskSucceeded(record: { readonly outputUri?: string }): void;
}

export function registerResultsFeature(credentials: CredentialStore, trust: EndpointTrust, session: CloudSession): ResultsFeature {
  const connections = resultsConnections(credentials, trust);
  const connection = connections.forCommand;
  const lister = new OutputLister(connections.background);
  const codeLens = new OutputCodeLens(connections.background, (scope, bucket, key, options) => session.objectAnswer(scope, bucket, key, options));

  const expirySeconds = (scope: vscode.Uri | undefined): number => {
    const value = vscode.workspace.getConfiguration('immHighlight', scope).get<number>('presignExpirySeconds', 900);
    return Number.isInteger(value) && value >= 1 && value <= 604_800 ? value : 900;
  };
  const fail = (error: unknown): void => {
    void notify.error(error instanceof Error ? error.message : String(error));
  };
  async function presign(target: Target): Promise<{ url: string; expiresAt: Date } | undefined> {
    const oss = await connection(target.scope);
    if (!oss) return undefined;
    // A bucket in another region than the job's is followed there, as the CLI's --presign and the downloads do.
    const { bucket, key } = target.location;
    const region = await inBucketRegion(oss, bucket, target.region, undefined, async (r) => (await oss.headObject(bucket, r, key), r));
    return presignObject(oss, target.location, region, expirySeconds(target.scope));
  }

  async function openTarget(target: Target): Promise<void> {
    try {
      if (isPrefix(target.location)) {
        await openUrl(ossConsoleUrl(target.location, target.region));
        return;
      }
      const url = await presign(target);
      if (url) await openUrl(url.url);
    } catch (error) {
      fail(error);
    }
  }

  async function open(arg: unknown): Promise<void> {
    const target = await targetOf(arg);
    if (target) await openTarget(target);
  }

  async function preview(arg: unknown): Promise<vscode.WebviewPanel | undefined> {
    const target = await targetOf(arg);
    if (!target) return undefined;
    if (target.segmented) {
      void notify.info(
        vscode.l10n.t('{0} is a segmented (HLS/DASH) output, which VS Code webviews cannot play: it opens in the browser.', shown(target.location)),
      );
      await openTarget(target);
      return undefined;
    }
    try {
      const url = await presign(target);
      if (!url) return undefined;
      const panel = vscode.window.createWebviewPanel(
        'immHighlight.outputPreview',
        vscode.l10n.t('Preview {0}', target.location.key.split('/').pop() ?? ''),
        vscode.ViewColumn.Active,
        {
          enableScripts: true,
          localResourceRoots: [],
        },
      );
      panel.webview.html = previewHtml({ url: url.url, ossUri: shown(target.location), expiresAt: url.expiresAt, nonce: randomBytes(16).toString('base64') });
      panel.webview.onDidReceiveMessage((message: { type?: string }) => {
        if (message.type === 'openInBrowser') void openUrl(url.url);
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
    const folder = target.parts;
    const location = target.location;
    const name = target.location.key.replace(/\/$/, '').split('/').pop() || 'output';
    let chosen = destination;
    if (!chosen) {
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      chosen = folder
        ? (
            await vscode.window.showOpenDialog({
              canSelectFolders: true,
              canSelectFiles: false,
              openLabel: vscode.l10n.t('Download Here'),
              ...(base ? { defaultUri: base } : {}),
            })
          )?.[0]?.with({})
        : await vscode.window.showSaveDialog({
            title: vscode.l10n.t('Download {0}', shown(target.location)),
            ...(base ? { defaultUri: vscode.Uri.joinPath(base, name) } : {}),
          });
      // A folder of its own inside the chosen one, whose name cannot climb out of it (`...m3u8` is not `..`).
      if (chosen && folder) chosen = vscode.Uri.joinPath(chosen, downloadFolderName(target.location.key));
    }
    if (!chosen) return undefined;
    const path = chosen.fsPath;
    let oss;
    try {
      oss = await connection(target.scope);
    } catch (error) {
      fail(error);
      return undefined;
    }
    if (!oss) return undefined;
    // The save dialog already asked before replacing a file; a folder's files are asked about here.
    let overwrite = !folder && !destination;
    for (;;) {
      try {
        const result = await withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading {0}', shown(location)), cancellable: true },
          async (progress, token) => {
            const controller = new AbortController();
            token.onCancellationRequested(() => controller.abort());
            let reported = 0;
            const options = {
              overwrite,
              signal: controller.signal,
              onProgress: (p: DownloadProgress) => {
                if (!p.totalBytes) return;
                const percent = (p.bytes / p.totalBytes) * 100;
                progress.report({ increment: percent - reported, message: vscode.l10n.t('{0}% of {1} bytes', Math.floor(percent), p.totalBytes) });
                reported = percent;
              },
            };
            return folder ? downloadSegmented(oss, location, target.region, path, options) : downloadObject(oss, location, target.region, path, options);
          },
        );
        if (result.skipped.length) {
          const first = result.skipped[0]!;
          void notify.warning(
            vscode.l10n.t(
              'Downloaded {0} to {1}, but {2} key(s) could not be placed and were skipped, e.g. {3}: {4}',
              shown(location),
              path,
              result.skipped.length,
              first.key,
              first.reason,
            ),
          );
          return path;
        }
        void notify.info(vscode.l10n.t('Downloaded {0} to {1}.', shown(location), path));
        return path;
      } catch (error) {
        if (error instanceof TargetExistsError && !overwrite) {
          const replace = vscode.l10n.t('Replace');
          if (!(await confirmGuarded({ message: vscode.l10n.t('{0} Replace?', error.message), action: replace, keep: vscode.l10n.t('Keep Existing File') })))
            return undefined;
          overwrite = true;
          continue;
        }
        if (error instanceof OssError && error.kind === 'cancelled') return undefined;
        fail(error);
        return undefined;
      }
    }
  }

  const disposable = vscode.Disposable.from(
    lister,
    codeLens,
    // The next look at a task asks again; the CodeLens keeps its answers until the next open or save.
    credentials.onDidChange(() => lister.forgetQuietly()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('immHighlight.ossEndpoint')) lister.forgetQuietly();
      else if (event.affectsConfiguration('immHighlight.cloudChecks')) lister.forget();
    }),
    // Trusted just now: the tree's tasks may list their outputs.
    vscode.workspace.onDidGrantWorkspaceTrust(() => lister.forget()),
    // An endpoint just accepted: what it refused is worth asking again (the tree shows it, the CodeLens looks again).
    trust.onDidChange(() => {
      lister.forget();
      codeLens.forgetAll();
      for (const document of vscode.workspace.textDocuments) codeLens.lookAgain(document);
    }),
    vscode.commands.registerCommand(Commands.openOutput, open),
    vscode.commands.registerCommand(Commands.previewOutput, preview),
    vscode.commands.registerCommand(Commands.downloadOutput, download),
    vscode.commands.registerCommand(Commands.copyOutputUri, async (arg: unknown) => {
      const target = await targetOf(arg);
      if (target) await vscode.env.clipboard.writeText(shown(target.location));
    }),
    vscode.commands.registerCommand(Commands.copyPresignedUrl, async (arg: unknown) => {
      const target = await targetOf(arg);
      if (!target) return;
      try {
        const url = await presign(target);
        if (!url) return;
        await vscode.env.clipboard.writeText(url.url);
        void notify.info(
          vscode.l10n.t('Presigned URL of {0} copied: anyone with it can read the object until {1}.', shown(target.location), url.expiresAt.toLocaleString()),
        );
      } catch (error) {
        fail(error);
      }
    }),
    vscode.commands.registerCommand(Commands.openInConsole, async (arg: unknown) => {
      const target = await targetOf(arg);
      if (target) await openUrl(ossConsoleUrl(target.location, target.region));
    }),
  );
  return {
    outputs: lister,
    taskSucceeded: (record) => codeLens.outputAppeared(record.outputUri),
    dispose: () => disposable.dispose(),
  };
}
