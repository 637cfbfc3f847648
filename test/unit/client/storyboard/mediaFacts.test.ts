/** The storyboard's media facts: only a read answer of the job's last check counts; nothing else is guessed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { MediaAnswer, MediaFacts } from '../../../../core/src/index';
import { checkedMediaFacts, NO_MEDIA_FACTS, type CheckedMedia } from '../../../../client/src/storyboard/mediaFacts';

const FACTS: MediaFacts = { container: 'mp4', durationSeconds: 42, durationEstimated: false, video: null, audio: null };
const job = { uri: { toString: () => 'file:///job.highlight.yaml' } } as unknown as vscode.TextDocument;
const other = { uri: { toString: () => 'file:///other.highlight.yaml' } } as unknown as vscode.TextDocument;

test("a read answer's facts for the job that was checked; unreadable, archived and failed answers have none", () => {
  const answers: Record<string, MediaAnswer> = {
    'oss://b/read.mp4': { state: 'read', facts: FACTS, read: { requests: 2, bytes: 4096 } },
    'oss://b/bad.mp4': { state: 'unreadable', reason: 'not a media file', read: { requests: 1, bytes: 10 } },
    'oss://b/cold.mp4': { state: 'archived', storageClass: 'Archive' },
    'oss://b/denied.mp4': { state: 'failed', failure: { reason: 'access-denied', operation: 'GetObject', permission: 'oss:GetObject', detail: '' } },
  };
  let listeners = 0;
  const checked: CheckedMedia = {
    entries: (document) => (document === job ? Object.entries(answers).map(([uri, media]) => ({ uri, media })) : []),
    onDidChange: () => (listeners++, { dispose: () => listeners-- }),
  };
  const source = checkedMediaFacts(checked);
  assert.equal(source.factsOf(job, 'oss://b/read.mp4'), FACTS);
  for (const uri of ['oss://b/bad.mp4', 'oss://b/cold.mp4', 'oss://b/denied.mp4', 'oss://b/none.mp4']) assert.equal(source.factsOf(job, uri), undefined, uri);
  assert.equal(source.factsOf(other, 'oss://b/read.mp4'), undefined, 'facts belong to the job whose check read them');
  const subscription = source.onDidChange(() => undefined);
  assert.equal(listeners, 1);
  subscription.dispose();
  assert.equal(listeners, 0);
  assert.equal(NO_MEDIA_FACTS.factsOf(job, 'oss://b/read.mp4'), undefined);
});
