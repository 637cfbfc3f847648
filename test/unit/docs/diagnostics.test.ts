import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const page = readFileSync(path.resolve(__dirname, '../../../docs/diagnostics.md'), 'utf8');
// One row per code: its anchor, the code, its severity.
const rows = [...page.matchAll(/^\| <a id="([a-z-]+)"><\/a>`([a-z-]+)` \| (error|warning) \|/gm)];
const listedCodes = new Set(rows.map((m) => m[2]!));

// That every code of the registry has its row, with its severity, and no other: test/unit/core/shared/codes.test.ts.

test('each code has one row, and its anchor is the code itself (docs/diagnostics.md#<code>)', () => {
  assert.equal(rows.length, listedCodes.size, 'a code listed twice');
  for (const [, anchor, code] of rows) assert.equal(anchor, code);
});
