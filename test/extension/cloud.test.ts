/**
 * Cloud-aware authoring in a real extension host, against the local IMM and OSS endpoints (in-process,
 * loopback, signatures checked by their own code): live completion, diagnostics on save, the Submit preflight,
 * and nothing at all without credentials.
 */
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import type { SubmitOutcome } from '../../client/src/submit';
import { activatedApi, codeOf, waitFor, workspaceFile } from './helpers';

const CLOUD_CODES = [
  'project-not-found',
  'oss-bucket-not-found',
  'oss-bucket-other-region',
  'oss-object-not-found',
  'oss-not-video',
  'oss-not-audio',
  'output-exists',
  'cloud-check-failed',
];
const config = () => vscode.workspace.getConfiguration('immHighlight');
const labelText = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

const MISSING = `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://test-bucket/videos/typo.mp4
Output:
  URI: oss://test-bucket/highlights/new.mp4
`;

async function completionsAt(content: string): Promise<vscode.CompletionItem[]> {
  const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content });
  await vscode.window.showTextDocument(document);
  const end = document.positionAt(content.length);
  return waitFor('live completion items', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
    const live = list.items.filter((item) => item.detail && /bucket in|IMM project|folder|\d+ B/.test(item.detail));
    return live.length ? list.items : undefined;
  });
}

function writeJob(name: string, text: string): vscode.Uri {
  const uri = workspaceFile(name);
  writeFileSync(uri.fsPath, text);
  return uri;
}

describe('cloud features', () => {
  let imm: ImmEndpoint;
  let oss: OssEndpoint;

  before(async () => {
    await activatedApi();
    [imm, oss] = await Promise.all([startImmEndpoint(), startOssEndpoint()]);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    await config().update('endpoint', imm.url, vscode.ConfigurationTarget.Global);
    await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
    await config().update('cloudChecks', 'onSave', vscode.ConfigurationTarget.Global);
  });
  beforeEach(() => {
    imm.control.reset();
    oss.control.reset();
  });
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    await vscode.commands.executeCommand('immHighlight.chooseCredentialsProfile', { profile: null });
    for (const key of ['endpoint', 'ossEndpoint', 'cloudChecks']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.all([imm.close(), oss.close()]);
    for (const name of ['cloud-missing', 'cloud-output', 'cloud-nokey', 'cloud-follow', 'cloud-narrowed'])
      rmSync(workspaceFile(`${name}.highlight.yaml`).fsPath, { force: true });
  });

  it('completes oss:// with the buckets, the IMM region first and others marked with their region', async () => {
    const items = await completionsAt('ProjectName: immtest\nSources:\n  - URI: oss://');
    const buckets = items.filter((item) => item.detail?.startsWith('bucket in'));
    const here = buckets.find((item) => labelText(item) === 'oss://test-bucket/');
    const elsewhere = buckets.find((item) => labelText(item) === 'oss://shanghai-footage/');
    assert.ok(here && elsewhere, buckets.map(labelText).join(', '));
    assert.equal(here.detail, 'bucket in cn-hangzhou');
    assert.match(elsewhere.detail ?? '', /cn-shanghai/);
    assert.ok(String(here.sortText) < String(elsewhere.sortText));
    // Checks started before this suite set its key may still arrive, signed with the host's fake key.
    const ours = oss.requests.filter((r) => r.accessKeyId === TEST_ACCESS_KEY.id);
    assert.ok(ours.some((r) => r.action === 'oss:ListBuckets'));
    assert.ok(ours.every((r) => r.signatureValid && (r.method === 'GET' || r.method === 'HEAD')));
  });

  it('completes the folders and objects under the typed prefix with size, videos first for a source', async () => {
    const items = await completionsAt('ProjectName: immtest\nSources:\n  - URI: oss://test-bucket/videos/');
    const beach = items.find((item) => labelText(item) === 'beach.mp4');
    const cover = items.find((item) => labelText(item) === 'cover.jpg');
    assert.ok(beach && cover, items.map(labelText).join(', '));
    assert.match(beach.detail ?? '', /\d+ B/);
    assert.equal(beach.insertText, 'oss://test-bucket/videos/beach.mp4');
    assert.ok(String(beach.sortText) < String(cover.sortText));
  });

  it('completes ProjectName from ListProjects', async () => {
    const items = await completionsAt('ProjectName: ');
    const project = items.find((item) => labelText(item) === 'immtest' && item.detail === 'IMM project');
    assert.ok(project, items.map(labelText).join(', '));
  });

  it('reports a missing source object on save, at its value', async () => {
    const uri = writeJob('cloud-missing.highlight.yaml', MISSING);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await document.save();
    const found = await waitFor('an oss-object-not-found diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'oss-object-not-found'),
    );
    assert.equal(found.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(found.range.start.line, 3);
    assert.equal(document.getText(found.range), 'oss://test-bucket/videos/typo.mp4');
  });

  it('reads the media of a source once per session: a second save sends no GetObject for it (issue 23)', async () => {
    const uri = writeJob('cloud-media.highlight.yaml', MISSING.replace('videos/typo.mp4', 'videos/mountains.mp4'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await document.save();
    const mediaGets = () => oss.requests.filter((r) => r.method === 'GET' && r.action === 'oss:GetObject' && r.key === 'videos/mountains.mp4');
    await waitFor('the ranged media read of the source', () => (mediaGets().length > 0 ? true : undefined));
    assert.ok(mediaGets().every((r) => r.range !== undefined && r.signatureValid));
    const first = mediaGets().length;
    // A second save that also names a new output: its HEAD shows the second check ran; the source is not read again.
    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('highlights/new.mp4');
    edit.replace(uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'highlights/new.mp4'.length)), 'highlights/new-media.mp4');
    await vscode.workspace.applyEdit(edit);
    await document.save();
    await waitFor('the second check', () => (oss.requests.some((r) => r.method === 'HEAD' && r.key === 'highlights/new-media.mp4') ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(mediaGets().length, first);
  });

  it('Check Against Cloud reports the findings on demand', async () => {
    const uri = writeJob('cloud-output.highlight.yaml', MISSING.replace('highlights/new.mp4', 'highlights/keynote-and-demo.mp4'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<{ status: string; diagnostics: { code?: unknown }[] }>('immHighlight.checkCloud');
    assert.equal(result.status, 'checked');
    assert.deepEqual(result.diagnostics.map((d) => d.code).sort(), ['oss-object-not-found', 'output-exists']);
  });

  it('a JOB.HIGHLIGHT.YAML in capitals, opened as plain yaml, is a job too: checked on demand like any other (issue 21, 5)', async () => {
    const uri = writeJob('CLOUD-CAPITALS.HIGHLIGHT.YAML', MISSING);
    try {
      const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'yaml');
      await vscode.window.showTextDocument(document);
      const result = await vscode.commands.executeCommand<{ status: string; diagnostics: { code?: unknown }[] } | undefined>('immHighlight.checkCloud', uri);
      assert.equal(result?.status, 'checked');
      assert.deepEqual(
        result.diagnostics.map((d) => d.code),
        ['oss-object-not-found'],
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(uri.fsPath, { force: true });
    }
  });

  it('cloud findings have quick fixes: the closest existing object, and a free output name', async () => {
    const uri = writeJob(
      'cloud-fixes.highlight.yaml',
      MISSING.replace('videos/typo.mp4', 'videos/beahc.mp4').replace('highlights/new.mp4', 'highlights/keynote-and-demo.mp4'),
    );
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<{ status: string; diagnostics: { code?: unknown; data?: unknown }[] }>('immHighlight.checkCloud');
    assert.equal(result.status, 'checked');
    // The fix hints travel with the findings.
    assert.ok(
      result.diagnostics.every((d) => d.data !== undefined),
      JSON.stringify(result.diagnostics),
    );
    const titlesAt = async (code: string): Promise<vscode.CodeAction[]> => {
      const finding = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code);
      assert.ok(finding, code);
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range)) ?? [];
      // executeCodeActionProvider does not hand back an action's diagnostics: these titles come only from the cloud's fixes.
      return actions.filter((a) => /^(Change to|Write to) `oss:/.test(a.title));
    };
    const object = await titlesAt('oss-object-not-found');
    assert.deepEqual(
      object.map((a) => a.title),
      ['Change to `oss://test-bucket/videos/beach.mp4`'],
    );
    const output = await titlesAt('output-exists');
    assert.deepEqual(
      output.map((a) => a.title),
      ['Write to `oss://test-bucket/highlights/keynote-and-demo-2.mp4` instead (no object has that name yet)'],
    );
    // Findings move with the text while the user types (diagnostics.ts followEdits); their fixes move with them.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# a comment typed above\n'));
    await waitFor('the finding to move a line down', () =>
      vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'oss-object-not-found' && d.range.start.line === 4),
    );
    const moved = await titlesAt('oss-object-not-found');
    assert.deepEqual(
      moved.map((a) => a.title),
      ['Change to `oss://test-bucket/videos/beach.mp4`'],
    );
    assert.ok(await vscode.workspace.applyEdit(moved[0]!.edit!));
    assert.match(document.getText(), /- URI: oss:\/\/test-bucket\/videos\/beach\.mp4\n/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    rmSync(uri.fsPath, { force: true });
  });

  it('Submit is refused by a missing object, and nothing is sent', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content: MISSING });
    await vscode.window.showTextDocument(document);
    const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
    assert.equal(outcome.status, 'refused', JSON.stringify(outcome));
    if (outcome.status === 'refused') assert.match(outcome.errors[0]?.message ?? '', /There is no object at oss:\/\/test-bucket\/videos\/typo\.mp4/);
    assert.equal(imm.received('CreateHighlightTask').length, 0);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('without credentials: no cloud diagnostics, no requests', async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    await vscode.commands.executeCommand('immHighlight.chooseCredentialsProfile', { profile: 'no-such-profile-for-tests' });
    try {
      const uri = writeJob('cloud-nokey.highlight.yaml', MISSING);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await document.save();
      // Absence has no event: wait as long as a cloud answer takes on loopback (the test with a key shows it arrives).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepEqual(
        vscode.languages.getDiagnostics(uri).filter((d) => CLOUD_CODES.includes(String(codeOf(d)))),
        [],
      );
      assert.equal(oss.requests.length + imm.received('GetProject').length, 0);
    } finally {
      await vscode.commands.executeCommand('immHighlight.chooseCredentialsProfile', { profile: null });
      await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    }
  });

  it('cloud findings move with the edits while the user types, and go when their value is edited (issue 19, 13)', async () => {
    const uri = writeJob('cloud-follow.highlight.yaml', MISSING);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await document.save();
    const atLine = (line: number) => () =>
      vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'oss-object-not-found' && d.range.start.line === line);
    await waitFor('the finding on line 3', atLine(3));
    // Two lines above it, no save: the finding follows its value.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# one\n# two\n'));
    const moved = await waitFor('the finding on line 5', atLine(5));
    assert.equal(document.getText(moved.range), 'oss://test-bucket/videos/typo.mp4');
    // The value itself edited: what the cloud said about the old one no longer holds.
    const value = moved.range;
    await editor.edit((b) => b.replace(new vscode.Range(value.end.line, value.end.character - 8, value.end.line, value.end.character - 4), 'beach'));
    await waitFor('the finding to go', () => (vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'oss-object-not-found') ? undefined : true));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('ten completion requests while ListBuckets is denied send one ListBuckets (issue 20, 12)', async () => {
    // A fresh session (the same key set again): the listing of the earlier tests is not in its cache.
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    oss.control.deny('oss:ListBuckets');
    const content = 'ProjectName: immtest\nSources:\n  - URI: oss://';
    const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content });
    await vscode.window.showTextDocument(document);
    const end = document.positionAt(content.length);
    for (let i = 0; i < 10; i++) await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
    assert.equal(oss.requests.filter((r) => r.action === 'oss:ListBuckets').length, 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('thirty job files opened at once share their look-ups: one HEAD per object, at most one GetBucketInfo and GetProject (issue 20, 12)', async () => {
    const job = MISSING.replace('videos/typo.mp4', 'videos/thirty-typo.mp4').replace('highlights/new.mp4', 'highlights/thirty.mp4');
    const uris = Array.from({ length: 30 }, (_, i) => writeJob(`cloud-thirty-${i}.highlight.yaml`, job));
    try {
      await Promise.all(uris.map((uri) => vscode.workspace.openTextDocument(uri)));
      await waitFor(
        'the findings of all thirty',
        () => (uris.every((uri) => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'oss-object-not-found')) ? true : undefined),
        40_000,
      );
      const heads = (key: string) => oss.requests.filter((r) => r.method === 'HEAD' && r.key === key).length;
      assert.equal(heads('videos/thirty-typo.mp4'), 1);
      // The Output.URI CodeLens asks through the same look-up as the output-exists check.
      assert.equal(heads('highlights/thirty.mp4'), 1);
      assert.ok(oss.requests.filter((r) => r.action === 'oss:GetBucketInfo').length <= 1);
      assert.ok(imm.received('GetProject').length <= 1);
    } finally {
      for (const uri of uris) rmSync(uri.fsPath, { force: true });
    }
  });

  it('a workspace cloudChecks value cannot turn back on what the user turned off: no checks, completion or CodeLens look-ups (issue 20, 2)', async () => {
    await config().update('cloudChecks', 'off', vscode.ConfigurationTarget.Global);
    await config().update('cloudChecks', 'onSave', vscode.ConfigurationTarget.Workspace);
    const uri = writeJob(
      'cloud-narrowed.highlight.yaml',
      MISSING.replace('videos/typo.mp4', 'videos/narrowed.mp4').replace('highlights/new.mp4', 'highlights/narrowed.mp4'),
    );
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# saved\n'));
      await document.save();
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(4, '  - URI: oss://'.length),
      );
      assert.ok(!list.items.some((item) => item.detail?.startsWith('bucket in')));
      // Absence has no event: wait as long as a cloud answer takes on loopback (the tests above show it arrives).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepEqual(
        vscode.languages.getDiagnostics(uri).filter((d) => CLOUD_CODES.includes(String(codeOf(d)))),
        [],
      );
      assert.deepEqual(
        oss.requests.map((r) => `${r.method} ${r.action} ${r.key ?? ''}`),
        [],
      );
      assert.equal(imm.received('GetProject').length, 0);
    } finally {
      await config().update('cloudChecks', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('cloudChecks', 'onSave', vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(uri.fsPath, { force: true });
    }
  });
});
