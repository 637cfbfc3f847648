/**
 * The storyboard's thumbnails (desktop only, `immHighlight.storyboard.thumbnails`, off by default): each clip's
 * first frame from OSS's video snapshot on a presigned URL. The URL goes to the page in a message only, never into
 * its HTML or a log. Signing is local; the billed snapshot is the page's image request. Nothing is signed while cloud
 * checks are off or the workspace is not trusted, and only the User setting turns it on (a workspace can only turn
 * it off), as cloned job files must not spend the user's money.
 */
import * as vscode from 'vscode';
import { splitOssUri } from '../../../core/src/index';
import { backgroundLookupsAllowed } from '../cloud/backgroundLookups';
import type { CloudSession } from '../cloud/session';
import { snapshotProcess } from './snapshot';

export const THUMBNAILS_SETTING = 'storyboard.thumbnails';
/** A URL this close to its expiry is signed again before it is handed out. */
const RENEW_BEFORE_MS = 60_000;
/** A signature that failed (no credentials, say) is not tried again sooner. */
const RETRY_AFTER_MS = 30_000;

/** The User setting turns thumbnails on; a workspace or folder value can only turn them off. */
export function thumbnailsWanted(scope: vscode.Uri | undefined): boolean {
  const inspected = vscode.workspace.getConfiguration('immHighlight', scope).inspect<boolean>(THUMBNAILS_SETTING);
  if (inspected?.workspaceValue === false || inspected?.workspaceFolderValue === false) return false;
  return inspected?.globalValue === true;
}

interface Signed {
  readonly url: string | undefined;
  readonly origin: string | undefined;
  /** When it must be signed again (an expiry, or the end of a failure's wait). */
  readonly renewAt: number;
}

export class SnapshotThumbnails implements vscode.Disposable {
  private readonly signed = new Map<string, Signed>();
  private readonly signing = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly session: CloudSession) {
    this.listeners = [
      session.onDidChange(() => {
        this.signed.clear();
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`immHighlight.${THUMBNAILS_SETTING}`) || event.affectsConfiguration('immHighlight.presignExpirySeconds')) {
          this.signed.clear();
          this.changed.fire();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    ];
  }

  enabled(scope: vscode.Uri | undefined): boolean {
    return thumbnailsWanted(scope) && backgroundLookupsAllowed(scope, 'onSubmit');
  }

  /** The frame's URL when it is signed; else undefined now, and onDidChange once it is. */
  imageOf(scope: vscode.Uri | undefined, ossUri: string, startSeconds: number): string | undefined {
    if (!this.enabled(scope)) return undefined;
    const snapshot = snapshotProcess(startSeconds);
    const key = `${ossUri}#${snapshot}`;
    const kept = this.signed.get(key);
    if (kept && kept.renewAt > Date.now()) return kept.url;
    if (!this.signing.has(key)) void this.sign(scope, ossUri, snapshot, key);
    return undefined;
  }

  /** The origins of the URLs handed out: the page's Content-Security-Policy lets images come from these only. */
  origins(scope: vscode.Uri | undefined): string[] {
    if (!this.enabled(scope)) return [];
    return [...new Set([...this.signed.values()].flatMap((s) => (s.origin ? [s.origin] : [])))].sort();
  }

  private async sign(scope: vscode.Uri | undefined, ossUri: string, snapshot: string, key: string): Promise<void> {
    const location = splitOssUri(ossUri);
    if (!location?.key) return;
    this.signing.add(key);
    const seconds = vscode.workspace.getConfiguration('immHighlight', scope).get<number>('presignExpirySeconds', 900);
    try {
      const clients = await this.session.clientsFor(scope);
      // The IMM region: IMM reads sources only there (a bucket elsewhere is the checks' oss-bucket-other-region).
      const region = clients.imm.endpoint.regionId;
      const url = await clients.oss.presignGet(location.bucket, region, location.key, seconds, { queries: { 'x-oss-process': snapshot } });
      this.signed.set(key, { url, origin: new URL(url).origin, renewAt: Date.now() + seconds * 1000 - RENEW_BEFORE_MS });
    } catch {
      // No credentials, an endpoint not accepted: the clip is drawn without its frame, and the next try waits.
      this.signed.set(key, { url: undefined, origin: undefined, renewAt: Date.now() + RETRY_AFTER_MS });
    } finally {
      this.signing.delete(key);
    }
    this.changed.fire();
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.changed.dispose();
  }
}
