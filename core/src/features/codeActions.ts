import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { JobDocument } from '../parse/document';
import { clampPosition } from '../parse/positions';
import { fixEdits } from '../fixes/edits';
import { fixHintsOf, type FixHint } from '../fixes/hint';
import { FIX_ALL_TITLES, fixTitle } from '../fixes/titles';
import { sameJson } from '../shared/sameJson';
import { validateJob } from '../validate/validate';

/** What the editor's settings tell the fixes; an LSP client that sends none gets titles that assume nothing. */
export interface CodeActionSettings {
  /** The IMM region jobs run in (`immHighlight.region`). */
  readonly region?: string;
}

/**
 * Quick fixes for the diagnostics the editor sends back for `range`, built from the fix hints validation put
 * in `Diagnostic.data`; then, for each kind of fix that occurs more than once in the file, one action fixing all.
 */
export function codeActions(
  doc: JobDocument,
  uri: string,
  requested: Range,
  diagnostics: readonly Diagnostic[],
  settings: CodeActionSettings = {},
): CodeAction[] {
  const fixes = fixActions(doc, uri, requested, diagnostics, settings);
  const actions = fixes.map(({ action }) => action);
  for (const kind of new Set(fixes.map(({ kind }) => kind))) {
    const fixAll = fixAllAction(doc, uri, kind);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * The quick fixes of the given diagnostics alone, without the fix-all actions (those read the file's own findings).
 * The editor's cloud findings, made outside the language server, get theirs from here.
 */
export function quickFixes(
  doc: JobDocument,
  uri: string,
  requested: Range,
  diagnostics: readonly Diagnostic[],
  settings: CodeActionSettings = {},
): CodeAction[] {
  return fixActions(doc, uri, requested, diagnostics, settings).map(({ action }) => action);
}

function fixActions(
  doc: JobDocument,
  uri: string,
  requested: Range,
  diagnostics: readonly Diagnostic[],
  settings: CodeActionSettings,
): { action: CodeAction; kind: FixHint['kind'] }[] {
  const range: Range = { start: clampPosition(doc, requested.start), end: clampPosition(doc, requested.end) };
  const actions: { action: CodeAction; kind: FixHint['kind'] }[] = [];
  let ownFindings: readonly Diagnostic[] | undefined;
  for (const diagnostic of diagnostics) {
    const fixes = fixHintsOf(diagnostic);
    if (fixes.length === 0) continue;
    // A client may send the range back in other units than it got it (Neovim 0.7: UTF-8 bytes, so a line with
    // Chinese text before the finding no longer overlaps the cursor): then the file's own finding with the same
    // code, data and line says where it is.
    if (!overlaps(diagnostic.range, range)) {
      ownFindings ??= validateJob(doc);
      if (!ownFindings.some((own) => sameFinding(own, diagnostic) && overlaps(own.range, range))) continue;
    }
    const didYouMean = fixes.filter((fix) => fix.kind === 'replace-value' || fix.kind === 'rename-key' || fix.kind === 'convert-value');
    for (const fix of fixes) {
      const edits = fixEdits(doc, fix);
      if (!edits) continue;
      const action: CodeAction = {
        title: fixTitle(fix, settings.region),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: edits } },
      };
      if ((didYouMean.length === 1 && didYouMean[0] === fix) || (fix.kind === 'set-value' && fix.preferred === true)) action.isPreferred = true;
      actions.push({ action, kind: fix.kind });
    }
  }
  return actions;
}

/**
 * One action applying the first (the most likely) fix of every diagnostic in the file whose first fix is of
 * `kind`, when there are at least two. Edits that would overlap an earlier one are left for a second round.
 */
function fixAllAction(doc: JobDocument, uri: string, kind: FixHint['kind']): CodeAction | undefined {
  const fixed: Diagnostic[] = [];
  const edits: TextEdit[] = [];
  for (const diagnostic of validateJob(doc)) {
    const first = fixHintsOf(diagnostic)[0];
    if (first?.kind !== kind) continue;
    const fixEditsOfOne = fixEdits(doc, first);
    if (!fixEditsOfOne || fixEditsOfOne.some((edit) => edits.some((taken) => clash(edit.range, taken.range)))) continue;
    edits.push(...fixEditsOfOne);
    fixed.push(diagnostic);
  }
  if (fixed.length < 2) return undefined;
  edits.sort((a, b) => compare(a.range.start, b.range.start));
  return { title: FIX_ALL_TITLES[kind](), kind: CodeActionKind.QuickFix, diagnostics: fixed, edit: { changes: { [uri]: edits } } };
}

type Position = Range['start'];

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Inclusive overlap: a cursor touching either end of a diagnostic asks for its fixes. */
function overlaps(a: Range, b: Range): boolean {
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}

/** The same finding, wherever the client put its columns: code, line and data (compared by value). */
function sameFinding(own: Diagnostic, sent: Diagnostic): boolean {
  return own.code === sent.code && own.range.start.line === sent.range.start.line && sameJson(own.data, sent.data);
}

/** Edits clash when they share more than a boundary, or both insert at the same place (their order would be a guess). */
function clash(a: Range, b: Range): boolean {
  const aEmpty = compare(a.start, a.end) === 0;
  const bEmpty = compare(b.start, b.end) === 0;
  if (aEmpty && bEmpty) return compare(a.start, b.start) === 0;
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}
