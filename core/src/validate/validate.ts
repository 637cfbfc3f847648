import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, severityOf } from '../shared/codes';
import type { JobDocument } from '../parse/document';
import { keyRange, valueRange } from '../parse/locate';
import { documentedNameDiagnostics } from './documentedNames';
import type { DiagnosticData } from '../fixes/hint';
import { duplicatedKeyPaths } from '../parse/duplicateKeys';
import { mergeNearMisses } from './nearMiss';
import { PLACEHOLDER_RULE } from './placeholders';
import { API_RULES, checkRule, type ApiRule } from './rules';
import { explainedYamlDiagnostics } from './yamlErrors';
import { schemaDiagnostics } from './schemaDiagnostics';
import { repairedJob, withoutYamlConsequences } from './yamlConsequences';

/** The API's rules and the snippets' placeholders, which are no rule of the API but are checked the same way. */
const CHECKED_RULES: readonly ApiRule[] = [...API_RULES, PLACEHOLDER_RULE];

const cache = new WeakMap<JobDocument, readonly Diagnostic[]>();

/**
 * Every problem of a job: YAML, schema, then the API's cross-field rules. Computed once per parsed document,
 * so diagnostics, code actions and the CLI share one result.
 */
export function validateJob(doc: JobDocument): Diagnostic[] {
  let diagnostics = cache.get(doc);
  if (!diagnostics) {
    const explained = explainedYamlDiagnostics(doc);
    diagnostics = withoutYamlConsequences([...explained, ...findingsOf(doc)], repairedJob(doc, explained), findingsOf).sort(byPosition);
    cache.set(doc, diagnostics);
  }
  return [...diagnostics];
}

/** What the schema, the rules and the documented names say about a job, before the YAML errors are weighed. */
function findingsOf(doc: JobDocument): Diagnostic[] {
  return mergeNearMisses([...schemaDiagnostics(doc), ...ruleDiagnostics(doc, CHECKED_RULES), ...documentedNameDiagnostics(doc)]);
}

export function ruleDiagnostics(doc: JobDocument, rules: readonly ApiRule[] = API_RULES): Diagnostic[] {
  const request = doc.value;
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return [];
  const diagnostics: Diagnostic[] = [];
  const ambiguous = duplicatedKeyPaths(doc);
  for (const rule of rules) {
    checkRule(rule, request as Record<string, unknown>, ambiguous, (finding) => {
      const range = finding.at === 'key' ? keyRange(doc, finding.path) : valueRange(doc, finding.path);
      if (!range) return;
      const diagnostic: Diagnostic = {
        range,
        message: finding.message,
        code: rule.code,
        severity: severityOf(rule.code),
        source: DIAGNOSTIC_SOURCE,
      };
      if (finding.fixes?.length) diagnostic.data = { fixes: finding.fixes } satisfies DiagnosticData;
      diagnostics.push(diagnostic);
    });
  }
  return diagnostics;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
