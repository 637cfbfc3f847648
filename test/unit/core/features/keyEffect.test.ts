import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { complete } from '../../../../core/src/features/completion';
import { parseJob } from '../../../../core/src/parse/document';
import { withCursor } from '../../../support/markers';

function completeAt(marked: string): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return complete(parseJob(text), position);
}
const sorted = (items: CompletionItem[]): string[] => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);

test('StartTime and Duration outside Concat are offered last, with the reason in the detail', () => {
  const items = completeAt('ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://my-videos/a.mp4\n    |\n');
  assert.deepEqual(
    sorted(items).filter((label) => !label.startsWith('highlight-')),
    ['StartTime', 'Duration'],
  );
  const start = items.find((item) => item.label === 'StartTime')!;
  assert.equal(start.detail, 'no effect here: StartTime takes effect only when Type is Concat; Type is Retrieval, so it is ignored.');
  assert.ok(start.sortText!.startsWith('9'));
});

test('in a Concat job they take effect, and keep their usual detail and place', () => {
  const items = completeAt('ProjectName: immtest\nType: Concat\nSources:\n  - URI: oss://my-videos/a.mp4\n    |\n');
  const start = items.find((item) => item.label === 'StartTime')!;
  assert.doesNotMatch(start.detail!, /no effect/);
  assert.ok(!start.sortText!.startsWith('9'));
});

test('the other rules of the table count too: BackgroundMusics without a mode', () => {
  const items = completeAt('ProjectName: immtest\nType: Compose\nEdit:\n  Mode: Sequential\n  |\n');
  assert.match(
    items.find((item) => item.label === 'BackgroundMusics')!.detail!,
    /^no effect here: BackgroundMusics take effect only when BackgroundMusicMode is Random or Sequential/,
  );
  assert.doesNotMatch(items.find((item) => item.label === 'BackgroundMusicMode')!.detail!, /no effect/);
});
