/** Cloud diagnostics follow the edits (issue 19, 13): the pure range shifting. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shiftRange, shiftRangeThrough, type TextRange } from '../../../../core/src/cloud/rangeShift';

const r = (sl: number, sc: number, el: number, ec: number): TextRange => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
/** `URI: oss://b/typo.mp4` on line 3, the value at 9..29. */
const VALUE = r(3, 9, 3, 29);

test('a line inserted above moves the range down', () => {
  assert.deepEqual(shiftRange(VALUE, { range: r(1, 0, 1, 0), text: 'Type: Concat\n' }), r(4, 9, 4, 29));
});

test('lines deleted above move it up', () => {
  assert.deepEqual(shiftRange(VALUE, { range: r(0, 0, 2, 0), text: '' }), r(1, 9, 1, 29));
});

test('text typed before it on its own line moves it right; a line break there moves it to the next line', () => {
  assert.deepEqual(shiftRange(VALUE, { range: r(3, 2, 3, 2), text: '  ' }), r(3, 11, 3, 31));
  assert.deepEqual(shiftRange(VALUE, { range: r(3, 4, 3, 4), text: '\n  ab' }), r(4, 9, 4, 29));
});

test('an edit after it, on its line or below, leaves it alone', () => {
  assert.deepEqual(shiftRange(VALUE, { range: r(3, 30, 3, 30), text: ' # note' }), VALUE);
  assert.deepEqual(shiftRange(VALUE, { range: r(5, 0, 6, 0), text: 'x\ny\n' }), VALUE);
});

test('an edit inside the value, or against either end of it, drops the finding', () => {
  assert.equal(shiftRange(VALUE, { range: r(3, 20, 3, 24), text: 'beach' }), undefined);
  assert.equal(shiftRange(VALUE, { range: r(3, 29, 3, 29), text: 'x' }), undefined);
  assert.equal(shiftRange(VALUE, { range: r(3, 9, 3, 9), text: '"' }), undefined);
  assert.equal(shiftRange(VALUE, { range: r(2, 0, 4, 0), text: '' }), undefined);
});

test('several edits of one change event apply in order', () => {
  assert.deepEqual(
    shiftRangeThrough(VALUE, [
      { range: r(5, 0, 5, 0), text: 'z\n' },
      { range: r(0, 0, 0, 0), text: '# a\n# b\n' },
    ]),
    r(5, 9, 5, 29),
  );
  assert.equal(
    shiftRangeThrough(VALUE, [
      { range: r(0, 0, 0, 0), text: '\n' },
      { range: r(4, 10, 4, 11), text: '' },
    ]),
    undefined,
  );
});
