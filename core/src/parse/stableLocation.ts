/**
 * Where a position is, in words that stay the same when lines move (blank lines, comments or keys added above): the
 * JSON path of the key or value there, else the text of its line. SARIF's partialFingerprints are made from it, so
 * code scanning keeps following one finding across commits.
 */
import type { Position } from 'vscode-languageserver-types';
import type { JobDocument } from './document';
import { pathAtOffset } from './locate';
import { offsetOf } from './positions';
import { lineStartOf } from './yamlText';

export function stableLocation(doc: JobDocument, position: Position): string {
  const offset = offsetOf(doc, position);
  const at = pathAtOffset(doc, offset);
  if (at) return `${at.onKey ? 'key' : 'value'} ${JSON.stringify(at.path)}`;
  const start = lineStartOf(doc.text, offset);
  const end = doc.text.indexOf('\n', start);
  return `line ${JSON.stringify(doc.text.slice(start, end < 0 ? undefined : end).trim())}`;
}
