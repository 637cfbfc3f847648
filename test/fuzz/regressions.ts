import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Every input that ever broke the language service, replayed by test/unit/core/robustness.test.ts. */
export const REGRESSIONS_DIR = path.resolve(__dirname, '../fixtures/regressions');

/**
 * Inputs are stored as raw bytes (UTF-8), named by content hash, so a rerun that finds the same input again
 * does not add a copy. Lone surrogates do not survive UTF-8, so such inputs are stored as JSON strings instead.
 */
export function saveRegression(text: string, note: string): string {
  mkdirSync(REGRESSIONS_DIR, { recursive: true });
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const lossless = Buffer.from(text, 'utf8').toString('utf8') === text;
  const file = path.join(REGRESSIONS_DIR, lossless ? `fuzz-${hash}.highlight.yaml` : `fuzz-${hash}.json`);
  if (!existsSync(file)) writeFileSync(file, lossless ? text : JSON.stringify({ note, text }, null, 2) + '\n');
  return file;
}

export interface Regression {
  readonly name: string;
  readonly text: string;
}

export function loadRegressions(): Regression[] {
  if (!existsSync(REGRESSIONS_DIR)) return [];
  return readdirSync(REGRESSIONS_DIR)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.json'))
    .sort()
    .map((name) => {
      const raw = readFileSync(path.join(REGRESSIONS_DIR, name), 'utf8');
      return { name, text: name.endsWith('.json') ? (JSON.parse(raw) as { text: string }).text : raw };
    });
}
