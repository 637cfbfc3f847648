/**
 * The storyboard in a real extension host: Show Storyboard opens it beside the job without taking the focus, the page
 * reports what it drew (one element per clip), an edit redraws it by message (the page is not reloaded), a click on a
 * clip (the page's message, handed in through the state command) selects its Sources entry, the cursor highlights its
 * element, and it follows the active job editor. Thumbnails against the local OSS endpoint: off by default, on from the
 * User settings only, a presigned snapshot URL in a message (never the HTML), images allowed from that host only.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../client/src/commandIds';
import type { StoryboardState } from '../../client/src/storyboard/panel';
import { TEST_ACCESS_KEY } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import { activatedApi, openJob, revert, waitFor } from './helpers';

const JOB = 'valid-concat.highlight.yaml';
const state = (message?: unknown): Thenable<StoryboardState & { handled?: boolean }> =>
  vscode.commands.executeCommand(Commands.storyboardState, message === undefined ? undefined : { message });

const storyboardTab = (): vscode.Tab | undefined =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('immHighlight.storyboard'));

const lineOf = (document: vscode.TextDocument, text: string): number => {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes(text)) return line;
  throw new Error(`no line with ${text}`);
};

describe('storyboard', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await activatedApi();
    editor = await openJob(JOB);
  });

  after(async () => {
    const tab = storyboardTab();
    if (tab) await vscode.window.tabGroups.close(tab);
    await revert(editor.document);
  });

  it('opens beside the job without taking the focus and draws one element per clip, the undeclared length hatched', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.showStoryboard), true);
    const drawn = await waitFor('the page to report what it drew', async () => (await state()).drawn);
    const tab = storyboardTab();
    assert.ok(tab, 'a storyboard tab');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the job, not over it');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the job keeps the focus');
    assert.deepEqual(
      drawn.ids.filter((id) => id.startsWith('clip:')),
      ['clip:0', 'clip:1'],
    );
    assert.deepEqual(drawn.titles.slice(0, 2), ['keynote.mp4', 'demo.mp4']);
    const { view, html } = await state();
    const [keynote, demo] = view!.elements;
    assert.equal(keynote!.lengthKnown, true, 'Duration 30 is declared');
    assert.equal(keynote!.lengthSeconds, 30);
    assert.equal(demo!.lengthKnown, false, 'no Duration and no media facts: hatched');
    assert.match(demo!.accessibleName, /length unknown/);

    // The page's policy: nothing but its own nonce'd script and stylesheet; the job's text is not in it.
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html ?? '')?.[1] ?? '';
    // style-src is the webview's own resource origin (webview.cspSource); no img-src while thumbnails are off.
    assert.match(csp, /^default-src 'none'; script-src 'nonce-[0-9a-f]{36}'; style-src [^;]+$/, csp);
    assert.ok(!csp.includes('unsafe-'), csp);
    assert.ok(!html!.includes('oss://'), 'no job text in the HTML');
    assert.ok(!/\son\w+=/.test(html!), 'no inline handlers');
  });

  it('redraws on an edit by message, keeping the page (and its zoom and scroll)', async () => {
    const before = await state();
    const end = editor.document.lineAt(lineOf(editor.document, 'videos/demo.mp4')).range.end;
    await editor.edit((edit) => edit.insert(end, '\n  - URI: oss://test-bucket/videos/city.mp4\n    Duration: 12'));
    const drawn = await waitFor('the third clip to be drawn', async () => {
      const now = await state();
      return now.drawn?.ids.includes('clip:2') ? now : undefined;
    });
    assert.equal(drawn.drawn!.titles[2], 'city.mp4');
    assert.ok(drawn.posts > before.posts, 'a new drawing was posted');
    assert.equal(drawn.html, before.html, 'the page was not reloaded');
  });

  it('a click on a clip selects its Sources entry in the job; the cursor highlights its element', async () => {
    const result = await state({ type: 'reveal', id: 'clip:1' });
    assert.equal(result.handled, true);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    const line = lineOf(active.document, 'videos/demo.mp4');
    assert.equal(active.selection.start.line, line);
    assert.ok(active.document.getText(active.selection).includes('oss://test-bucket/videos/demo.mp4'), active.document.getText(active.selection));

    const keynote = lineOf(active.document, 'StartTime: 12');
    active.selection = new vscode.Selection(keynote, 4, keynote, 4);
    await waitFor('the first clip to be highlighted', async () => ((await state()).highlighted.join() === 'clip:0' ? true : undefined));
    assert.equal((await state({ type: 'reveal', id: 'clip:99' })).handled, false, 'an unknown element reveals nothing');
  });

  it('follows the active job editor', async () => {
    const other = await openJob('misspelt-type.highlight.yaml');
    await waitFor('the storyboard to follow', async () => ((await state()).document === other.document.uri.toString() ? true : undefined));
    await vscode.window.showTextDocument(editor.document);
    await waitFor('the storyboard to come back', async () => ((await state()).document === editor.document.uri.toString() ? true : undefined));
  });
});

describe('storyboard thumbnails', () => {
  const config = () => vscode.workspace.getConfiguration('immHighlight');
  let oss: OssEndpoint;
  let editor: vscode.TextEditor;

  before(async () => {
    await activatedApi();
    oss = await startOssEndpoint();
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
    await config().update('cloudChecks', 'onSubmit', vscode.ConfigurationTarget.Global);
    editor = await openJob(JOB);
  });

  after(async () => {
    const tab = storyboardTab();
    if (tab) await vscode.window.tabGroups.close(tab);
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    for (const key of ['ossEndpoint', 'cloudChecks', 'storyboard.thumbnails']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await config().update('storyboard.thumbnails', undefined, vscode.ConfigurationTarget.Workspace);
    await revert(editor.document);
    await oss.close();
  });

  it('turned on in the User settings: each clip shows its first frame, a presigned OSS snapshot the page may load from that host only', async () => {
    await vscode.commands.executeCommand(Commands.showStoryboard, editor.document.uri);
    await waitFor('the storyboard', async () => (await state()).drawn);
    assert.equal((await state()).view!.elements[0]!.imageUrl, undefined, 'off by default');

    await config().update('storyboard.thumbnails', true, vscode.ConfigurationTarget.Global);
    const drawn = await waitFor('a frame for the first clip', async () => {
      const now = await state();
      return now.view?.elements[0]?.imageUrl && now.html?.includes('img-src') ? now : undefined;
    });
    assert.equal(drawn.view!.elements[0]!.imageUrl, `${oss.url}/…`, 'the state command shows no presigned URL, only its host');
    assert.match(drawn.html!, new RegExp(`img-src ${oss.url.replace(/[.]/g, '\\.')}"`), 'images from the OSS host only');
    assert.ok(!drawn.html!.includes('x-oss-signature'), 'the presigned URL is not in the HTML');
    await waitFor('the page to draw the frame', async () => (await state()).drawn?.images.includes('clip:0'));
    // The page loads it: the endpoint sees a presigned, valid snapshot of the first clip at its StartTime, and answers a frame.
    const request = await waitFor('the page to load the frame', () =>
      oss.requests.find((r) => r.presigned && r.signatureValid && r.url.includes('x-oss-process=') && r.status === 200),
    );
    const url = new URL(request.url, oss.url);
    assert.equal(decodeURIComponent(url.pathname), '/test-bucket/videos/keynote.mp4');
    assert.equal(url.searchParams.get('x-oss-process'), 'video/snapshot,t_12000,f_jpg,w_320', 'the frame at StartTime');
  });

  it('a workspace value can only turn them off', async () => {
    await config().update('storyboard.thumbnails', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('the frames to go', async () => {
      const now = await state();
      return now.view && now.view.elements.every((e) => e.imageUrl === undefined) && !now.html?.includes('img-src') ? true : undefined;
    });
  });
});
