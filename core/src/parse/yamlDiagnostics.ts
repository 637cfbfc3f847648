import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLError } from 'yaml';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { t } from '../shared/l10n';
import { DIAGNOSTIC_SOURCE, severityOf, YamlCode } from '../shared/codes';
import { lineEnd, positionOf, type TextLines } from './positions';

/** The diagnostics of the YAML text itself, as the parse finds them: the parse decides when, this module what they say and where. */

/** Turns offsets of the parsed text into a range, clamped onto the text. */
export type ToRange = (start: number, end: number) => Range;

export function rangeMaker(lines: TextLines): ToRange {
  // yaml puts errors about a missing closing bracket one past the end of the text.
  const clamp = (offset: number): number => Math.min(Math.max(0, offset), lines.text.length);
  return (start, end) => ({
    start: positionOf(lines.lineCounter, clamp(start)),
    end: positionOf(lines.lineCounter, clamp(Math.max(start, end))),
  });
}

export function tooLargeDiagnostic(length: number, limit: number): Diagnostic {
  return yamlDiagnostic(
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    t(
      'This file has {0} characters; files over {1} characters are not checked. A highlight job is a few kilobytes.',
      length.toLocaleString('en-US'),
      limit.toLocaleString('en-US'),
    ),
    YamlCode.TooLarge,
  );
}

export function tooDeepDiagnostic(lines: TextLines, offset: number, limit: number): Diagnostic {
  const at = positionOf(lines.lineCounter, offset);
  return yamlDiagnostic(
    { start: at, end: { line: at.line, character: at.character + 1 } },
    t('Brackets or list dashes nest more than {0} levels deep here, so this file is not checked. A highlight job nests a few levels.', limit),
    YamlCode.TooDeep,
  );
}

/** yaml's parser ran out of stack on the text (see parseWhole in document.ts). */
export function parserOutOfStackDiagnostic(lines: TextLines): Diagnostic {
  return yamlDiagnostic(
    { start: { line: 0, character: 0 }, end: positionOf(lines.lineCounter, lineEnd(lines.text, 0)) },
    t(
      'The YAML parser could not follow the structure of this file (it runs out of stack), so it is not checked. Its indentation is probably broken near the start: a job begins with top-level keys such as ProjectName.',
    ),
    YamlCode.TooDeep,
  );
}

/** The diagnostics of a document's errors and warnings, and of a second document after it. */
export function documentDiagnostics(text: string, toRange: ToRange, docs: readonly Document.Parsed[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs.slice(0, 1)) {
    for (const error of doc.errors) diagnostics.push(fromYamlError(error, toRange, text, doc));
    for (const warning of doc.warnings) diagnostics.push(fromYamlError(warning, toRange, text, doc));
  }
  if (docs.length > 1) {
    const start = docs[1]!.range[0];
    diagnostics.push(
      yamlDiagnostic(
        toRange(documentMarkerStart(text, start), lineEnd(text, start)),
        t('A job file holds one request: this second YAML document is ignored. Move it to a file of its own.'),
        YamlCode.MultipleDocuments,
      ),
    );
  }
  return diagnostics;
}

/** What `toJS` threw for `yaml`: an alias without an anchor, or too many nodes from aliases. */
export function aliasDiagnostic(yaml: Document.Parsed, toRange: ToRange, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  // toJS throws for an alias without an anchor too; that is a mistake in the text, not an attack.
  const unresolved = /^Unresolved alias .*: (.*)$/.exec(reason)?.[1];
  const anchor = firstAlias(yaml.contents, unresolved);
  const range = anchor?.range ? toRange(anchor.range[0], anchor.range[1]) : toRange(0, 0);
  return unresolved === undefined
    ? yamlDiagnostic(range, t('Aliases expand to too many nodes ({0}). Write the values out instead of using aliases.', reason), YamlCode.AliasLimit)
    : yamlDiagnostic(range, t('The alias *{0} has no anchor &{0} before it.', unresolved), YamlCode.Syntax);
}

/**
 * The parser's own words behind each syntax diagnostic, whatever the display language: yamlErrors.ts recognises
 * the common errors by them, and a translated message would hide them.
 */
const parserMessages = new WeakMap<Diagnostic, string>();

/** The yaml parser's first sentence for a syntax diagnostic of parseJob; undefined for every other diagnostic. */
export function parserMessageOf(diagnostic: Diagnostic): string | undefined {
  return parserMessages.get(diagnostic);
}

function fromYamlError(error: YAMLError, toRange: ToRange, text: string, doc: Document.Parsed): Diagnostic {
  const [start, end] = error.pos;
  const duplicate = error.code === 'DUPLICATE_KEY';
  // yaml points a duplicate key at its first character only; the squiggle belongs under the whole key,
  // which only the key node knows when it is quoted or holds a colon ("a:b").
  const keyNode = duplicate ? keyNodeAt(doc.contents, start) : undefined;
  const key = keyNode ? String(keyNode.value) : keyTextAt(text, start);
  const message = duplicate
    ? t('Duplicate key {0}: each key may appear once in an object.', JSON.stringify(key))
    : t('YAML: {0}', firstSentence(error.message));
  let range = toRange(start, end);
  if (duplicate) range = keyNode?.range ? toRange(keyNode.range[0], keyNode.range[1]) : toRange(start, start + Math.max(key.length, 1));
  // yaml reports an unclosed quote where the file ends; the opening quote is what the user must find.
  const unclosed = error.code === 'MISSING_CHAR' && /quote/.test(error.message) ? quotedScalarAround(doc.contents, start) : undefined;
  if (unclosed?.range) range = toRange(unclosed.range[0], lineEnd(text, unclosed.range[0]));
  // Likewise an unclosed [ or { is reported on the line after it; point at the bracket's line instead.
  const unclosedFlow = /end with a [\]}]/.test(error.message) ? flowCollectionAround(doc.contents, start) : undefined;
  if (unclosedFlow?.range) range = toRange(unclosedFlow.range[0], lineEnd(text, unclosedFlow.range[0]));
  const diagnostic = yamlDiagnostic(range, message, duplicate ? YamlCode.DuplicateKey : YamlCode.Syntax);
  if (error.name === 'YAMLWarning') diagnostic.severity = DiagnosticSeverity.Warning;
  if (!duplicate) parserMessages.set(diagnostic, firstSentence(error.message));
  return diagnostic;
}

function yamlDiagnostic(range: Range, message: string, code: YamlCode): Diagnostic {
  return { range, message, code, severity: severityOf(code), source: DIAGNOSTIC_SOURCE };
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function keyTextAt(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset, offset + 200));
  return (match?.[0] ?? '').trim();
}

function documentMarkerStart(text: string, offset: number): number {
  const marker = text.lastIndexOf('---', offset);
  return marker !== -1 && text.slice(marker, offset).trim() === '---' ? marker : offset;
}

/** The first node in document order that `match` accepts. */
function findNode(node: unknown, match: (node: Node) => boolean): Node | undefined {
  if (isAlias(node) || isScalar(node)) return match(node) ? node : undefined;
  if (isMap(node) || isSeq(node)) {
    if (match(node)) return node;
    for (const item of node.items) {
      const found = isPair(item) ? (findNode(item.key, match) ?? findNode(item.value, match)) : findNode(item, match);
      if (found) return found;
    }
  }
  return undefined;
}

function firstAlias(node: unknown, source?: string): Node | undefined {
  return findNode(node, (n) => isAlias(n) && (source === undefined || n.source === source));
}

function keyNodeAt(root: unknown, offset: number): Scalar | undefined {
  const found = findNode(root, (n) => isScalar(n) && n.range?.[0] === offset);
  return isScalar(found) ? found : undefined;
}

function flowCollectionAround(root: unknown, offset: number): Node | undefined {
  return findNode(root, (n) => (isMap(n) || isSeq(n)) && !!n.flow && !!n.range && n.range[0] < offset && offset <= n.range[2]);
}

function quotedScalarAround(root: unknown, offset: number): Node | undefined {
  return findNode(
    root,
    (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && !!n.range && n.range[0] < offset && offset <= n.range[2],
  );
}
