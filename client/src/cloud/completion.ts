/**
 * Live completion: the language server says what the position means (a project, a bucket, a folder, and for
 * which field); this provider fetches the matching projects, buckets or folder listing and offers them beside
 * the server's own items. It answers within about a second or returns an incomplete list, and offers nothing
 * offline or without credentials.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SharedLookups } from '../../../api/src/cloud/lookups';
import type { OssBucketSummary, OssFolderListing } from '../../../api/src/oss/client';
import type { ProjectInfo } from '../../../api/src/client';
import {
  type BucketContext,
  type CloudCompletionContext,
  type FolderContext,
  type ProjectContext,
  CLOUD_CONTEXT_REQUEST,
  type CloudContextParams,
  type CloudContextResult,
  sortTextOf,
  formatSize,
} from '../../../core/src/index';
import { CLOUD_UI } from './messages';
import type { CloudClients, CloudSession } from './session';
import { backgroundLookupsAllowed } from './backgroundLookups';

/** How long typing may wait for the cloud before an incomplete list is shown. */
export const LIVE_COMPLETION_BUDGET_MS = 1000;
/** Listings are kept 30 s; a failed one (denied, offline) too, so typing in a folder position asks once, not per keystroke. */
const LIST_POLICY = { answerTtlMs: 30_000, failureTtlMs: 30_000 };

const RETRIGGER: vscode.Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

function toRange(range: CloudCompletionContext['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export class LiveCompletionProvider implements vscode.CompletionItemProvider {
  private readonly lists = new SharedLookups(LIST_POLICY);

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly session: CloudSession,
  ) {
    session.onDidChange(() => this.lists.clear());
  }

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | undefined> {
    // cloudChecks: off promises no cloud requests at all, completion's included; nor does an untrusted workspace.
    if (!this.client.isRunning() || !backgroundLookupsAllowed(document.uri, 'onSubmit')) return undefined;
    const params: CloudContextParams = { textDocument: { uri: document.uri.toString() }, position: { line: position.line, character: position.character } };
    const context = await this.client.sendRequest<CloudContextResult>(CLOUD_CONTEXT_REQUEST, params, token).catch(() => null);
    if (!context || token.isCancellationRequested) return undefined;
    const clients = await this.session.clientsFor(document.uri).catch(() => undefined);
    if (!clients || !(await clients.oss.identity().catch(() => undefined))) return undefined;

    const work = this.itemsFor(context, clients);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), LIVE_COMPLETION_BUDGET_MS)));
    try {
      const result = await Promise.race([work.catch(() => 'failed' as const), late]);
      // Too slow: nothing now, and the listing lands in the cache for the next keystroke.
      if (result === 'late') return new vscode.CompletionList([], true);
      if (result === 'failed') return undefined;
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  private keyOf(clients: CloudClients, what: string): string {
    return `${clients.settings.region}|${clients.settings.endpoint}|${clients.settings.ossEndpoint}|${what}`;
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.lists.run(key, load);
  }

  private async itemsFor(context: CloudCompletionContext, clients: CloudClients): Promise<vscode.CompletionList> {
    if (context.kind === 'project') return this.projectItems(context, clients);
    if (context.kind === 'bucket') return this.bucketItems(context, clients);
    return this.folderItems(context, clients);
  }

  private async projectItems(context: ProjectContext, clients: CloudClients): Promise<vscode.CompletionList> {
    const page = await this.cached(this.keyOf(clients, 'projects'), () => clients.imm.listProjects({ maxResults: 200 }));
    const items = page.projects.map((project: ProjectInfo) => {
      const item = new vscode.CompletionItem({ label: project.projectName, description: project.description ?? '' }, vscode.CompletionItemKind.Module);
      item.detail = CLOUD_UI.projectDetail();
      if (project.description) item.documentation = project.description;
      item.range = toRange(context.range);
      item.sortText = `0-${project.projectName}`;
      return item;
    });
    return new vscode.CompletionList(items, page.nextToken !== undefined);
  }

  private buckets(clients: CloudClients): Promise<{ buckets: OssBucketSummary[]; truncated: boolean }> {
    return this.cached(this.keyOf(clients, 'buckets'), () => clients.oss.listBuckets(clients.imm.endpoint.regionId));
  }

  private async bucketItems(context: BucketContext, clients: CloudClients): Promise<vscode.CompletionList> {
    const region = clients.imm.endpoint.regionId;
    const { buckets, truncated } = await this.buckets(clients);
    const items = buckets.map((bucket) => {
      const here = bucket.region === region;
      const uri = `oss://${bucket.name}/`;
      const item = new vscode.CompletionItem({ label: uri, description: here ? bucket.region : `${bucket.region} ⚠` }, vscode.CompletionItemKind.Folder);
      item.detail = here ? CLOUD_UI.bucketDetailHere(bucket.region) : CLOUD_UI.bucketDetailElsewhere(bucket.region);
      item.filterText = uri;
      item.insertText = uri;
      item.range = toRange(context.range);
      // The IMM region's buckets first: IMM reads only those.
      item.sortText = `${here ? 0 : 5}-${bucket.name}`;
      item.command = RETRIGGER;
      return item;
    });
    return new vscode.CompletionList(items, truncated);
  }

  private async folderItems(context: FolderContext, clients: CloudClients): Promise<vscode.CompletionList> {
    const imm = clients.imm.endpoint.regionId;
    const known = await this.buckets(clients).catch(() => undefined);
    const region = known?.buckets.find((b) => b.name === context.bucket)?.region ?? imm;
    const listing: OssFolderListing = await this.cached(this.keyOf(clients, `folder:${region}:${context.bucket}/${context.prefix}`), () =>
      clients.oss.listFolder(context.bucket, region, context.prefix, { maxKeys: 200 }),
    );
    const base = `oss://${context.bucket}/`;
    const range = toRange(context.range);
    const items: vscode.CompletionItem[] = [];
    for (const folder of listing.folders) {
      const name = folder.slice(context.prefix.length);
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Folder);
      item.detail = CLOUD_UI.folderDetail();
      item.filterText = base + folder;
      item.insertText = base + folder;
      item.range = range;
      item.sortText = sortTextOf(context.field, { kind: 'folder', key: folder });
      item.command = RETRIGGER;
      items.push(item);
    }
    for (const object of listing.objects) {
      if (object.key === context.prefix) continue;
      const item = new vscode.CompletionItem(object.key.slice(context.prefix.length), vscode.CompletionItemKind.File);
      const when = object.lastModified ? new Date(object.lastModified) : undefined;
      item.detail = [formatSize(object.size), when && !Number.isNaN(when.getTime()) ? when.toISOString().slice(0, 16).replace('T', ' ') : undefined]
        .filter(Boolean)
        .join(' · ');
      item.filterText = base + object.key;
      item.insertText = base + object.key;
      item.range = range;
      item.sortText = sortTextOf(context.field, { kind: 'object', key: object.key });
      items.push(item);
    }
    return new vscode.CompletionList(items, listing.truncated);
  }
}
