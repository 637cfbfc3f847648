import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { markdownReport, replaceBetweenMarkers, TABLE_BEGIN, TABLE_END } from '../../../bench/performanceDoc';

const report = {
  machine: '2026-12-06T11:00:00.000Z  2 cores, 24 GiB, AMD EPYC, Node v20.20.2, load 1.0 1.0 1.0',
  table: [
    ['measure', 'ours median', 'ours p95', 'yaml-ls median', 'yaml-ls p95', 'yaml-ls / ours'],
    ['  server CPU time until then', '140 ms', '160 ms', '545 ms', '570 ms', '3.9×'],
    ['a | b', '1.00 ms', '2.00 ms', 'n/a', 'n/a', 'n/a'],
  ],
  inProcess: ['complete(): 0.01 ms / 0.02 ms'],
  targets: [
    { target: 'completion under 1 ms', value: '0.36 ms', met: true },
    { target: 'peak RSS under 150 MiB', value: '180 MiB', met: false },
  ],
};

test('the bench report is a Markdown table with one row per measure, pipes escaped', () => {
  const markdown = markdownReport(report);
  assert.match(markdown, /^\| measure \| ours median \| ours p95 \| yaml-ls median \| yaml-ls p95 \| yaml-ls \/ ours \|$/m);
  assert.match(markdown, /^\| --- \| --- \| --- \| --- \| --- \| --- \|$/m);
  assert.match(markdown, /^\| server CPU time until then \| 140 ms \| 160 ms \| 545 ms \| 570 ms \| 3\.9× \|$/m);
  assert.match(markdown, /^\| a \\\| b \| 1\.00 ms \|/m);
  assert.match(markdown, /^\| completion under 1 ms \| 0\.36 ms \| met \|$/m);
  assert.match(markdown, /^\| peak RSS under 150 MiB \| 180 MiB \| not met \|$/m);
  assert.match(markdown, /^- complete\(\): 0\.01 ms \/ 0\.02 ms$/m);
});

test('only the text between the markers is replaced', () => {
  const before = `# Performance\n\nintro\n\n${TABLE_BEGIN}\nold table\n${TABLE_END}\n\nafter\n`;
  const after = replaceBetweenMarkers(before, 'new table');
  assert.equal(after, `# Performance\n\nintro\n\n${TABLE_BEGIN}\nnew table\n${TABLE_END}\n\nafter\n`);
  assert.equal(replaceBetweenMarkers(after, 'new table'), after);
});

test('missing, doubled or swapped markers are an error, not a silently appended table', () => {
  assert.throws(() => replaceBetweenMarkers('no markers', 'x'));
  assert.throws(() => replaceBetweenMarkers(`${TABLE_END}\n${TABLE_BEGIN}`, 'x'));
  assert.throws(() => replaceBetweenMarkers(`${TABLE_BEGIN}\n${TABLE_END}\n${TABLE_BEGIN}\n${TABLE_END}`, 'x'));
});

test('docs/performance.md holds the markers the bench writes between', () => {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/performance.md'), 'utf8');
  assert.doesNotThrow(() => replaceBetweenMarkers(doc, 'x'));
});
