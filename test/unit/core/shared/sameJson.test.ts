import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameJson } from '../../../../core/src/shared/sameJson';

test('equal by value: object keys in any order, nested', () => {
  assert.ok(
    sameJson(
      { fixes: [{ kind: 'replace-value', path: ['Output', 'Container'], value: 'mp4' }] },
      { fixes: [{ value: 'mp4', path: ['Output', 'Container'], kind: 'replace-value' }] },
    ),
  );
  assert.ok(sameJson(null, null));
  assert.ok(sameJson({ a: 1, b: undefined }, { a: 1 }));
});

test('different: another value, array order, a missing key, types', () => {
  assert.ok(!sameJson({ path: ['Output', 'Container'] }, { path: ['Container', 'Output'] }));
  assert.ok(!sameJson({ a: 1, b: 2 }, { a: 1 }));
  assert.ok(!sameJson({ a: 1 }, { a: '1' }));
  assert.ok(!sameJson([], {}));
  assert.ok(!sameJson(undefined, null));
});
