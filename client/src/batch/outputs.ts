/**
 * A batch's results: Download All Outputs… (succeeded items only, into a folder, each under its key below the
 * outputs' common folder; files already there are replaced only when the user says so) and the CSV/JSON summary.
 */
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { summaryRows, toCsv, type BatchManifest } from '../../../api/src/batch/index';
import { splitOssUri } from '../../../core/src/index';
import { downloadOutput, inBucketRegion } from '../../../api/src/results/index';
import type { OssConnection } from '../../../api/src/oss/index';

export interface PlannedDownload {
  readonly uri: string;
  readonly bucket: string;
  readonly key: string;
  /** Absolute. */
  readonly path: string;
}

/** The longest folder (ending in /) every key starts with. */
function commonFolder(keys: readonly string[]): string {
  if (keys.length === 0) return '';
  let prefix = keys[0]!.slice(0, keys[0]!.lastIndexOf('/') + 1);
  for (const key of keys) while (prefix && !key.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix;
}

/** Where each succeeded item's output goes under `folder`; keys that would leave the folder are dropped. */
export function planBatchDownloads(manifest: BatchManifest, folder: string): PlannedDownload[] {
  const outputs = manifest.items
    .filter((item) => item.state === 'succeeded')
    .flatMap((item) => {
      const location = splitOssUri(item.output);
      return location ? [{ uri: item.output, ...location }] : [];
    });
  const base = commonFolder(outputs.map((o) => o.key));
  return outputs
    .map((o) => ({
      ...o,
      path: join(
        folder,
        ...o.key
          .slice(base.length)
          .split('/')
          .filter((part) => part !== '' && part !== '.' && part !== '..'),
      ),
    }))
    .filter((o) => o.path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`));
}

/** The planned files already there. */
export async function existingTargets(plan: readonly PlannedDownload[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of plan) if (await lstat(file.path).catch(() => undefined)) found.push(file.path);
  return found;
}

export async function downloadBatchOutputs(
  oss: OssConnection,
  region: string,
  plan: readonly PlannedDownload[],
  options: { overwrite: boolean; skip: ReadonlySet<string>; signal?: AbortSignal; onFile?: (done: number, total: number) => void },
): Promise<{ written: number; failed: { uri: string; message: string }[] }> {
  let written = 0;
  const failed: { uri: string; message: string }[] = [];
  const todo = plan.filter((file) => !options.skip.has(file.path));
  for (const file of todo) {
    options.signal?.throwIfAborted();
    try {
      await mkdir(dirname(file.path), { recursive: true });
      const location = { bucket: file.bucket, key: file.key };
      await inBucketRegion(oss, file.bucket, region, options.signal, (r) =>
        downloadOutput(oss, location, r, file.path, { overwrite: options.overwrite, ...(options.signal ? { signal: options.signal } : {}) }),
      );
      written += 1;
    } catch (error) {
      options.signal?.throwIfAborted();
      failed.push({ uri: file.uri, message: error instanceof Error ? error.message : String(error) });
    }
    options.onFile?.(written + failed.length, todo.length);
  }
  return { written, failed };
}

export async function writeSummary(manifest: BatchManifest, path: string): Promise<void> {
  const rows = summaryRows(manifest);
  await writeFile(path, path.toLowerCase().endsWith('.json') ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(rows), 'utf8');
}
