import { parseAllDocuments, type Document } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { YamlCode } from '../shared/codes';
import type { JobDocument } from '../parse/document';
import { rangeOf } from '../parse/positions';
import { documentStyle } from '../parse/yamlText';
import { LayoutPlanner, type LinePlan } from './formattingLayout';

export interface FormattingOptions {
  readonly tabSize: number;
  /** Ignored: YAML forbids tabs in indentation, so a job is always indented with spaces. */
  readonly insertSpaces: boolean;
}

/**
 * Re-indents a job to `tabSize` spaces per level (lists one level under their key), writes one space after
 * each key's colon, removes trailing whitespace and ends the file with one line break. Only whitespace
 * changes: comments, key order, quoting, scalar styles, blank lines and every document of the file stay.
 * Returns no edits for a file with YAML syntax errors, whose structure would only be guessed.
 *
 * The `yaml` library's own printer was the first candidate and was rejected: it moves comments that follow
 * a block to the next key's level, drops blank lines before comments, refolds `>` scalars, respaces flow
 * collections and rewrites numbers such as `0x1F`.
 */
export function formatDocument(doc: JobDocument, options: FormattingOptions): TextEdit[] {
  const documents = documentsOf(doc);
  if (!documents || documents.some((document) => document.errors.some((error) => error.code !== 'DUPLICATE_KEY'))) return [];
  const planner = new LayoutPlanner(doc.text, { indent: Math.max(1, Math.floor(options.tabSize)) });
  for (const document of documents) planner.planDocument(document);
  // A job never needs them, and their value depends on their layout: formatting would change it.
  if (planner.hasComplexKeys) return [];
  const formatted = render(planner, documentStyle(doc).eol);
  // A file of blank lines stays as it is: emptied, it would hold no YAML document at all.
  if (formatted.trim() === '' || !sameValues(documents, formatted)) return [];
  return minimalEdit(doc, formatted);
}

/**
 * The safety net under the promise that formatting never changes a job: the result is parsed again and must
 * hold the same documents with the same values, else nothing is edited. It catches what the plan cannot
 * know, such as the parser's own reading of control characters or stray carriage returns.
 */
function sameValues(documents: readonly Document.Parsed[], formatted: string): boolean {
  const again = parseAllDocuments(formatted, { logLevel: 'error' });
  if (!Array.isArray(again) || again.length !== documents.length) return false;
  return documents.every((document, i) => {
    const other = again[i]!;
    return other.errors.length === document.errors.length && JSON.stringify(toPlain(document), mapsAsEntries) === JSON.stringify(toPlain(other), mapsAsEntries);
  });
}

function mapsAsEntries(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value.values()];
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** As in parsing: a real job has no aliases, and a file built to expand them must not stall the formatter. */
const MAX_ALIAS_COUNT = 100;

function toPlain(document: Document.Parsed): unknown {
  try {
    // Maps, not objects: a key that is a collection would otherwise make yaml print a warning.
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
  } catch {
    return undefined;
  }
}

/** Every YAML document of the file; the shared parse holds the first, so the text is parsed again only when there are more. */
function documentsOf(doc: JobDocument): readonly Document.Parsed[] | undefined {
  if (!doc.yaml) return undefined;
  if (!doc.yamlDiagnostics.some((diagnostic) => diagnostic.code === YamlCode.MultipleDocuments)) return [doc.yaml];
  return parseAllDocuments(doc.text, { logLevel: 'error' });
}

interface Line {
  readonly text: string;
  /** Indentation before formatting and after; undefined for blank and comment lines until they are placed. */
  readonly oldIndent: number;
  newIndent: number | undefined;
  readonly plan: LinePlan;
}

function render(planner: LayoutPlanner, eol: string): string {
  const lines: Line[] = [];
  for (let index = 0; index < planner.lineCount; index++) {
    const plan = planner.plans[index]!;
    let text = planner.lineText(index);
    for (const [start, end] of [...(plan.gaps ?? [])].sort((a, b) => b[0] - a[0])) text = `${text.slice(0, start)} ${text.slice(end)}`;
    const oldIndent = plan.blockScalar ? plan.blockScalar.contentIndent : /^[ \t]*/.exec(text)![0].length;
    lines.push({ text, oldIndent, newIndent: newIndentOf(text, oldIndent, plan), plan });
  }
  placeComments(lines);

  const written = lines.map((line) => writeLine(line));
  // Blank lines at the end go, except those a keep-chomping block scalar (`|+`) holds as content.
  while (written.length > 0 && written[written.length - 1] === '' && !lines[written.length - 1]!.plan.blockScalar) written.pop();
  return written.length === 0 ? '' : written.join(eol) + eol;
}

function newIndentOf(text: string, oldIndent: number, plan: LinePlan): number | undefined {
  const place = plan.place;
  if (place && 'column' in place) return place.column;
  if (place) return Math.max(0, oldIndent + place.shift);
  const content = text.trimStart();
  // Comments and blank lines are placed later, beside their neighbours; other unplanned lines (document
  // markers, directives, explicit `?` keys) stay where they are.
  if (content === '' || content.startsWith('#')) return undefined;
  return oldIndent;
}

/**
 * A comment line belongs to the content line next to it whose indentation it shares or exceeds, the
 * following one first (comments usually introduce what follows), and keeps its offset from that line.
 */
function placeComments(lines: Line[]): void {
  const isContent = (line: Line): boolean => line.newIndent !== undefined;
  // The next content line of every line, found in one backward pass: long runs of comments stay linear.
  const nextContent: (Line | undefined)[] = new Array<Line | undefined>(lines.length);
  for (let index = lines.length - 1, next: Line | undefined; index >= 0; index--) {
    nextContent[index] = next;
    if (isContent(lines[index]!)) next = lines[index];
  }
  let previous: Line | undefined;
  lines.forEach((line, index) => {
    if (isContent(line)) {
      previous = line;
      return;
    }
    if (line.text.trim() === '') return;
    const anchors = [nextContent[index], previous].filter((anchor): anchor is Line => anchor !== undefined && anchor.oldIndent <= line.oldIndent);
    const anchor = anchors.sort((a, b) => b.oldIndent - a.oldIndent)[0];
    line.newIndent = anchor ? anchor.newIndent! + (line.oldIndent - anchor.oldIndent) : line.oldIndent;
  });
}

function writeLine(line: Line): string {
  const { text, plan } = line;
  if (plan.blockScalar) {
    // Spaces up to the content indentation are indentation; any beyond it are part of the text.
    if (text.trim() === '' && text.length <= line.oldIndent) return '';
    return ' '.repeat(line.newIndent ?? line.oldIndent) + text.slice(line.oldIndent);
  }
  const content = text.slice(line.oldIndent);
  if (content.trim() === '') return '';
  const body = plan.keepTrailing ? content : content.replace(/[ \t]+$/, '');
  return ' '.repeat(line.newIndent ?? line.oldIndent) + body;
}

/** One edit replacing only the span between the first and the last character that differ. */
function minimalEdit(doc: JobDocument, formatted: string): TextEdit[] {
  const original = doc.text;
  if (formatted === original) return [];
  let start = 0;
  while (start < original.length && start < formatted.length && original[start] === formatted[start]) start++;
  let originalEnd = original.length;
  let formattedEnd = formatted.length;
  while (originalEnd > start && formattedEnd > start && original[originalEnd - 1] === formatted[formattedEnd - 1]) {
    originalEnd--;
    formattedEnd--;
  }
  return [{ range: rangeOf(doc, start, originalEnd), newText: formatted.slice(start, formattedEnd) }];
}
