/**
 * Job, key, endpoint and service text stays plain text: one escaping function per sink (plainText for
 * notifications, markdownText for Markdown), every notification through notify.ts, and the trusted task tooltip
 * escaping each fact. Presigned URLs in a task's Message are redacted on their way into the history.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { markdownText, plainText } from '../../../client/src/plainText';
import { TaskHistory, HISTORY_KEY, type StateStore } from '../../../client/src/tasks/history';
import type { TaskRecord } from '../../../client/src/tasks/record';
import { finalMessage, formatProgress, offeredResults, statusBarView, statusText, taskRowDescription, tooltipMarkdown } from '../../../client/src/tasks/status';
import { renderTaskDetails } from '../../../client/src/tasks/details';

const CLIENT = resolve(__dirname, '../../../client/src');
const LINKED = 'oss://b/out/[Fix the output](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D).mp4';
const PRESIGNED =
  'https://b.oss-cn-hangzhou.aliyuncs.com/in.mp4?OSSAccessKeyId=STS.NUgYrLnoC37mZZCNn&Expires=1700000000&Signature=c2lnbmF0dXJl%3D&security-token=CAISSECRETTOKEN';

const succeeded: TaskRecord = {
  taskId: 'Highlight-4d51241b-0b1c-4c2e-9a7f-1234567890ab',
  projectName: 'immtest',
  fileUri: 'file:///w/a.highlight.yaml',
  fileLabel: '[a](command:x).highlight.yaml',
  submittedAt: '2026-12-06T10:00:00.000Z',
  region: 'cn-hangzhou',
  endpoint: 'http://127.0.0.1:41595',
  requestId: 'R1',
  outputUri: LINKED,
  status: 'Succeeded',
  message: '<img src="https://evil.example/x.png"> [Retry](command:workbench.action.openSettings) www.evil.example',
  updatedAt: '2026-12-06T10:01:00.000Z',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('every notification and progress title of client/src goes through notify.ts', () => {
  const direct = sources(CLIENT)
    .filter((file) => !file.endsWith(join('client', 'src', 'notify.ts')))
    .filter((file) => /\bwindow\s*\.\s*(showInformationMessage|showWarningMessage|showErrorMessage|withProgress)\b/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(CLIENT, file));
  assert.deepEqual(direct, []);
});

test('plainText leaves no Markdown link a notification would render', () => {
  assert.equal(plainText(`Output: ${LINKED}`).includes(']('), false);
  assert.doesNotMatch(plainText('[x] (y) [a]\n(command:z)'), /\[/);
  assert.equal(plainText('oss://b/out/reel.mp4'), 'oss://b/out/reel.mp4');
});

test('markdownText: no link, autolink, HTML, theme icon or line break survives; the text reads the same once rendered', () => {
  const escaped = markdownText(`${LINKED} http://127.0.0.1:41595) www.x.org a@b.org <b>x</b> $(zap) | cell\nnext`);
  // Every ASCII punctuation character is backslash-escaped, so none can open markup.
  assert.doesNotMatch(escaped.replace(/\\[!-/:-@[-`{-~]/g, ''), /[!-/:-@[-`{-~]/);
  assert.doesNotMatch(escaped, /\n/);
  // CommonMark drops the backslashes: the reader sees the original text.
  assert.equal(escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1'), `${LINKED} http://127.0.0.1:41595) www.x.org a@b.org <b>x</b> $(zap) | cell next`);
});

test("a succeeded task's trusted tooltip: only our command links; file name, endpoint, Message and Output.URI are escaped", () => {
  const markdown = tooltipMarkdown(succeeded)!;
  const links = [...markdown.matchAll(/(?<!\\)\[[^\]]*(?<!\\)\]\((?<target>[^)]*)\)/g)].map((m) => m.groups!['target']!);
  assert.ok(links.length >= 4, markdown);
  assert.ok(
    links.every((target) => /^command:immHighlight\.results\.[A-Za-z]+\?/.test(target)),
    links.join('\n'),
  );
  // No autolink (it swallowed the backslash of the `)` after the endpoint) and no raw HTML.
  assert.doesNotMatch(markdown, /(?<!\\)https?:\/\/|www\.|(?<!\\)<img/);
  assert.match(markdown, /127\\\.0\\\.0\\\.1\\:41595\\\)/);
});

test('task rows show the distinguishing part of the TaskId, not the Highlight- prefix every task shares', () => {
  const description = taskRowDescription(succeeded, new Date('2026-12-06T10:00:00.000Z'));
  assert.doesNotMatch(description, /Highlight-/);
  assert.match(description, /· 4d51241b…$/);
});

test('a Progress that never comes or stays 0 shows no "0%"', () => {
  assert.equal(formatProgress(0), '');
  assert.equal(statusText({ status: 'Running', progress: 0 }), 'Running');
  assert.equal(statusBarView([{ ...succeeded, status: 'Running', progress: 0 }])?.text.includes('0%'), false);
  assert.equal(formatProgress(40), '40%');
});

test("a presigned URL in a failed task's Message is redacted in the history record, what is stored and the notification text", async () => {
  let stored: unknown;
  const store: StateStore = { get: () => undefined, update: async (_key, value) => void (stored = value) };
  const history = new TaskHistory(store);
  await history.add({ ...succeeded, status: 'Running', message: undefined as never });
  const updated = await history.update(succeeded.taskId, { status: 'Failed', code: 'InvalidFile.NotFound', message: `Cannot read ${PRESIGNED}.` });
  assert.equal(updated?.message, 'Cannot read https://b.oss-cn-hangzhou.aliyuncs.com/in.mp4?<signature removed>.');
  assert.doesNotMatch(JSON.stringify(stored), /Signature=|SECRETTOKEN/);
  assert.doesNotMatch(finalMessage(updated!).text, /Signature=|SECRETTOKEN/);
  // Records an earlier version stored raw are redacted when they are read.
  const old = new TaskHistory({
    get: <T>(key: string) => (key === HISTORY_KEY ? ([{ ...succeeded, message: PRESIGNED }] as T) : undefined),
    update: async () => undefined,
  });
  assert.doesNotMatch(old.get(succeeded.taskId)?.message ?? '', /Signature=|SECRETTOKEN/);
});

test('the task details (Markdown) escape service and job text: no link, no HTML, no broken table', () => {
  const text = renderTaskDetails(succeeded, {
    jobPath: '[job](command:x).highlight.yaml',
    jobExists: true,
    live: { kind: 'answer', at: 'now', fields: { Message: succeeded.message, Code: '[C](command:y)', Tags: { a: '| x |' } } },
  });
  assert.doesNotMatch(text, /(?<!\\)\[[^\]]*(?<!\\)\]\(/);
  assert.doesNotMatch(text, /(?<!\\)<img/);
  assert.doesNotMatch(text, /(?<!\\)https?:\/\//);
  for (const row of text.split('\n').filter((line) => line.startsWith('| '))) assert.equal(row.replace(/\\\|/g, '').split('|').length, 4, row);
});

test('an output looked for and not found: no result actions or tooltip links, the reason instead; unknown or found: offered', () => {
  const failed = { state: 'failed', message: 'No object at oss://b/out.mp4: it was moved or deleted, or the task wrote elsewhere.' } as const;
  const record = { ...succeeded, outputUri: 'oss://b/out.mp4' };
  assert.deepEqual(offeredResults(record, failed).actions, []);
  assert.match(offeredResults(record, failed).note ?? '', /No object at oss:\/\/b\/out\.mp4/);
  assert.equal(tooltipMarkdown(record, failed), undefined);
  assert.ok(offeredResults(record, undefined).actions.length > 0);
  assert.ok(offeredResults(record, { state: 'loading' }).actions.length > 0);
  const listed = { state: 'listed', bucket: 'b', folder: 'out/', objects: [{ key: 'out.mp4', size: 1 }], truncated: false, segmented: false } as const;
  assert.ok(offeredResults(record, listed).actions.length > 0);
  assert.ok(tooltipMarkdown(record, listed)?.includes('](command:'));
});
