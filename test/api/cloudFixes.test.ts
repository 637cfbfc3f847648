/**
 * Quick fixes of the cloud findings, end to end against the local IMM and OSS endpoints: the checks read the
 * names beside a finding (ListProjects, the object's folder), the core turns them into fix hints in the finding's
 * `data`, and core/src/features/codeActions.ts's quickFixes makes the edits, as the editor's cloud code-action provider does.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { cloudCheckJob } from '../../api/src/cloud/index';
import { createOssConnection, type OssConnection } from '../../api/src/oss/index';
import { quickFixes } from '../../core/src/features/codeActions';
import { parseJob } from '../../core/src/parse/document';
import type { ImmClient } from '../../api/src/index';
import { startImmEndpoint, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, TEST_OSS_ACCESS_KEY, type OssEndpoint } from '../endpoints/oss/server';
import { demoMedia } from '../fixtures/media/index';
import { clientFor } from './helpers';

const URI = 'file:///job.highlight.yaml';
let imm: ImmEndpoint;
let ossEndpoint: OssEndpoint;
let client: ImmClient;
let oss: OssConnection;

before(async () => {
  [imm, ossEndpoint] = await Promise.all([startImmEndpoint(), startOssEndpoint()]);
  client = clientFor(imm);
  oss = createOssConnection({
    endpoint: ossEndpoint.url,
    credentials: { kind: 'accessKey', accessKeyId: TEST_OSS_ACCESS_KEY.id, accessKeySecret: TEST_OSS_ACCESS_KEY.secret },
    timeoutMs: 3000,
  });
});
after(() => Promise.all([imm.close(), ossEndpoint.close()]));
beforeEach(() => {
  imm.control.reset();
  ossEndpoint.control.reset();
  // A source that is really a video: the checks read its media facts, and text would be media-unreadable.
  ossEndpoint.control.putObject('test-bucket', { key: 'videos/beach.mp4', contentType: 'video/mp4', body: demoMedia().videos[0]!.body });
});

const job = (project: string, source: string, output: string): string =>
  `ProjectName: ${project}\nType: Retrieval\nSources:\n  - URI: ${source}\nOutput:\n  URI: ${output}\n`;

/** The titles of the quick fixes of the finding with `code`, and the text after applying the first. */
async function fixesOf(text: string, code: string): Promise<{ titles: string[]; preferred: boolean; fixed: string }> {
  const doc = parseJob(text);
  const findings = await cloudCheckJob(doc, { imm: client, oss, region: 'cn-hangzhou' });
  const finding = findings.find((d) => d.code === code);
  assert.ok(finding, `no ${code} among ${findings.map((d) => String(d.code)).join(', ')}`);
  // As the editor keeps it: JSON, no class instances.
  const actions = quickFixes(doc, URI, finding.range, [JSON.parse(JSON.stringify(finding))]);
  assert.ok(actions.length > 0, `no quick fix for ${code}`);
  const edits = actions[0]!.edit!.changes![URI] as TextEdit[];
  return {
    titles: actions.map((a) => a.title),
    preferred: actions[0]!.isPreferred === true,
    fixed: TextDocument.applyEdits(TextDocument.create(URI, 'imm-highlight', 1, text), edits),
  };
}

describe('quick fixes of cloud findings', { concurrency: false }, () => {
  test('project-not-found: did you mean the closest existing project', async () => {
    const { titles, preferred, fixed } = await fixesOf(
      job('imtest', 'oss://test-bucket/videos/beach.mp4', 'oss://test-bucket/highlights/new.mp4'),
      'project-not-found',
    );
    assert.deepEqual(titles, ['Change to `immtest`']);
    assert.ok(preferred);
    assert.match(fixed, /^ProjectName: immtest\n/);
    assert.equal(imm.received('ListProjects').length, 1);
  });

  test('oss-object-not-found: the closest object of the same folder', async () => {
    const { titles, fixed } = await fixesOf(
      job('immtest', 'oss://test-bucket/videos/beahc.mp4', 'oss://test-bucket/highlights/new.mp4'),
      'oss-object-not-found',
    );
    assert.deepEqual(titles, ['Change to `oss://test-bucket/videos/beach.mp4`']);
    assert.match(fixed, /- URI: oss:\/\/test-bucket\/videos\/beach\.mp4\n/);
  });

  test('output-exists: a numbered name that no object of the folder has', async () => {
    ossEndpoint.control.putObject('test-bucket', { key: 'highlights/reel.mp4', contentType: 'video/mp4', body: Buffer.from('x') });
    ossEndpoint.control.putObject('test-bucket', { key: 'highlights/reel-2.mp4', contentType: 'video/mp4', body: Buffer.from('x') });
    const { titles, fixed } = await fixesOf(job('immtest', 'oss://test-bucket/videos/beach.mp4', 'oss://test-bucket/highlights/reel.mp4'), 'output-exists');
    assert.deepEqual(titles, ['Write to `oss://test-bucket/highlights/reel-3.mp4` instead (no object has that name yet)']);
    assert.match(fixed, /\n {2}URI: oss:\/\/test-bucket\/highlights\/reel-3\.mp4\n/);
  });

  test('nothing is listed for a job without findings', async () => {
    const findings = await cloudCheckJob(parseJob(job('immtest', 'oss://test-bucket/videos/beach.mp4', 'oss://test-bucket/highlights/new.mp4')), {
      imm: client,
      oss,
      region: 'cn-hangzhou',
    });
    assert.deepEqual(findings, []);
    assert.equal(imm.received('ListProjects').length, 0);
    assert.ok(!ossEndpoint.requests.some((r) => r.action === 'oss:ListObjects'), ossEndpoint.requests.map((r) => r.url).join('\n'));
  });
});
