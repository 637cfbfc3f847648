/**
 * The manifests of this workspace's batches, one file each in the extension's workspace storage (global storage
 * when no folder is open): written before every send and after every answer, read back after a reload to resume.
 */
import * as vscode from 'vscode';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadManifest, saveManifest, type BatchManifest } from '../../../api/src/batch/index';

export class BatchStore implements vscode.Disposable {
  private readonly manifests = new Map<string, BatchManifest>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly folder: string) {}

  static forContext(context: vscode.ExtensionContext): BatchStore {
    return new BatchStore(join((context.storageUri ?? context.globalStorageUri).fsPath, 'batches'));
  }

  pathOf(batchId: string): string {
    return join(this.folder, `${batchId}.json`);
  }

  /** Reads every manifest on disk; one that cannot be read is left alone (and out of the view). */
  async load(): Promise<void> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const manifest = await loadManifest(join(this.folder, name)).catch(() => undefined);
      if (manifest) this.manifests.set(manifest.batchId, manifest);
    }
    this.changed.fire();
  }

  /** Newest first. */
  list(): BatchManifest[] {
    return [...this.manifests.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  get(batchId: string): BatchManifest | undefined {
    return this.manifests.get(batchId);
  }

  async save(manifest: BatchManifest): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await saveManifest(this.pathOf(manifest.batchId), manifest);
    this.manifests.set(manifest.batchId, manifest);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
