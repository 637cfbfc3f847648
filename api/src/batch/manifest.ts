/**
 * A batch's manifest: what was planned and where each item stands. It is written to disk before every
 * CreateHighlightTask and after every answer, so a batch stopped at any point (a crash, Ctrl+C, a window reload)
 * resumes without sending any item twice.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { t } from '../../../core/src/index';
import { ITEM_STATES, MANIFEST_VERSION, type BatchItem, type BatchManifest } from './state';

export * from './state';

/** `reels-5f3a9c1e`: the job's name and 8 random hex digits, a tag value IMM accepts. */
export function newBatchId(name: string): string {
  const stem =
    name
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'batch';
  return `${stem}-${randomBytes(4).toString('hex')}`;
}

/** Writes to a temporary file beside it, flushed, then renamed over: a reader sees the old or the new manifest, whole. */
export async function saveManifest(path: string, manifest: BatchManifest): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

export async function loadManifest(path: string): Promise<BatchManifest> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ManifestError(t('The batch manifest {0} cannot be read: {1}', path, error instanceof Error ? error.message : String(error)));
  }
  const m = value as Partial<BatchManifest> | null;
  if (
    !m ||
    m.version !== MANIFEST_VERSION ||
    typeof m.batchId !== 'string' ||
    typeof m.projectName !== 'string' ||
    !Array.isArray(m.items) ||
    !m.items.every((item) => (ITEM_STATES as readonly string[]).includes((item as BatchItem).state) && typeof (item as BatchItem).output === 'string')
  )
    throw new ManifestError(t('{0} is not a batch manifest this version can read.', path));
  return m as BatchManifest;
}
