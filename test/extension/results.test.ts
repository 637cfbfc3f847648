/**
 * The results commands in a real extension host against the local OSS endpoint (in-process, loopback, V4
 * signatures and presigned URLs checked by its own code).
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startOssEndpoint, TEST_OSS_ACCESS_KEY, type OssEndpoint } from '../endpoints/oss/server';
import { httpGet } from '../support/http';
import { EXTENSION_ID } from './helpers';

const config = () => vscode.workspace.getConfiguration('immHighlight');
const BODY = Buffer.alloc(512 * 1024, 9);

describe('Results commands', () => {
  let oss: OssEndpoint;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    oss = await startOssEndpoint();
    await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
    await config().update('presignExpirySeconds', 120, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_OSS_ACCESS_KEY.id, accessKeySecret: TEST_OSS_ACCESS_KEY.secret });
  });
  beforeEach(() => {
    oss.control.reset();
    oss.control.putObject('test-bucket', { key: 'out/reel.mp4', contentType: 'video/mp4', body: BODY });
  });
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    await config().update('ossEndpoint', undefined, vscode.ConfigurationTarget.Global);
    await config().update('presignExpirySeconds', undefined, vscode.ConfigurationTarget.Global);
    await oss.close();
  });

  it('Download Output… writes the bytes of the object to the chosen file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imm-results-ext-'));
    const target = vscode.Uri.file(join(dir, 'reel.mp4'));
    const path = await vscode.commands.executeCommand<string | undefined>('immHighlight.results.downloadOutput', 'oss://test-bucket/out/reel.mp4', target);
    assert.equal(path, target.fsPath);
    assert.ok(readFileSync(target.fsPath).equals(BODY));
    assert.deepEqual(readdirSync(dir), ['reel.mp4']);
    // Only the download's own requests: the cloud checks of open job files may reach the endpoint meanwhile.
    const downloads = oss.requests.filter((r) => r.key === 'out/reel.mp4');
    assert.ok(downloads.length > 0 && downloads.every((r) => r.signatureValid), JSON.stringify(downloads.map((r) => [r.action, r.signatureValid])));
  });

  it('Download Output… of a missing key writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imm-results-ext-'));
    const target = vscode.Uri.file(join(dir, 'gone.mp4'));
    const path = await vscode.commands.executeCommand<string | undefined>('immHighlight.results.downloadOutput', 'oss://test-bucket/out/gone.mp4', target);
    assert.equal(path, undefined);
    assert.equal(existsSync(target.fsPath), false);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('Download Output… of a playlist writes it and the segments it names, not its namesakes; a file as the folder is refused first', async () => {
    oss.control.putObject('test-bucket', { key: 'out/hls/reel.m3u8', body: '#EXTM3U\n#EXTINF:2,\nreel-0.ts\n' });
    for (const key of ['out/hls/reel-0.ts', 'out/hls/reel2.mp4', 'out/hls/reel-final/x.ts']) oss.control.putObject('test-bucket', { key, body: key });
    const dir = mkdtempSync(join(tmpdir(), 'imm-results-ext-'));
    const folder = vscode.Uri.file(join(dir, 'reel'));
    const path = await vscode.commands.executeCommand<string | undefined>('immHighlight.results.downloadOutput', 'oss://test-bucket/out/hls/reel.m3u8', folder);
    assert.equal(path, folder.fsPath);
    assert.deepEqual(readdirSync(folder.fsPath).sort(), ['reel-0.ts', 'reel.m3u8']);

    const file = join(dir, 'taken');
    writeFileSync(file, 'mine');
    const before = oss.requests.filter((r) => r.action === 'oss:GetObject').length;
    const refused = await vscode.commands.executeCommand<string | undefined>(
      'immHighlight.results.downloadOutput',
      'oss://test-bucket/out/hls/',
      vscode.Uri.file(file),
    );
    assert.equal(refused, undefined);
    assert.equal(readFileSync(file, 'utf8'), 'mine');
    assert.equal(oss.requests.filter((r) => r.action === 'oss:GetObject').length, before, 'nothing fetched for a target that cannot be used');
  });

  it('Preview Output shows a video whose source is a presigned URL of the output, media allowed only from its host', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('immHighlight.results.previewOutput', 'oss://test-bucket/out/reel.mp4');
    assert.ok(panel);
    try {
      const html = panel.webview.html;
      const src = /<video[^>]* src="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      assert.ok(src, html);
      const url = new URL(src);
      assert.equal(url.origin, oss.url);
      assert.equal(url.pathname, '/test-bucket/out/reel.mp4');
      assert.equal(url.searchParams.get('x-oss-expires'), '120');
      assert.match(html, new RegExp(`media-src ${oss.url.replace(/[.]/g, '\\.')}`));
      const fetched = await httpGet(src);
      assert.equal(fetched.status, 200);
      assert.ok(fetched.body.equals(BODY));
    } finally {
      panel.dispose();
    }
  });

  it('Copy Presigned URL and Copy Output URI put them on the clipboard', async () => {
    await vscode.commands.executeCommand('immHighlight.results.copyPresignedUrl', 'oss://test-bucket/out/reel.mp4');
    const url = await vscode.env.clipboard.readText();
    assert.equal(new URL(url).origin, oss.url);
    assert.equal((await httpGet(url)).status, 200);
    await vscode.commands.executeCommand('immHighlight.results.copyOutputUri', {
      record: { status: 'Succeeded', outputUri: 'oss://test-bucket/out/reel.mp4', region: 'cn-hangzhou', fileUri: 'untitled:x', taskId: 'T' },
    });
    assert.equal(await vscode.env.clipboard.readText(), 'oss://test-bucket/out/reel.mp4');
  });

  /** What VS Code hands the browser for env.openExternal's argument (OpenerService: a string as is, a Uri re-encoded). */
  async function openedInBrowser(run: () => Thenable<unknown>): Promise<string[]> {
    const env = vscode.env as unknown as { openExternal: (target: unknown) => Thenable<boolean> };
    const saved = env.openExternal;
    const opened: string[] = [];
    env.openExternal = (target: unknown) => {
      opened.push(typeof target === 'string' ? target : encodeURI((target as vscode.Uri).toString(true)));
      return Promise.resolve(true);
    };
    try {
      await run();
    } finally {
      env.openExternal = saved;
    }
    return opened;
  }

  it('Open Output of a key with # and ? opens a presigned URL that OSS accepts (not encoded twice)', async () => {
    oss.control.putObject('test-bucket', { key: 'out/take #2?final.mp4', contentType: 'video/mp4', body: BODY });
    const opened = await openedInBrowser(() => vscode.commands.executeCommand('immHighlight.results.openOutput', 'oss://test-bucket/out/take #2?final.mp4'));
    assert.equal(opened.length, 1, JSON.stringify(opened));
    const fetched = await httpGet(opened[0]!);
    assert.equal(fetched.status, 200, opened[0]);
    assert.ok(fetched.body.equals(BODY));
  });

  it('Open Output and Copy Presigned URL follow a bucket found in another region, as the CLI does', async () => {
    // The job's region is cn-hangzhou (the default); shanghai-footage is in cn-shanghai.
    await vscode.commands.executeCommand('immHighlight.results.copyPresignedUrl', 'oss://shanghai-footage/raw/launch.mp4');
    const copied = await vscode.env.clipboard.readText();
    assert.equal((await httpGet(copied)).status, 200, copied);
    const opened = await openedInBrowser(() => vscode.commands.executeCommand('immHighlight.results.openOutput', 'oss://shanghai-footage/raw/launch.mp4'));
    assert.equal(opened.length, 1);
    assert.equal((await httpGet(opened[0]!)).status, 200, opened[0]);
  });
});
