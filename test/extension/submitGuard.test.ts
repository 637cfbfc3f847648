/**
 * No path in the editor sends a job twice by accident: Submit while the same file is being submitted does
 * nothing, and an identical request sent within the hour (or still running) is asked about in a modal first.
 * VS Code refuses modal dialogs in extension tests (the prompt rejects), which is exactly a dialog that was not
 * confirmed: the endpoint's log must then show no second CreateHighlightTask.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { faults } from '../endpoints/imm/faults';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import type { SubmitOutcome } from '../../client/src/submit';
import type { TaskRecord } from '../../client/src/tasks/record';
import { activatedApi, retrievalJob } from './helpers';

const IDENTITY = 'AccessKey LTAI****ey01 from VS Code secret storage';
const job = (): string => retrievalJob('guard-test');

async function openJob(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content });
  await vscode.window.showTextDocument(document);
  return document;
}
const submit = (arg?: vscode.Uri) => vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask', arg);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const config = () => vscode.workspace.getConfiguration('immHighlight');
const creates = (endpoint: ImmEndpoint) => endpoint.requests.filter((r) => r.action === 'CreateHighlightTask');

describe('Submit never sends twice by accident', () => {
  let endpoint: ImmEndpoint;

  before(async () => {
    await activatedApi();
    endpoint = await startImmEndpoint();
    await config().update('endpoint', endpoint.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
  });
  beforeEach(() => endpoint.control.reset());
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    await config().update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await endpoint.close();
  });

  it('Submit on a file being submitted does nothing: palette, CodeLens and clicks 150 ms and 0.4 s apart make one task', async () => {
    // IMM answers only when released below, so every later invocation lands while the first is on the wire, however
    // slow the machine (a 2 s delay was outrun under load).
    endpoint.control.failNext(faults.held(), { action: 'CreateHighlightTask' });
    const document = await openJob(job());
    const first = submit(); // palette / title bar ▶: no argument, the active editor
    const lens = submit(document.uri); // CodeLens and context menu: the file's URI
    await sleep(150);
    const after150 = submit();
    await sleep(250);
    const after400 = submit(document.uri);
    const later = await Promise.all([lens, after150, after400]);
    await endpoint.control.whenHeld();
    assert.equal(endpoint.control.releaseHeld(), 1);
    const outcomes = [await first, ...later];
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['submitted', 'busy', 'busy', 'busy'],
      JSON.stringify(outcomes),
    );
    assert.equal(creates(endpoint).length, 1, 'exactly one CreateHighlightTask in the endpoint log');
  });

  it('an identical request sent a moment ago is asked about in a modal naming the task, status, time and identity; not confirmed, nothing is sent', async () => {
    const document = await openJob(job());
    const first = await submit();
    assert.equal(first.status, 'submitted', JSON.stringify(first));
    if (first.status !== 'submitted') return;
    assert.equal(first.identity, IDENTITY);
    await first.finished;

    const again = await submit(document.uri);
    assert.equal(again.status, 'notSent', JSON.stringify(again));
    if (again.status !== 'notSent') return;
    assert.equal(again.earlierTaskId, first.taskId);
    assert.match(again.question, new RegExp(`Earlier task: ${first.taskId}`));
    assert.match(again.question, /Status: Succeeded/);
    assert.match(again.question, /Sent: \d\d:\d\d:\d\d \(just now\)/);
    assert.match(again.question, new RegExp(`This time as: ${IDENTITY.replace(/\*/g, '\\*')}`));
    assert.equal(creates(endpoint).length, 1, 'the declined duplicate sent nothing');

    // A real change is a new request: no question.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.replace(document.lineAt(5).range, '  Content: Scenery'));
    const changed = await submit();
    assert.equal(changed.status, 'submitted', JSON.stringify(changed));
    assert.equal(creates(endpoint).length, 2);
  });

  it('a task still running is asked about too, and the question says it is running', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 1000, outcome: 'Succeeded' });
    await openJob(job());
    const first = await submit();
    assert.equal(first.status, 'submitted', JSON.stringify(first));
    const again = await submit();
    assert.equal(again.status, 'notSent', JSON.stringify(again));
    if (again.status !== 'notSent') return;
    assert.match(again.question, /still running/);
    assert.equal(creates(endpoint).length, 1);
    // The same job from another file is the same request to IMM.
    const copy = await openJob(vscode.window.activeTextEditor!.document.getText());
    const fromCopy = await submit(copy.uri);
    assert.equal(fromCopy.status, 'notSent');
    assert.equal(creates(endpoint).length, 1);
  });

  it('a call that got no answer (timeout) is asked about before it is sent again', async () => {
    await config().update('requestTimeoutSeconds', 2, vscode.ConfigurationTarget.Global);
    endpoint.control.failNext(faults.hang(), { action: 'CreateHighlightTask' });
    await openJob(job());
    const first = await submit();
    await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    assert.equal(first.status, 'failed');
    const again = await submit();
    assert.equal(again.status, 'notSent', JSON.stringify(again));
    if (again.status !== 'notSent') return;
    assert.equal(again.earlierTaskId, undefined);
    assert.match(again.question, /no answer/);
    assert.equal(creates(endpoint).length, 1);
  });

  it('the task records its identity, a hash of the request and the request without secrets', async () => {
    await openJob(job());
    const outcome = await submit();
    assert.equal(outcome.status, 'submitted');
    if (outcome.status !== 'submitted') return;
    const history = await vscode.commands.executeCommand<readonly TaskRecord[]>('immHighlight.tasks.history');
    const record = history.find((r) => r.taskId === outcome.taskId);
    assert.ok(record);
    assert.equal(record.identity, IDENTITY);
    assert.match(record.requestHash ?? '', /^[0-9a-f]{64}$/);
    const sent = JSON.parse(record.sentRequest ?? '{}') as { credentials?: string; body?: Record<string, string> };
    assert.equal(sent.credentials, IDENTITY);
    assert.equal(sent.body?.['Type'], 'Retrieval');
    assert.ok(!JSON.stringify(record).includes(TEST_ACCESS_KEY.secret));
  });

  it('Show Request and Clear AccessKey name the resolved identity of the default chain (the environment key)', async () => {
    const document = await openJob(job());
    const told = await vscode.commands.executeCommand<string>('immHighlight.clearAccessKey');
    assert.equal(told, 'IMM Highlight: AccessKey LTAI****ey01 removed. Submissions now use AccessKey LTAI****e-id from environment variables.');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('immHighlight.showRequest', document.uri);
      const shown = await vscode.workspace.openTextDocument(uri);
      const json = JSON.parse(shown.getText()) as { credentials: string };
      // scripts/e2e/test-extension.ts puts ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI-e2e-fake-id in the host's environment.
      assert.equal(json.credentials, 'AccessKey LTAI****e-id from environment variables');
      assert.ok(!shown.getText().includes('e2e-fake-secret'));
    } finally {
      await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    }
  });

  it('a stored AccessKey that IMM rejects offers Clear AccessKey, and nothing is sent twice', async () => {
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: 'not-the-right-secret' });
    try {
      await openJob(job());
      const outcome = await submit();
      assert.equal(outcome.status, 'failed', JSON.stringify(outcome));
      if (outcome.status !== 'failed') return;
      assert.equal(outcome.code, 'SignatureDoesNotMatch');
      assert.deepEqual(outcome.actions, ['Set AccessKey', 'Clear AccessKey']);
      assert.ok(!outcome.message.includes('not-the-right-secret'));
      assert.equal(creates(endpoint).length, 1);
    } finally {
      await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    }
  });
});
