import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { codeActions } from '../../../../core/src/features/codeActions';
import { complete } from '../../../../core/src/features/completion';
import { parseJob, type JobDocument } from '../../../../core/src/parse/document';
import { clampPosition, offsetOf } from '../../../../core/src/parse/positions';
import { hover } from '../../../../core/src/features/hover';
import { validateJob } from '../../../../core/src/validate/validate';

const LINES = [
  'ProjectName: immtest',
  'Type: Retrieval',
  'Sources:',
  '  - URI: oss://test-bucket/input.mp4',
  'Output:',
  '  URI: oss://test-bucket/output.mp4',
  '  Container: mp4',
];

const LINE_ENDS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

function answers(doc: JobDocument, position: Position): string {
  return JSON.stringify({ hover: hover(doc, position), completion: complete(doc, position) });
}

describe('positions past the end of a line (LSP: they mean the end of the line)', () => {
  for (const [name, eol] of Object.entries(LINE_ENDS)) {
    for (const trailing of ['', eol]) {
      test(`${name} line ends${trailing ? '' : ', no final line break'}: hover and completion answer as at the line's end`, () => {
        const doc = parseJob(LINES.join(eol) + trailing);
        LINES.forEach((line, i) => {
          const atEnd = { line: i, character: line.length };
          const past = { line: i, character: line.length + 25 };
          assert.equal(offsetOf(doc, past), offsetOf(doc, atEnd), `offset of line ${i}`);
          assert.deepEqual(clampPosition(doc, past), atEnd);
          assert.equal(answers(doc, past), answers(doc, atEnd), `line ${i}`);
        });
      });
    }
  }

  test('the example of the report: character 40 on the 15-character line 1 hovers Type, not Sources', () => {
    for (const eol of Object.values(LINE_ENDS)) {
      const doc = parseJob(LINES.join(eol) + eol);
      const result = hover(doc, { line: 1, character: 40 });
      assert.ok(result, `no hover with ${JSON.stringify(eol)}`);
      assert.deepEqual(result.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } });
      assert.match(JSON.stringify(result.contents), /\*\*Type\*\*/);
      assert.deepEqual(
        complete(doc, { line: 1, character: 40 })
          .map((item) => item.label)
          .sort(),
        ['Compose', 'Concat', 'Retrieval'],
      );
    }
  });

  test('a line past the last is the end of the text; negative numbers are the start of their line', () => {
    const text = LINES.join('\r\n') + '\r\n';
    const doc = parseJob(text);
    assert.equal(offsetOf(doc, { line: 99, character: 3 }), text.length);
    assert.equal(offsetOf(doc, { line: 1, character: -4 }), offsetOf(doc, { line: 1, character: 0 }));
  });

  test('code actions for a range past the end of a line are those of the line end', () => {
    const doc = parseJob(LINES.join('\r\n').replace('Type: Retrieval', 'Type: retrieval') + '\r\n');
    const diagnostics: Diagnostic[] = validateJob(doc);
    const past = { line: 1, character: 40 };
    const atEnd = { line: 1, character: 15 };
    const actions = codeActions(doc, 'file:///job.highlight.yaml', { start: past, end: past }, diagnostics);
    assert.ok(actions.some((action) => action.title.includes('Retrieval')));
    assert.deepEqual(actions, codeActions(doc, 'file:///job.highlight.yaml', { start: atEnd, end: atEnd }, diagnostics));
  });
});
