/**
 * What only follows from a YAML syntax error, found by asking what the job says without it: the broken lines
 * are blanked and the rest is checked again. A schema or rule finding that the repaired text does not repeat
 * (same code, place and words) exists only because the parser misread the broken lines (an unclosed quote
 * that swallows `Output`, a tab that turns a list into a key), so it is the error's consequence, not a
 * problem of its own. Works for every parser error kind alike, not only for those yamlErrors.ts explains.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { chunkedParseSettings } from '../parse/chunkedParse';
import { parseWholeJob, type JobDocument } from '../parse/document';
import { SchemaCode, YamlCode, type DiagnosticCode } from '../shared/codes';

/** The YAML errors themselves are the cause, never the consequence (`file-too-large` included, though not `yaml-`). */
const YAML_CODES = new Set<unknown>(Object.values(YamlCode));

/**
 * Codes reported at the key of an object whose keys a broken line below may hold: a missing key, or an object that
 * is empty (`Output:` whose only key was indented with a tab). The repaired job, without the broken line, says the
 * same, so these are judged by where they stand instead.
 */
const OWNER_CASCADE_CODES = new Set<unknown>([SchemaCode.Required, SchemaCode.Type, 'container-required'] satisfies DiagnosticCode[]);

/** A repair that still has syntax errors is repaired again, this often at most (each round blanks more lines). */
const MAX_REPAIR_ROUNDS = 3;

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
  /**
   * The job without its broken lines, re-parsed until it has no syntax error left (or MAX_REPAIR_ROUNDS). Absent
   * for a job large enough to be parsed by chunks: a whole second parse would cost every keystroke hundreds of
   * milliseconds while the error stands, so there only what stands on a broken line or its owner's key is dropped.
   */
  readonly job?: JobDocument;
  /** The lines of the syntax errors: what the schema and rules say there is the parser's misreading. */
  readonly brokenLines: ReadonlySet<number>;
  /** The lines of the keys whose objects hold a broken line: what is missing there may be on the broken line. */
  readonly ownerLines: ReadonlySet<number>;
}

export function repairedJob(doc: JobDocument, explained: readonly Diagnostic[]): Repair | undefined {
  let broken = brokenLines(explained);
  if (broken.size === 0) return undefined;
  const lines = doc.text.split('\n');
  // An indented broken line may have been swallowed by the value on the line above (a key indented too far): that
  // line's object may miss what the broken line holds too.
  const ownerLines = new Set(
    [...broken].flatMap((line) =>
      /^[ \t]/.test(lines[line] ?? '') && line > 0 ? [ownerLine(lines, line), ownerLine(lines, line - 1)] : [ownerLine(lines, line)],
    ),
  );
  // Without a repaired job to compare with, every key that encloses a broken line may miss what the misreading
  // took (an unclosed quote takes the rest of the file): absence at any of them is not reported.
  if (doc.text.length >= chunkedParseSettings.minLength)
    return { brokenLines: broken, ownerLines: new Set([...broken].flatMap((line) => enclosingKeyLines(lines, line))) };
  const first = broken;
  let repaired = doc;
  const blanked = new Set<number>();
  for (let round = 0; round < MAX_REPAIR_ROUNDS && broken.size > 0; round++) {
    for (const line of broken) blanked.add(line);
    repaired = parseWholeJob(withBlankLines(doc.text, blanked));
    broken = brokenLines(repaired.yamlDiagnostics);
  }
  return { job: repaired, brokenLines: first, ownerLines };
}

function identity(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${String(diagnostic.code)}@${start.line}:${start.character}-${end.line}:${end.character} ${diagnostic.message}`;
}

/**
 * Keeps the YAML diagnostics and every other finding that the repaired job repeats exactly, except what stands on a
 * broken line, and a missing key or an empty object reported at a key whose object holds a broken line (the key may
 * be on that line); `check` is the same schema and rule pass the original went through.
 */
export function withoutYamlConsequences(
  diagnostics: readonly Diagnostic[],
  repair: Repair | undefined,
  check: (doc: JobDocument) => readonly Diagnostic[],
): Diagnostic[] {
  if (!repair) return [...diagnostics];
  const repeated = repair.job && new Set(check(repair.job).map(identity));
  return diagnostics.filter((d) => {
    if (YAML_CODES.has(d.code)) return true;
    const line = d.range.start.line;
    if (repair.brokenLines.has(line) || (OWNER_CASCADE_CODES.has(d.code) && repair.ownerLines.has(line))) return false;
    return repeated === undefined || repeated.has(identity(d));
  });
}

/** The line of the key that a line belongs to: the nearest line above that is indented less (the first key for the top level). */
function ownerLine(lines: readonly string[], line: number): number {
  const indent = /^[ \t]*/.exec(lines[line] ?? '')![0].length;
  for (let above = line - 1; above >= 0; above--) {
    const text = lines[above]!;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    if (indent > 0 && /^[ ]*/.exec(text)![0].length < indent) return above;
  }
  return lines.findIndex((text) => text.trim() !== '' && !text.trimStart().startsWith('#'));
}

/** The lines of every key that encloses a line, from its owner up to the top level's first key. */
function enclosingKeyLines(lines: readonly string[], line: number): number[] {
  const found: number[] = [];
  for (let at = line; ;) {
    const owner = ownerLine(lines, at);
    if (owner < 0 || found.includes(owner)) return found;
    found.push(owner);
    if (owner >= at) return found;
    at = owner;
  }
}
