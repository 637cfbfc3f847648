/**
 * Media facts in a real extension host (issue 23), against the local IMM and OSS endpoints serving real small media
 * (test/fixtures/media): the inlay hint after each source and music URI, the hover on it, both following edits and
 * the settings, and Submit refused by a media error with nothing sent.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import { createOssConnection } from '../../api/src/oss/index';
import type { SubmitOutcome } from '../../client/src/submit';
import { OutputLister } from '../../client/src/results/outputLister';
import { TaskHistory, type StateStore } from '../../client/src/tasks/history';
import { TaskTreeProvider, type TaskTreeNode } from '../../client/src/tasks/tree';
import { activatedApi, codeOf, EXTENSION_ID, hoverText, waitFor, workspaceFile } from './helpers';

const config = () => vscode.workspace.getConfiguration('immHighlight');

/** The project's own fixture files, found through the extension's folder (the suite runs bundled elsewhere). */
function fixture(name: string): Buffer {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return readFileSync(join(root, 'test/fixtures/media', name));
}

const JOB = `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/videos/countdown.mp4
  - URI: oss://test-bucket/videos/bars.mp4
Edit:
  Mode: Sequential
  BackgroundMusicMode: Sequential
  BackgroundMusics:
    - URI: oss://test-bucket/music/tone.mp3
Output:
  URI: oss://test-bucket/out/reel.mp4
  Container: mp4
  Video:
    TranscodeVideo:
      Codec: h264
`;

const ours = (hints: readonly vscode.InlayHint[]): vscode.InlayHint[] => hints.filter((hint) => /\d s( · |$)/.test(labelOf(hint)));
const labelOf = (hint: vscode.InlayHint): string => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));

async function hintsOf(document: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const all = new vscode.Range(0, 0, document.lineCount, 0);
  return ours((await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, all)) ?? []);
}

function endOf(document: vscode.TextDocument, text: string): vscode.Position {
  return document.positionAt(document.getText().indexOf(text) + text.length);
}

describe('media facts', () => {
  let imm: ImmEndpoint;
  let oss: OssEndpoint;
  const files: vscode.Uri[] = [];

  function writeJob(name: string, text: string): vscode.Uri {
    const uri = workspaceFile(name);
    writeFileSync(uri.fsPath, text);
    files.push(uri);
    return uri;
  }

  async function openSaved(name: string, text: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(writeJob(name, text));
    await vscode.window.showTextDocument(document);
    await document.save();
    return document;
  }

  before(async () => {
    await activatedApi();
    [imm, oss] = await Promise.all([
      startImmEndpoint(),
      startOssEndpoint({
        buckets: [
          {
            name: 'test-bucket',
            region: 'cn-hangzhou',
            objects: [
              { key: 'videos/countdown.mp4', contentType: 'video/mp4', body: fixture('countdown.mp4') },
              { key: 'videos/bars.mp4', contentType: 'video/mp4', body: fixture('bars.mp4') },
              { key: 'music/tone.mp3', contentType: 'audio/mpeg', body: fixture('tone.mp3') },
              { key: 'music/tone.m4a', contentType: 'audio/mp4', body: fixture('tone.m4a') },
            ],
          },
        ],
      }),
    ]);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    await config().update('endpoint', imm.url, vscode.ConfigurationTarget.Global);
    await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
    await config().update('cloudChecks', 'onSave', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    for (const key of ['endpoint', 'ossEndpoint', 'cloudChecks', 'media.inlayHints']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.all([imm.close(), oss.close()]);
    for (const uri of files) rmSync(uri.fsPath, { force: true });
  });

  it('shows an inlay hint after each source and music URI once a save has read the facts', async () => {
    const document = await openSaved('media-hints.highlight.yaml', JOB);
    const hints = await waitFor('three media inlay hints', async () => {
      const found = await hintsOf(document);
      return found.length === 3 ? found : undefined;
    });
    const at = (text: string) => hints.find((hint) => hint.position.isEqual(endOf(document, text)));
    assert.equal(labelOf(at('oss://test-bucket/videos/countdown.mp4')!), '50.0 s · 160×90 · h264');
    assert.equal(labelOf(at('oss://test-bucket/videos/bars.mp4')!), '50.0 s · 160×90 · h264');
    assert.match(labelOf(at('oss://test-bucket/music/tone.mp3')!), /^4\.\d s · mp3$/);
  });

  it('a second save reads no media bytes: the facts are cached per object and ETag', async () => {
    const document = await openSaved('media-cache.highlight.yaml', JOB);
    await waitFor('the hints of the first save', async () => ((await hintsOf(document)).length === 3 ? true : undefined));
    const mediaGets = () => oss.requests.filter((r) => r.method === 'GET' && r.range !== undefined);
    const before = mediaGets().length;
    assert.ok(before > 0, 'the first save read the media with ranged GETs');
    assert.ok(
      mediaGets().every((r) => /^bytes=\d+-\d+$/.test(r.range!)),
      'every read is a bounded range',
    );
    // An Output.URI that exists: the second check's own finding (output-exists) says when it has run.
    const editor = await vscode.window.showTextDocument(document);
    const start = document.getText().indexOf('out/reel.mp4');
    await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(start), document.positionAt(start + 'out/reel.mp4'.length)), 'videos/bars.mp4'));
    const checks = oss.requests.length;
    await document.save();
    await waitFor('the second check', () => vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'output-exists'));
    assert.equal((await hintsOf(document)).length, 3);
    assert.equal(mediaGets().length, before, JSON.stringify(oss.requests.slice(checks).map((r) => `${r.method} ${r.key} ${r.range ?? ''}`)));
  });

  it('the hover on a URI shows container, duration, streams, size and storage class', async () => {
    const document = await openSaved('media-hover.highlight.yaml', JOB);
    const position = endOf(document, 'oss://test-bucket/videos/count');
    const text = await waitFor('the media hover', async () => {
      const found = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? []);
      return found.includes('Media facts') ? found : undefined;
    });
    // Every value is escaped Markdown (plainText.ts markdownText); read it without the escapes.
    const plain = text.replace(/\\(.)/g, '$1');
    assert.match(plain, /Container: mp4/);
    assert.match(plain, /Duration: 50(\.\d+)? s/);
    assert.match(plain, /Video: h264, 160×90, 15 fps/);
    assert.match(plain, /Audio: aac, 8000 Hz, 1 channel/);
    assert.match(plain, /Size: \d+(\.\d)? KB/);
    assert.match(text, /\\,/, 'values are escaped');
  });

  it('hints follow edits, drop with an edited URI, and obey immHighlight.media.inlayHints and cloudChecks off', async () => {
    const document = await openSaved('media-follow.highlight.yaml', JOB);
    await waitFor('the hints', async () => ((await hintsOf(document)).length === 3 ? true : undefined));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# a comment typed above\n'));
    await waitFor('the hints a line down', async () => {
      const hints = await hintsOf(document);
      return hints.length === 3 && hints.some((hint) => hint.position.isEqual(endOf(document, 'oss://test-bucket/videos/countdown.mp4'))) ? true : undefined;
    });
    const start = document.getText().indexOf('countdown.mp4');
    await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(start), document.positionAt(start + 'countdown'.length)), 'mandelbrot'));
    await waitFor('the edited URI to lose its hint', async () => ((await hintsOf(document)).length === 2 ? true : undefined));

    await config().update('media.inlayHints', false, vscode.ConfigurationTarget.Global);
    await waitFor('no hints with the setting off', async () => ((await hintsOf(document)).length === 0 ? true : undefined));
    await config().update('media.inlayHints', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the hints back', async () => ((await hintsOf(document)).length === 2 ? true : undefined));

    await config().update('cloudChecks', 'off', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('no hints with the cloud checks off', async () => ((await hintsOf(document)).length === 0 ? true : undefined));
      const hover = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        endOf(document, 'oss://test-bucket/videos/ba'),
      );
      assert.ok(!hoverText(hover ?? []).includes('Media facts'));
    } finally {
      await config().update('cloudChecks', 'onSave', vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('Submit is refused by a media error (a source without a video stream), and nothing is sent', async () => {
    imm.control.reset();
    const content = JOB.replace('videos/bars.mp4', 'music/tone.m4a');
    const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content });
    await vscode.window.showTextDocument(document);
    const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(outcome.status, 'refused', JSON.stringify(outcome));
    if (outcome.status === 'refused') {
      assert.equal(outcome.errors.length, 1, JSON.stringify(outcome.errors));
      assert.equal(outcome.errors[0]!.line, 4);
      assert.match(outcome.errors[0]!.message, /^oss:\/\/test-bucket\/music\/tone\.m4a holds no video stream, only aac audio/);
    }
    assert.equal(imm.received('CreateHighlightTask').length, 0);
  });

  it('a media warning alone (a clip past the end of its video) does not refuse Submit', async () => {
    imm.control.reset();
    const content = JOB.replace('videos/bars.mp4\n', 'videos/bars.mp4\n    Duration: 10\n');
    const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content });
    await vscode.window.showTextDocument(document);
    const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
    assert.equal(outcome.status, 'submitted', JSON.stringify(outcome));
    assert.equal(imm.received('CreateHighlightTask').length, 1);
  });

  it("a succeeded task's output shows the facts IMM actually made in the task view", async () => {
    oss.control.putObject('test-bucket', { key: 'out/made.mp4', contentType: 'video/mp4', body: fixture('pattern.mp4') });
    let saved: unknown;
    const store: StateStore = { get: <T>() => saved as T, update: async (_key, value) => void (saved = value) };
    const history = new TaskHistory(store);
    const now = new Date().toISOString();
    await history.add({
      taskId: 'Highlight-00000000-0000-4000-8000-00000000made',
      projectName: 'immtest',
      fileUri: workspaceFile('media-hints.highlight.yaml').toString(),
      fileLabel: 'media-hints.highlight.yaml',
      submittedAt: now,
      region: 'cn-hangzhou',
      requestId: 'R',
      outputUri: 'oss://test-bucket/out/made.mp4',
      status: 'Succeeded',
      updatedAt: now,
    });
    const lister = new OutputLister(async () =>
      createOssConnection({
        credentials: { kind: 'accessKey', accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret },
        endpoint: oss.url,
        timeoutMs: 2000,
      }),
    );
    const tree = new TaskTreeProvider(history, lister);
    try {
      const [file] = tree.getChildren();
      const [task] = tree.getChildren(file);
      const children = await waitFor('the output look-up to end', () => {
        const found: TaskTreeNode[] = tree.getChildren(task);
        return found.some((c) => c.kind === 'output') ? found : undefined;
      });
      const output = tree.getTreeItem(children.find((c) => c.kind === 'output')!);
      assert.match(String(output.description), /^\d+(\.\d)? KB · 50\.0 s · 160×90 · h264$/);
      const reads = oss.requests.filter((r) => r.key === 'out/made.mp4' && r.method === 'GET');
      assert.ok(reads.length > 0 && reads.every((r) => r.range !== undefined), 'the output is read with ranged GETs only');
    } finally {
      tree.dispose();
      lister.dispose();
    }
  });
});
