/**
 * What only follows from a YAML syntax error, found by asking what the job says without it: the broken lines
 * are blanked and the rest is checked again. A schema or rule finding that the repaired text does not repeat
 * (same code, place and words) exists only because the parser misread the broken lines (an unclosed quote
 * that swallows `Output`, a tab that turns a list into a key), so it is the error's consequence, not a
 * problem of its own. Works for every parser error kind alike, not only for those yamlErrors.ts explains.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseWholeJob, type JobDocument } from '../parse/document';
import { YamlCode } from '../shared/codes';
import { OWNER_CASCADE_CODES, ownerLine } from './yamlErrors';

/** A repair that still has syntax errors is repaired again, this often at most (each round blanks more lines). */
const MAX_REPAIR_ROUNDS = 3;

const YAML_CODES = new Set<unknown>(Object.values(YamlCode));

/** Errors that make the parser misread text, by line; a second document is one too (its `---` splits the job). */
const MISREADING_CODES = new Set<unknown>([YamlCode.Syntax, YamlCode.MultipleDocuments]);

/**
 * The line where each syntax error starts, as the explained diagnostics place it (the line at fault, which is
 * not always where the parser noticed). Only the first line: a parser error's range may run to the end of
 * the file, and blanking all of it would take the innocent lines below with it.
 */
export function brokenLines(explained: readonly Diagnostic[]): ReadonlySet<number> {
  return new Set(explained.filter((d) => MISREADING_CODES.has(d.code)).map((d) => d.range.start.line));
}

/** The text with the given lines emptied; every other line keeps its number and columns. */
export function withBlankLines(text: string, lines: ReadonlySet<number>): string {
  return text
    .split('\n')
    .map((line, index) => (lines.has(index) ? (line.endsWith('\r') ? '\r' : '') : line))
    .join('\n');
}

export interface Repair {
  /** The job without its broken lines, re-parsed until it has no syntax error left (or MAX_REPAIR_ROUNDS). */
  readonly job: JobDocument;
  /** The lines of the keys whose objects hold a broken line: what is missing there may be on the broken line. */
  readonly ownerLines: ReadonlySet<number>;
}

export function repairedJob(doc: JobDocument, explained: readonly Diagnostic[]): Repair | undefined {
  let broken = brokenLines(explained);
  if (broken.size === 0) return undefined;
  const lines = doc.text.split('\n');
  const ownerLines = new Set([...broken].map((line) => ownerLine(lines, line)));
  let repaired = doc;
  const blanked = new Set<number>();
  for (let round = 0; round < MAX_REPAIR_ROUNDS && broken.size > 0; round++) {
    for (const line of broken) blanked.add(line);
    repaired = parseWholeJob(withBlankLines(doc.text, blanked));
    broken = brokenLines(repaired.yamlDiagnostics);
  }
  return { job: repaired, ownerLines };
}

function identity(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${String(diagnostic.code)}@${start.line}:${start.character}-${end.line}:${end.character} ${diagnostic.message}`;
}

/**
 * Keeps the YAML diagnostics and every other finding that the repaired job repeats exactly, except a missing
 * key or an empty object reported at a key whose object holds a broken line (the key may be on that line);
 * `check` is the same schema and rule pass the original went through.
 */
export function withoutYamlConsequences(
  diagnostics: readonly Diagnostic[],
  repair: Repair | undefined,
  check: (doc: JobDocument) => readonly Diagnostic[],
): Diagnostic[] {
  if (!repair) return [...diagnostics];
  const repeated = new Set(check(repair.job).map(identity));
  return diagnostics.filter(
    (d) => YAML_CODES.has(d.code) || (repeated.has(identity(d)) && !(OWNER_CASCADE_CODES.has(d.code) && repair.ownerLines.has(d.range.start.line))),
  );
}
