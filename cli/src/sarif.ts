/**
 * `validate --format sarif`: a SARIF 2.1.0 log that GitHub code scanning (and other CI tools) accept. Every code is a
 * rule, the same list every run, with the texts and link of its section of docs/diagnostics.md; results point into
 * the repository (%SRCROOT%) with percent-encoded URIs, and carry fingerprints that survive lines moving.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
  codeDocs,
  codeHelpMarkdown,
  codeHelpText,
  diagnosticHref,
  DIAGNOSTIC_CODES,
  DIAGNOSTIC_SOURCE,
  DIAGNOSTICS_PAGE_PATH,
  stableLocation,
  type DiagnosticCode,
  type JobDocument,
} from '../../core/src/index';
import type { FileReport } from './report';

/** A file's report with what SARIF needs besides: where the file is, and the parse its findings were made in. */
export interface CheckedFile extends FileReport {
  /** Absolute. */
  readonly path: string;
  /** Absent for a file that was not read. */
  readonly doc?: JobDocument;
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** run.automationDetails.id: code scanning's category of these results (the upload step's `category` overrides it). */
export const SARIF_AUTOMATION_ID = 'highlight-task/validate/';
/** The key of partialFingerprints: versioned, so a change of what is hashed starts a new series instead of mixing. */
export const FINGERPRINT_KEY = 'imm-highlight/finding/v1';
const SRCROOT = '%SRCROOT%';

export interface SarifRun {
  readonly tool: { readonly name: string; readonly version: string };
  /** The folder relative URIs are resolved against: the repository's top level, else the working directory. */
  readonly root: string;
  /** The docs page every rule's helpUri points into (file: of the installed page, or a hosted copy). */
  readonly docsPage: string;
  /** Why the run could not check everything it was asked to (a file not found or not read); empty when it did. */
  readonly notifications: readonly SarifNotification[];
}

/** A toolExecutionNotification: what went wrong, and the file it concerns when there is one. */
export interface SarifNotification {
  readonly message: string;
  readonly path?: string;
  readonly code?: DiagnosticCode;
}

const CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

/** The repository's top level (the nearest folder up with a .git, a folder or a worktree's file), else `cwd`. */
export function sourceRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** A file's location: relative to the root (each segment percent-encoded) with %SRCROOT%, else an absolute file: URI. */
export function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** `yaml-syntax` → `YamlSyntax`: SARIF's reportingDescriptor.name, an identifier for people. */
const ruleName = (code: string): string => code.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

function rule(code: DiagnosticCode, docsPage: string): object {
  const entry = codeDocs(code);
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: entry.summary },
    fullDescription: { text: codeHelpText(code).split('\n\n')[0] },
    help: { text: codeHelpText(code), markdown: codeHelpMarkdown(code) },
    helpUri: diagnosticHref(docsPage, code),
    defaultConfiguration: { level: entry.severity },
    properties: { tags: [DIAGNOSTIC_SOURCE, entry.group] },
  };
}

const LEVEL: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

/** A finding's fingerprint: the code, the file and where in the job (not the line), numbered when repeated there. */
function fingerprint(code: string, uri: string, location: string, repeat: number): string {
  return createHash('sha256')
    .update(JSON.stringify([code, uri, location, repeat]))
    .digest('hex');
}

export function formatSarif(reports: readonly CheckedFile[], run: SarifRun): string {
  const results = reports.flatMap((report) => {
    const location = artifactLocation(report.path, run.root);
    const seen = new Map<string, number>();
    return report.diagnostics.map((d: Diagnostic) => {
      const code = d.code === undefined ? 'unknown' : String(d.code);
      const ruleIndex = CODES.indexOf(code as DiagnosticCode);
      const where = report.doc ? stableLocation(report.doc, d.range.start) : 'file';
      const key = JSON.stringify([code, where]);
      const repeat = seen.get(key) ?? 0;
      seen.set(key, repeat + 1);
      return {
        ruleId: code,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: LEVEL[d.severity ?? DiagnosticSeverity.Error],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(code, location.uri, where, repeat) },
      };
    });
  });
  const sarif = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: run.tool.name,
            version: run.tool.version,
            semanticVersion: run.tool.version,
            informationUri: run.docsPage,
            rules: CODES.map((code) => rule(code, run.docsPage)),
          },
        },
        automationDetails: { id: SARIF_AUTOMATION_ID },
        // SARIF wants the base of %SRCROOT% to end in a slash.
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(run.root).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            executionSuccessful: run.notifications.length === 0,
            toolExecutionNotifications: run.notifications.map((notification) => ({
              level: 'error',
              message: { text: notification.message },
              ...(notification.path ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(notification.path, run.root) } }] } : {}),
              ...(notification.code ? { associatedRule: { id: notification.code, index: CODES.indexOf(notification.code) } } : {}),
            })),
          },
        ],
        // LSP positions count UTF-16 code units, which is SARIF's default too; said explicitly for readers.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/**
 * The docs page of the installed package: docs/diagnostics.md beside dist/ (the bundle, dist/cli.js) or, run from
 * the sources (cli/src/), two folders up.
 */
export function installedDocsPage(): string {
  const candidates = [resolve(__dirname, '..', DIAGNOSTICS_PAGE_PATH), resolve(__dirname, '../..', DIAGNOSTICS_PAGE_PATH)];
  return pathToFileURL(candidates.find((file) => existsSync(file)) ?? candidates[0]!).href;
}
