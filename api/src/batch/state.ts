/**
 * A batch's manifest as data: the item states, the counts, the summary rows. No Node.js import, so the Highlight
 * Tasks view (shared with the web entry's types) can read it; writing and reading files is ./manifest.
 */
/**
 * waiting: not sent yet. sending: the manifest says so before the request leaves; found so on resume, the answer
 * never came. sent: IMM answered with a TaskId. outcome-unknown: a send whose answer never came and that ListTasks
 * does not show (yet): never sent again by itself. refused: IMM answered with an error, no task. succeeded/failed:
 * the task ended.
 */
export const ITEM_STATES = ['waiting', 'sending', 'sent', 'outcome-unknown', 'refused', 'succeeded', 'failed'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const BATCH_TAG = 'HighlightBatch';

/** An item's output written as a playlist and its segments (HLS, DASH) or under a prefix, not as one video. */
export function isSegmentedOutput(output: string): boolean {
  return /\.m3u8$|\.mpd$|\/$/i.test(output);
}
export const MANIFEST_VERSION = 1;

export interface BatchItem {
  /** 1-based, in key order. */
  readonly index: number;
  readonly source: string;
  readonly output: string;
  state: ItemState;
  taskId?: string;
  requestId?: string;
  /** IMM's Status as last seen. */
  status?: string;
  progress?: number;
  code?: string;
  message?: string;
  /** When the last send started (ISO). */
  sentAt?: string;
  startTime?: string;
  endTime?: string;
  /** Sends of this item so far (a retry adds one). */
  sends: number;
  /** Tasks of earlier sends (a retried failure): never taken for this item's current send. */
  previousTaskIds?: string[];
}

/** A source the preview left out, and why. */
export interface SkippedItem {
  readonly source: string;
  readonly output: string;
  readonly reasons: readonly string[];
}

export interface BatchManifest {
  readonly version: typeof MANIFEST_VERSION;
  /** The value of the HighlightBatch tag every task of the batch carries. */
  readonly batchId: string;
  /** A short name for people: the job file's name. */
  readonly name: string;
  readonly createdAt: string;
  /** The job file, as given. */
  readonly jobFile: string;
  /** The job file's URI in the editor (the scope of its settings); the CLI leaves it out. */
  readonly jobUri?: string;
  /** The region and endpoint override the batch is sent to (a resume uses the same). */
  readonly region?: string;
  readonly endpoint?: string;
  readonly projectName: string;
  /** The job's value the items were made from (each item replaces Sources, Output.URI and adds the tag). */
  readonly job: Readonly<Record<string, unknown>>;
  readonly each: string;
  readonly match?: string;
  readonly outputTemplate: string;
  concurrency: number;
  /** Cancel: nothing more is sent; tasks already sent keep running in IMM. */
  cancelled?: boolean;
  readonly items: BatchItem[];
  readonly skipped: readonly SkippedItem[];
}

export interface BatchCounts {
  readonly total: number;
  readonly waiting: number;
  /** Sent and not ended (queued in IMM included). */
  readonly running: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly refused: number;
  readonly unknown: number;
}

export function countItems(manifest: Pick<BatchManifest, 'items'>): BatchCounts {
  const of = (...states: ItemState[]): number => manifest.items.filter((item) => states.includes(item.state)).length;
  return {
    total: manifest.items.length,
    waiting: of('waiting'),
    running: of('sent'),
    succeeded: of('succeeded'),
    failed: of('failed'),
    refused: of('refused'),
    unknown: of('sending', 'outcome-unknown'),
  };
}

/** One row per item for a CSV or JSON summary: source, output, TaskId, status, code, times. */
export function summaryRows(manifest: BatchManifest): Record<string, string>[] {
  return manifest.items.map((item) => ({
    source: item.source,
    output: item.output,
    taskId: item.taskId ?? '',
    state: item.state,
    status: item.status ?? '',
    code: item.code ?? '',
    message: item.message ?? '',
    sentAt: item.sentAt ?? '',
    startTime: item.startTime ?? '',
    endTime: item.endTime ?? '',
  }));
}

/** RFC 4180: fields with a comma, quote or line break are quoted; a leading = + - @ is neutralised for spreadsheets. */
export function toCsv(rows: readonly Record<string, string>[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]!);
  const cell = (value: string): string => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c] ?? '')).join(','))].join('\r\n')}\r\n`;
}
