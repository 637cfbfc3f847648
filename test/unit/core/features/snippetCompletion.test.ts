import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../../../core/src/features/completion';
import { parseJob } from '../../../../core/src/parse/document';
import { SNIPPETS } from '../../../../core/src/schema/snippets';
import { withCursor } from '../../../support/markers';

function snippetsAt(marked: string): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return complete(parseJob(text), position).filter((item) => item.kind === CompletionItemKind.Snippet);
}

const labels = (items: readonly CompletionItem[]): string[] => items.map((item) => item.label).sort();
const JOBS = SNIPPETS.filter((s) => s.place.kind === 'job')
  .map((s) => s.prefix)
  .sort();

const JOB = `ProjectName: immtest
Type: Compose
Sources:
  - URI: oss://my-videos/a.mp4
Edit:
  Mode: Sequential
Output:
  URI: oss://my-videos/o.mp4
  Container: mp4
`;

test('whole-job snippets are offered where a job can start: an empty file, a partial first word, only comments', () => {
  assert.deepEqual(labels(snippetsAt('|')), JOBS);
  assert.deepEqual(labels(snippetsAt('hig|')), JOBS);
  assert.deepEqual(labels(snippetsAt('# my first job\n\n|')), JOBS);
});

test('whole-job snippets are not offered in a value, in nested objects, in list items, or once the job has keys', () => {
  const cases = [
    'ProjectName: immtest\nType: Retrieval|',
    'ProjectName: immtest\nType: |',
    'ProjectName: immtest\n|',
    JOB.replace('  Mode: Sequential\n', '  Mode: Sequential\n  |\n'),
    JOB.replace('  Container: mp4\n', '  Container: mp4\n  Video:\n    |\n'),
    JOB.replace('  - URI: oss://my-videos/a.mp4\n', '  - URI: oss://my-videos/a.mp4\n    |\n'),
    JOB.replace('  Mode: Sequential\n', '  Mode: Sequential\n  BackgroundMusics:\n    - |\n'),
    JOB + '|',
  ];
  for (const marked of cases) {
    const offered = labels(snippetsAt(marked));
    for (const prefix of JOBS) assert.ok(!offered.includes(prefix), `${prefix} offered in\n${marked}`);
  }
});

test('a Sources item snippet in Sources, chosen by Type: with StartTime and Duration only for Concat', () => {
  const retrieval = 'ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://my-videos/a.mp4\n  |\n';
  assert.deepEqual(labels(snippetsAt(retrieval)), ['highlight-source']);
  const concat = 'ProjectName: immtest\nType: Concat\nSources:\n  - |\n';
  assert.deepEqual(labels(snippetsAt(concat)), ['highlight-source-clip']);
  const untyped = 'ProjectName: immtest\nSources:\n  - |\n';
  assert.deepEqual(labels(snippetsAt(untyped)), ['highlight-source', 'highlight-source-clip']);
});

test('a Transition in Edit.Transitions, a BackgroundMusic in Edit.BackgroundMusics, the Output where the job has none', () => {
  assert.deepEqual(labels(snippetsAt(JOB.replace('  Mode: Sequential\n', '  Mode: Sequential\n  Transitions:\n    |\n'))), ['highlight-transition']);
  assert.deepEqual(labels(snippetsAt(JOB.replace('  Mode: Sequential\n', '  Mode: Sequential\n  BackgroundMusics:\n    - |\n'))), [
    'highlight-background-music',
  ]);
  const withoutOutput = JOB.slice(0, JOB.indexOf('Output:'));
  assert.deepEqual(labels(snippetsAt(withoutOutput + '|')), ['highlight-output-video']);
  assert.deepEqual(labels(snippetsAt(JOB + '|')), []);
});

test('an item snippet at the column of the dashes starts its own item, indented as the file is', () => {
  const marked = 'ProjectName: immtest\nType: Concat\nSources:\n    - URI: oss://my-videos/a.mp4\n    |\n';
  const [item] = snippetsAt(marked);
  assert.ok(item);
  assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
  const { newText } = item.textEdit as TextEdit;
  assert.equal(newText.split('\n')[0], '- URI: ${1:oss://your-bucket/input.mp4}');
  // Four spaces per level in this file: the next key lines up under URI, two columns right of the dash.
  assert.match(newText.split('\n')[1]!, /^ {6}StartTime: /);
});

test('the job snippets come first in an empty file, item snippets after the keys', () => {
  const items = complete(parseJob(''), { line: 0, character: 0 });
  const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  assert.equal(sorted[0]?.kind, CompletionItemKind.Snippet);
  const inSources = complete(parseJob('Type: Concat\nSources:\n  - |\n'), { line: 2, character: 4 });
  const sortedInSources = [...inSources].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  assert.equal(sortedInSources[sortedInSources.length - 1]?.kind, CompletionItemKind.Snippet);
});
