/**
 * Job text, OSS keys, endpoint settings and service answers reach notifications as plain text: link syntax in any
 * of them gives no `[text](target)` a notification would render as a clickable link (a `command:` link ran a
 * terminal command). Notifications are recorded by replacing vscode.window's show…Message and withProgress for the
 * duration of a test; the extension looks them up at each call (client/src/notify.ts).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import type { SubmitOutcome } from '../../client/src/submit';
import { activatedApi, retrievalJob, waitFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('immHighlight');
/** A Markdown link as a notification renders it. */
const LINK = /\[[^\]]*\]\s*\(/;
const LINKED_KEY = 'out/[Fix the output](command:workbench.action.terminal.sendSequence).mp4';
const PRESIGNED =
  'https://test-bucket.oss-cn-hangzhou.aliyuncs.com/a.mp4?OSSAccessKeyId=STS.NUgYrLnoC37mZZCNn&Expires=1700000000&Signature=c2lnbmF0dXJlLXNlY3JldA%3D%3D&security-token=CAIS8gF1q6Ft5B2yfSjIr5bSEsvsSECRETTOKEN';

type Window = Record<'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage' | 'withProgress', unknown>;

/** Records every notification text (and progress title) shown while `run` runs; buttons are never pressed. */
/** `landed`: the notification the test is about has been shown (a task's end is told after the output's look-up). */
async function recordNotifications(run: () => Promise<unknown>, buttons: string[][] = [], landed?: (shown: readonly string[]) => boolean): Promise<string[]> {
  const window = vscode.window as unknown as Window;
  const saved = {
    showInformationMessage: window.showInformationMessage,
    showWarningMessage: window.showWarningMessage,
    showErrorMessage: window.showErrorMessage,
    withProgress: window.withProgress,
  };
  const shown: string[] = [];
  const record = (message: string, ...rest: unknown[]) => {
    const options = rest.find((r): r is vscode.MessageOptions => typeof r === 'object' && r !== null);
    shown.push(options?.detail ? `${message}\n${options.detail}` : message);
    buttons.push(rest.filter((r): r is string => typeof r === 'string'));
    return Promise.resolve(undefined);
  };
  window.showInformationMessage = record;
  window.showWarningMessage = record;
  window.showErrorMessage = record;
  window.withProgress = (
    options: vscode.ProgressOptions,
    task: (p: vscode.Progress<{ message?: string }>, t: vscode.CancellationToken) => Thenable<unknown>,
  ) => {
    if (options.title) {
      shown.push(options.title);
      buttons.push([]);
    }
    const source = new vscode.CancellationTokenSource();
    return task({ report: (value) => value.message && shown.push(value.message) && buttons.push([]) }, source.token);
  };
  try {
    await run();
    // Notifications are shown without awaiting them (`void notify…`): let them land.
    if (landed) await waitFor('the notification', () => landed(shown));
    else await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    Object.assign(window, saved);
  }
  return shown;
}

describe('Plain text in notifications', () => {
  let oss: OssEndpoint;
  let imm: ImmEndpoint;

  before(async () => {
    await activatedApi();
    oss = await startOssEndpoint();
    imm = await startImmEndpoint();
    await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
    await config().update('endpoint', imm.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
  });
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    await config().update('ossEndpoint', undefined, vscode.ConfigurationTarget.Global);
    await config().update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await Promise.all([oss.close(), imm.close()]);
  });

  it('results commands: an OSS key with link syntax is no link in "no object", "Downloaded", "Presigned URL copied" or the progress title', async () => {
    oss.control.putObject('test-bucket', { key: LINKED_KEY, contentType: 'video/mp4', body: Buffer.alloc(1024, 7) });
    const uri = `oss://test-bucket/${LINKED_KEY}`;
    const target = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'imm-plain-')), 'out.mp4'));
    const shown = await recordNotifications(async () => {
      await vscode.commands.executeCommand('immHighlight.results.openOutput', uri.replace('.mp4', '-gone.mp4'));
      await vscode.commands.executeCommand('immHighlight.results.copyPresignedUrl', uri);
      await vscode.commands.executeCommand('immHighlight.results.downloadOutput', uri, target);
    });
    assert.ok(
      shown.some((m) => m.includes('Fix the output') && /Downloaded|下载/.test(m)),
      JSON.stringify(shown),
    );
    assert.ok(
      shown.some((m) => m.includes('Fix the output') && /Presigned|预签名/.test(m)),
      JSON.stringify(shown),
    );
    assert.ok(
      shown.some((m) => m.includes('-gone')),
      JSON.stringify(shown),
    );
    for (const message of shown) assert.doesNotMatch(message, LINK, message);
  });

  it('an endpoint setting with link syntax is no link in the error that quotes it', async () => {
    await config().update('ossEndpoint', 'https://[Fix the endpoint](command:workbench.action.openSettings)', vscode.ConfigurationTarget.Global);
    try {
      const shown = await recordNotifications(() =>
        Promise.resolve(vscode.commands.executeCommand('immHighlight.results.copyPresignedUrl', 'oss://test-bucket/a.mp4')),
      );
      assert.ok(
        shown.some((m) => m.includes('Fix the endpoint')),
        JSON.stringify(shown),
      );
      for (const message of shown) assert.doesNotMatch(message, LINK, message);
    } finally {
      await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
    }
  });

  it("task notifications: Output.URI (job text) and a failed task's Code: Message (IMM text) are no links; a presigned URL in Message is redacted", async () => {
    oss.control.reset();
    oss.control.putObject('test-bucket', { key: 'a.mp4', contentType: 'video/mp4', body: Buffer.alloc(1024, 1) });
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const succeeded = await recordNotifications(
      async () => {
        const document = await vscode.workspace.openTextDocument({
          language: 'imm-highlight',
          content: retrievalJob('plain-ok', { outputUri: `oss://test-bucket/${LINKED_KEY.replace('.mp4', '-task.mp4')}` }),
        });
        await vscode.window.showTextDocument(document);
        const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
        assert.equal(outcome.status, 'submitted', JSON.stringify(outcome));
        if (outcome.status === 'submitted') assert.equal((await outcome.finished)?.status, 'Succeeded');
      },
      [],
      (shown) => shown.some((m) => m.includes('succeeded')),
    );
    assert.ok(
      succeeded.some((m) => m.includes('Fix the output')),
      JSON.stringify(succeeded),
    );
    for (const message of succeeded) assert.doesNotMatch(message, LINK, message);

    imm.control.setTaskScript({
      pollsBeforeDone: 0,
      outcome: 'Failed',
      failure: {
        Code: 'InvalidFile.[Open](command:workbench.action.openSettings)',
        Message: `Cannot read ${PRESIGNED} [Retry](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D).`,
      },
    });
    let record: { message?: string } | undefined;
    const failed = await recordNotifications(
      async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content: retrievalJob('plain-failed') });
        await vscode.window.showTextDocument(document);
        const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
        assert.equal(outcome.status, 'submitted', JSON.stringify(outcome));
        if (outcome.status === 'submitted') record = await outcome.finished;
      },
      [],
      (shown) => shown.some((m) => m.includes('Cannot read')),
    );
    const notification = failed.find((m) => m.includes('Cannot read'));
    assert.ok(notification, JSON.stringify(failed));
    for (const message of failed) {
      assert.doesNotMatch(message, LINK, message);
      assert.ok(!/Signature=|security-token=|SECRETTOKEN/.test(message), message);
    }
    // The record the history keeps (and the tooltip and details read).
    assert.ok(record?.message?.includes('a.mp4?<signature removed>'), record?.message);
    assert.ok(!/Signature=|SECRETTOKEN/.test(record?.message ?? ''), record?.message);
  });

  it('a succeeded task offers Preview / Open only for an output that is there; else it says why', async () => {
    oss.control.reset();
    oss.control.putObject('test-bucket', { key: 'a.mp4', contentType: 'video/mp4', body: Buffer.alloc(1024, 1) });
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const submit = async (outputUri: string): Promise<{ shown: string[]; buttons: string[][] }> => {
      const buttons: string[][] = [];
      const shown = await recordNotifications(
        async () => {
          const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content: retrievalJob('plain-exists', { outputUri }) });
          await vscode.window.showTextDocument(document);
          const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
          assert.equal(outcome.status, 'submitted', JSON.stringify(outcome));
          if (outcome.status === 'submitted') await outcome.finished;
          // The notification waits for the output's look-up before it is shown.
        },
        buttons,
        (shown) => shown.some((m) => m.includes('succeeded')),
      );
      return { shown, buttons };
    };
    const missing = await submit('oss://test-bucket/out/never-written.mp4');
    const i = missing.shown.findIndex((m) => m.includes('succeeded'));
    assert.ok(i >= 0, JSON.stringify(missing.shown));
    assert.match(missing.shown[i]!, /cannot be opened now.*No object at oss:\/\/test-bucket\/out\/never-written\.mp4/);
    assert.deepEqual(missing.buttons[i], ['Copy Task ID']);

    // The task's output appears where the job said (as IMM would write it) before the task ends.
    oss.control.putObject('test-bucket', { key: 'out/written.mp4', contentType: 'video/mp4', body: Buffer.alloc(1024, 2) });
    const present = await submit('oss://test-bucket/out/written.mp4');
    const j = present.shown.findIndex((m) => m.includes('succeeded'));
    assert.ok(j >= 0, JSON.stringify(present.shown));
    assert.ok(present.buttons[j]!.includes('Preview Output') && present.buttons[j]!.includes('Open Output'), JSON.stringify(present.buttons[j]));
  });
});
