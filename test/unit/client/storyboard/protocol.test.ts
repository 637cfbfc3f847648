/** What the extension accepts from the storyboard page: the three messages it knows, each with the right fields. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromWebview } from '../../../../client/src/storyboard/protocol';

test('the page messages are read; anything else is ignored', () => {
  assert.deepEqual(fromWebview({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(fromWebview({ type: 'reveal', id: 'clip:1', extra: 1 }), { type: 'reveal', id: 'clip:1' });
  assert.deepEqual(fromWebview({ type: 'drawn', ids: ['clip:0'], titles: ['a.mp4'], images: ['clip:0'] }), {
    type: 'drawn',
    ids: ['clip:0'],
    titles: ['a.mp4'],
    images: ['clip:0'],
  });
  for (const junk of [
    null,
    'reveal',
    42,
    {},
    { type: 'reveal' },
    { type: 'reveal', id: 3 },
    { type: 'drawn', ids: [1], titles: [] },
    { type: 'openUrl', url: 'x' },
  ]) {
    assert.equal(fromWebview(junk), undefined, JSON.stringify(junk));
  }
});
