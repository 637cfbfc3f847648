/**
 * Submit task in a real extension host against the local IMM endpoint (in-process, loopback, ACS3-checked).
 * Drives the commands as a user would; reads results from the command return values and the endpoint log.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { faults } from '../endpoints/imm/faults';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import type { SubmitOutcome } from '../../client/src/submit';
import type { TaskRecord } from '../../client/src/tasks/record';
import { EXTENSION_ID, retrievalJob } from './helpers';

const JOB = retrievalJob();

let run = 0;
/** Each test sends a request of its own (UserData differs): an identical one would be asked about first. */
async function openJob(content: string): Promise<vscode.TextDocument> {
  run += 1;
  const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content: `${content}UserData: submit-test-${Date.now()}-${run}\n` });
  await vscode.window.showTextDocument(document);
  return document;
}
const submit = (arg?: vscode.Uri) => vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask', arg);
const config = () => vscode.workspace.getConfiguration('immHighlight');

describe('Submit task', () => {
  let endpoint: ImmEndpoint;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    endpoint = await startImmEndpoint();
    await config().update('endpoint', endpoint.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
  });
  beforeEach(() => endpoint.control.reset());
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    await vscode.commands.executeCommand('immHighlight.chooseCredentialsProfile', { profile: null });
    await config().update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await endpoint.close();
  });

  it('sends the unsaved text once, signed with the stored key, and follows the task to Succeeded', async () => {
    const document = await openJob(JOB);
    const outcome = await submit();
    assert.equal(outcome.status, 'submitted', JSON.stringify(outcome));
    if (outcome.status !== 'submitted') return;
    assert.match(outcome.taskId, /^Highlight-/);
    assert.equal(outcome.identity, 'AccessKey LTAI****ey01 from VS Code secret storage');
    const creates = endpoint.received('CreateHighlightTask');
    assert.equal(creates.length, 1);
    assert.equal(creates[0]!.accessKeyId, TEST_ACCESS_KEY.id);
    assert.equal(creates[0]!.params['ProjectName'], 'immtest');
    assert.deepEqual(JSON.parse(creates[0]!.params['Sources']!), [{ URI: 'oss://test-bucket/a.mp4' }]);
    const final = await outcome.finished;
    assert.equal(final?.status, 'Succeeded');
    assert.equal(final?.outputUri, 'oss://test-bucket/out.mp4');
    assert.ok(endpoint.received('GetTask').length >= 3);
    const history = await vscode.commands.executeCommand<readonly TaskRecord[]>('immHighlight.tasks.history');
    assert.equal(history[0]?.taskId, outcome.taskId);
    assert.equal(history[0]?.fileUri, document.uri.toString());
    assert.equal(history[0]?.status, 'Succeeded');
  });

  it('a failed task ends with its Code and Message', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Failed', failure: { Code: 'InvalidFile.NotFound', Message: 'The video does not exist.' } });
    await openJob(JOB);
    const outcome = await submit();
    assert.equal(outcome.status, 'submitted');
    if (outcome.status !== 'submitted') return;
    const final = await outcome.finished;
    assert.equal(final?.status, 'Failed');
    assert.equal(final?.code, 'InvalidFile.NotFound');
    assert.equal(final?.message, 'The video does not exist.');
  });

  it('refuses a job with errors and sends nothing', async () => {
    await openJob(JOB.replace('Type: Retrieval', 'Type: Retrieve'));
    const outcome = await submit();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(outcome.status, 'refused');
    if (outcome.status !== 'refused') return;
    assert.ok(
      outcome.errors.some((e) => e.line === 1),
      JSON.stringify(outcome.errors),
    );
    assert.equal(endpoint.requests.filter((r) => r.action === 'CreateHighlightTask').length, 0);
  });

  it("puts IMM's InvalidArgument on the key it names, and clears it at the next edit", async () => {
    endpoint.control.failNext(faults.invalidArgument('Sources.0.URI', 'the bucket does not exist.'), { action: 'CreateHighlightTask' });
    const document = await openJob(JOB);
    const outcome = await submit();
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.equal(outcome.code, 'InvalidArgument');
    assert.equal(outcome.parameter, 'Sources.0.URI');
    assert.match(outcome.message, /RequestId [0-9A-F-]+/);
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'IMM');
    assert.ok(diagnostic, 'an IMM diagnostic');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [3, 4, 7]);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(8, 0), '# edited\n'));
    assert.equal(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'IMM').length, 0);
  });

  it('a submission that timed out after sending is not sent again', async () => {
    await config().update('requestTimeoutSeconds', 2, vscode.ConfigurationTarget.Global);
    endpoint.control.failNext(faults.hang(), { action: 'CreateHighlightTask' });
    await openJob(JOB);
    const outcome = await submit();
    await config().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.equal(outcome.outcomeUnknown, true);
    assert.match(outcome.message, /check the IMM console or the task list/);
    assert.equal(endpoint.requests.filter((r) => r.action === 'CreateHighlightTask').length, 1);
  });

  it('throttling is retried with backoff and creates one task', async () => {
    endpoint.control.failNext(faults.throttling(), { action: 'CreateHighlightTask' });
    await openJob(JOB);
    const outcome = await submit();
    assert.equal(outcome.status, 'submitted', JSON.stringify(outcome));
    assert.equal(endpoint.requests.filter((r) => r.action === 'CreateHighlightTask').length, 2);
    assert.equal(endpoint.received('CreateHighlightTask').filter((r) => r.status === 200).length, 1);
  });

  it('without a stored key a missing profile says what to do, and nothing is sent', async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    await vscode.commands.executeCommand('immHighlight.chooseCredentialsProfile', { profile: 'no-such-profile-imm-test' });
    await openJob(JOB);
    const outcome = await submit();
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    await vscode.commands.executeCommand('immHighlight.chooseCredentialsProfile', { profile: null });
    assert.equal(outcome.status, 'failed');
    if (outcome.status !== 'failed') return;
    assert.equal(outcome.code, 'NoCredentials');
    assert.match(outcome.message, /no-such-profile-imm-test/);
    assert.ok(!outcome.message.includes(TEST_ACCESS_KEY.secret));
    assert.equal(endpoint.requests.filter((r) => r.action === 'CreateHighlightTask').length, 0);
  });

  it('Show Request opens the exact form fields, read-only, with the identity masked', async () => {
    const document = await openJob(JOB);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('immHighlight.showRequest', document.uri);
    const shown = await vscode.workspace.openTextDocument(uri);
    const text = shown.getText();
    assert.ok(!text.includes(TEST_ACCESS_KEY.secret));
    const json = JSON.parse(text) as { body: Record<string, string>; credentials: string; endpoint: string; aliyunCli: string };
    assert.equal(json.endpoint, endpoint.url);
    assert.equal(json.credentials, 'AccessKey LTAI****ey01 from VS Code secret storage');
    assert.equal(json.body['Type'], 'Retrieval');
    assert.match(json.aliyunCli, /^aliyun imm CreateHighlightTask /);
    const line = await vscode.commands.executeCommand<string>('immHighlight.copyCliCommand', document.uri);
    assert.equal(line, json.aliyunCli);
    assert.equal(await vscode.env.clipboard.readText(), line);
  });
});
