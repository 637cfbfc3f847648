import assert from 'node:assert/strict';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { codeActions } from '../../core/src/features/codeActions';
import type { JobDocument } from '../../core/src/parse/document';
import { formatDocument } from '../../core/src/features/formatting';
import { documentSymbols } from '../../core/src/features/symbols';
import { validateJob } from '../../core/src/validate/validate';

/**
 * Asserts that two parses of the same text are interchangeable for every feature: the same value, the same
 * diagnostics, the same YAML errors and warnings, and the same tree with the same ranges at every path.
 */
export function assertSameParse(actual: JobDocument, expected: JobDocument): void {
  assert.equal(actual.text, expected.text);
  assert.deepEqual(actual.lineCounter.lineStarts, expected.lineCounter.lineStarts, 'line starts');
  assert.deepEqual(actual.value, expected.value, 'value');
  assert.deepEqual(validateJob(actual), validateJob(expected), 'diagnostics');
  assert.deepEqual(actual.yamlDiagnostics, expected.yamlDiagnostics, 'YAML diagnostics');
  assert.equal(actual.yaml === undefined, expected.yaml === undefined, 'parsed at all');
  if (!actual.yaml || !expected.yaml) return;
  const positions = (errors: readonly { code: string; pos: [number, number]; message: string }[]): unknown[] => errors.map((e) => [e.code, e.pos, e.message]);
  assert.deepEqual(positions(actual.yaml.errors), positions(expected.yaml.errors), 'yaml errors');
  assert.deepEqual(positions(actual.yaml.warnings), positions(expected.yaml.warnings), 'yaml warnings');
  assert.deepEqual(actual.yaml.range, expected.yaml.range, 'document range');
  assertSameNode(actual.yaml.contents, expected.yaml.contents, '$');
  // Features that read more of the Document than ranges: the formatter runs yaml's toJS on it.
  assert.deepEqual(formatDocument(actual, { tabSize: 4, insertSpaces: true }), formatDocument(expected, { tabSize: 4, insertSpaces: true }), 'formatting');
  assert.deepEqual(documentSymbols(actual), documentSymbols(expected), 'symbols');
  const everything = { start: { line: 0, character: 0 }, end: { line: actual.lineCounter.lineStarts.length, character: 0 } };
  const diagnostics = validateJob(expected);
  assert.deepEqual(
    codeActions(actual, 'file:///job.highlight.yaml', everything, diagnostics),
    codeActions(expected, 'file:///job.highlight.yaml', everything, diagnostics),
    'code actions',
  );
}

function assertSameNode(actual: unknown, expected: unknown, path: string): void {
  if (actual === null || expected === null || actual === undefined || expected === undefined) {
    assert.equal(actual ?? null, expected ?? null, path);
    return;
  }
  const a = actual as { range?: unknown; constructor: { name: string } };
  const e = expected as { range?: unknown; constructor: { name: string } };
  assert.equal(a.constructor.name, e.constructor.name, `${path}: node kind`);
  assert.deepEqual(a.range, e.range, `${path}: range`);
  if (isScalar(actual) && isScalar(expected)) {
    assert.deepEqual([actual.value, actual.type, actual.source], [expected.value, expected.type, expected.source], `${path}: scalar`);
  } else if (isAlias(actual) && isAlias(expected)) {
    assert.equal(actual.source, expected.source, `${path}: alias`);
  } else if ((isMap(actual) && isMap(expected)) || (isSeq(actual) && isSeq(expected))) {
    assert.equal(actual.flow ?? false, expected.flow ?? false, `${path}: flow`);
    assert.equal(actual.items.length, expected.items.length, `${path}: items`);
    actual.items.forEach((item, i) => {
      const other = expected.items[i];
      if (isPair(item) && isPair(other)) {
        assertSameNode(item.key, other.key, `${path}.${i}:key`);
        assertSameNode(item.value, other.value, `${path}.${i}`);
      } else {
        assertSameNode(item, other, `${path}[${i}]`);
      }
    });
  }
}
