import { t } from '../shared/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, DocumentedNameCode, severityOf } from '../shared/codes';
import type { JobDocument, JsonPath } from '../parse/document';
import { valueRange } from '../parse/locate';
import type { DiagnosticData, FixHint } from '../fixes/hint';
import { fieldName, REQUEST_SCHEMA, resolveSchema, type DocumentedNames, type SchemaNode } from '../schema/schema';
import { closestMatch } from '../shared/closestWord';
import { quote } from '../shared/words';

/**
 * Free strings whose names a page of the IMM developer reference lists (`x-documentedNames` in the schema):
 * Transition and VfxEffect. A name off the list is a warning, never an error: the service may know names the
 * page does not list yet, and a warning never blocks Submit. The pages give names only, so nothing here says
 * what a name does.
 */

/** Every text of this feature a user reads, in one place (to be translated as one table). */
export const DOCUMENTED_NAME_TEXT = {
  /** Diagnostic: a name the page does not list. */
  undocumented: (value: string, names: DocumentedNames) => t('{0} is not one of the names on the IMM page "{1}" ({2}).', quote(value), names.title, names.page),
  /** …followed by the closest documented name. */
  didYouMean: (closest: string) => t(' Did you mean {0}?', quote(closest)),
  /** …or, when no name is close, the ones that contain it, if any. */
  similar: (similar: readonly string[]) =>
    similar.length > 0 ? t(' Documented names that contain it: {0}.', similar.map(quote).join(', ')) : t(' No documented name is close to it.'),
  /** Diagnostic: an ffmpeg xfade short name, which the page writes out. */
  shortName: (value: string, spelling: string, names: DocumentedNames) =>
    t('{0} is ffmpeg\'s short name; the IMM page "{1}" ({2}) spells it {3}.', quote(value), names.title, names.page, quote(spelling)),
  /** Hover on a field: where its names come from. */
  fieldNames: (names: DocumentedNames) => t('Documented names ({0}, [{1}]({2})):', names.names.length, names.title, names.page),
  /** Hover on a value. */
  isDocumented: (value: string, names: DocumentedNames) => t('{0} is a documented name: see [{1}]({2}).', quote(value), names.title, names.page),
  isNotDocumented: (value: string, names: DocumentedNames) => t('{0} is not a documented name: see [{1}]({2}).', quote(value), names.title, names.page),
  /** Completion item detail and documentation. */
  completionDetail: () => t('documented name'),
  completionDocumentation: (names: DocumentedNames) => t('Listed on [{0}]({1}) in the IMM developer reference.', names.title, names.page),
} as const;

/** The documented names of a schema node, if it has any. */
export function documentedNamesOf(schema: SchemaNode | undefined): DocumentedNames | undefined {
  return schema?.['x-documentedNames'];
}

/** What to say about a name: nothing when documented; else the documented names it most likely means. */
export interface NameVerdict {
  readonly documented: boolean;
  /**
   * The documented spellings to name: one when the name is an ffmpeg short name or a plain misspelling (then
   * it is also the quick fix); when no name is close, the few that contain it (`open` → circleopen, …).
   */
  readonly replacements: readonly string[];
  /** The name is an ffmpeg xfade short name, whose IMM spelling is certain. */
  readonly shortName: boolean;
  /** The first replacement is a plausible typo fix rather than a pointer to similar names. */
  readonly close: boolean;
}

/** How many names containing it a name with no close match is shown. */
const SIMILAR_NAMES = 3;

export function judgeName(value: string, names: DocumentedNames): NameVerdict {
  if (names.names.includes(value)) return { documented: true, replacements: [], shortName: false, close: false };
  const spelling = names.shortNames?.[value] ?? names.shortNames?.[value.toLowerCase()];
  if (spelling !== undefined) return { documented: false, replacements: [spelling], shortName: true, close: true };
  const squeezed = value.toLowerCase().replace(/[\s_.-]+/g, '');
  if (squeezed === '') return { documented: false, replacements: [], shortName: false, close: false };
  const closest = closestName(squeezed, names.names);
  if (closest !== undefined) return { documented: false, replacements: [closest], shortName: false, close: true };
  return { documented: false, replacements: similarNames(squeezed, names.names), shortName: false, close: false };
}

/**
 * The documented name a misspelling most likely means: the same letters without separators or case
 * (`wipe-left`, `FadeBlack`), then a near typo, then the one name the text begins (`zoom` → `zoomin`).
 */
function closestName(squeezed: string, names: readonly string[]): string | undefined {
  const same = names.find((name) => name === squeezed);
  if (same !== undefined) return same;
  const near = closestMatch(squeezed, names);
  if (near !== undefined) return near;
  const longer = names.filter((name) => squeezed.length >= 3 && name.startsWith(squeezed));
  return longer.length === 1 ? longer[0] : undefined;
}

/** The names that contain the text (`open` → circleopen, horizontalopen, verticalopen): pointers, not fixes. */
function similarNames(squeezed: string, names: readonly string[]): string[] {
  return squeezed.length >= 3 ? names.filter((name) => name.includes(squeezed)).slice(0, SIMILAR_NAMES) : [];
}

// ------------------------------------------------------------------------------------------ diagnostics

/** A path through the schema to a field with documented names; `[]` stands for any item of a list. */
type SchemaPath = readonly (string | '[]')[];

let fieldsWithNames: readonly { readonly path: SchemaPath; readonly names: DocumentedNames }[] | undefined;

/** Where the schema has documented names, found once by walking it. */
function documentedFields(): readonly { readonly path: SchemaPath; readonly names: DocumentedNames }[] {
  if (fieldsWithNames) return fieldsWithNames;
  const found: { path: SchemaPath; names: DocumentedNames }[] = [];
  const visit = (node: SchemaNode, path: SchemaPath, depth: number): void => {
    const resolved = resolveSchema(node);
    const names = documentedNamesOf(resolved);
    if (names) found.push({ path, names });
    if (depth > 12) return;
    for (const [key, child] of Object.entries(resolved.properties ?? {})) visit(child, [...path, key], depth + 1);
    if (resolved.items) visit(resolved.items, [...path, '[]'], depth + 1);
  };
  visit(REQUEST_SCHEMA, [], 0);
  fieldsWithNames = found;
  return found;
}

/** The string values at a schema path in a request, with their concrete paths. */
function valuesAt(value: unknown, path: SchemaPath, at: (string | number)[], out: { path: JsonPath; value: string }[]): void {
  if (path.length === 0) {
    if (typeof value === 'string') out.push({ path: [...at], value });
    return;
  }
  const [head, ...rest] = path;
  if (head === '[]') {
    if (Array.isArray(value)) value.forEach((item, i) => valuesAt(item, rest, [...at, i], out));
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const child = (value as Record<string, unknown>)[head!];
    if (child !== undefined) valuesAt(child, rest, [...at, head!], out);
  }
}

/** A warning for each name at a field with documented names that the page does not list. */
export function documentedNameDiagnostics(doc: JobDocument): Diagnostic[] {
  if (typeof doc.value !== 'object' || doc.value === null) return [];
  const diagnostics: Diagnostic[] = [];
  for (const { path, names } of documentedFields()) {
    const values: { path: JsonPath; value: string }[] = [];
    valuesAt(doc.value, path, [], values);
    for (const { path: at, value } of values) {
      // An empty name is the schema's to report (too-short).
      if (value === '') continue;
      const verdict = judgeName(value, names);
      if (verdict.documented) continue;
      const range = valueRange(doc, at);
      if (!range) continue;
      const [first] = verdict.replacements;
      let message: string;
      if (verdict.shortName && first !== undefined) message = DOCUMENTED_NAME_TEXT.shortName(value, first, names);
      else if (verdict.close && first !== undefined) message = DOCUMENTED_NAME_TEXT.undocumented(value, names) + DOCUMENTED_NAME_TEXT.didYouMean(first);
      else message = DOCUMENTED_NAME_TEXT.undocumented(value, names) + DOCUMENTED_NAME_TEXT.similar(verdict.replacements);
      const diagnostic: Diagnostic = {
        range,
        message,
        code: codeFor(at),
        severity: severityOf(codeFor(at)),
        source: DIAGNOSTIC_SOURCE,
      };
      // Only a certain or plausible spelling becomes a fix: "fix all misspelt values" applies it unasked.
      if (verdict.close && first !== undefined) {
        const fix: FixHint = { kind: 'replace-value', path: at, value: first };
        diagnostic.data = { fixes: [fix] } satisfies DiagnosticData;
      }
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}

const CODES: Readonly<Record<string, DocumentedNameCode>> = { Transition: DocumentedNameCode.Transition, VfxEffect: DocumentedNameCode.VfxEffect };

function codeFor(path: JsonPath): DocumentedNameCode {
  return CODES[fieldName(path)] ?? DocumentedNameCode.Transition;
}

// ------------------------------------------------------------------------------------- hover, completion

/** Markdown for hover and completion documentation: the names, the page, and whether the current value is one. */
export function documentedNamesMarkdown(names: DocumentedNames, current: unknown, hasCurrent: boolean | undefined): string {
  const lines: string[] = [];
  if (hasCurrent && typeof current === 'string' && current !== '') {
    lines.push(names.names.includes(current) ? DOCUMENTED_NAME_TEXT.isDocumented(current, names) : DOCUMENTED_NAME_TEXT.isNotDocumented(current, names));
  }
  lines.push(`${DOCUMENTED_NAME_TEXT.fieldNames(names)} ${names.names.map(quote).join(', ')}`);
  return lines.join('\n\n');
}
