import { t } from '../shared/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';
import { SchemaCode } from '../shared/codes';
import type { DiagnosticData, FixHint } from '../fixes/hint';
import { missingPropertiesMessage } from './schemaDiagnostics';
import { quote } from '../shared/words';

/** Message texts of this feature, kept together for translation. */
export const NEAR_MISS_MESSAGES = {
  requiredHere: (key: string): string => t('{0} is required here, so the rename also fixes that.', quote(key)),
};

function hintsOf(diagnostic: Diagnostic): readonly FixHint[] {
  return (diagnostic.data as DiagnosticData | undefined)?.fixes ?? [];
}

const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

/**
 * An unknown key that is a near miss of a missing required key (`Contianer` where Container is required by a
 * rule, `ProjectNme` where the schema requires ProjectName) is one problem, not two; the one place that says so: the missing-property report (from the schema or a rule) would offer to add the key
 * beside the typo, which leaves both. The typo's diagnostic keeps the rename as its first fix and says the key
 * is required; the other report drops the renamed keys, and goes when none is left.
 */
export function mergeNearMisses(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const renames = new Map<string, Diagnostic>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== SchemaCode.Unknown) continue;
    for (const fix of hintsOf(diagnostic)) {
      if (fix.kind === 'rename-key') renames.set(pathKey([...fix.path.slice(0, -1), fix.key]), diagnostic);
    }
  }
  if (renames.size === 0) return [...diagnostics];
  const result: Diagnostic[] = [];
  const explained = new Map<Diagnostic, string[]>();
  for (const diagnostic of diagnostics) {
    const fixes = hintsOf(diagnostic);
    const add = fixes.find((fix): fix is Extract<FixHint, { kind: 'add-properties' }> => fix.kind === 'add-properties');
    if (!add) {
      result.push(diagnostic);
      continue;
    }
    const renamed = add.properties.filter((key) => renames.has(pathKey([...add.path, key])));
    if (renamed.length === 0) {
      result.push(diagnostic);
      continue;
    }
    for (const key of renamed) {
      const typo = renames.get(pathKey([...add.path, key]))!;
      explained.set(typo, [...(explained.get(typo) ?? []), key]);
    }
    const left = add.properties.filter((key) => !renamed.includes(key));
    // A diagnostic that names only the renamed keys goes; one naming others too keeps those (the schema's list).
    if (left.length > 0 && diagnostic.code === SchemaCode.Required) {
      const others = fixes.filter((fix) => fix !== add);
      result.push({
        ...diagnostic,
        message: missingPropertiesMessage(add.path, left),
        data: { fixes: [{ ...add, properties: left }, ...others] } satisfies DiagnosticData,
      });
    }
  }
  return result.map((diagnostic) => {
    const keys = explained.get(diagnostic);
    return keys ? { ...diagnostic, message: `${diagnostic.message} ${keys.map(NEAR_MISS_MESSAGES.requiredHere).join(' ')}` } : diagnostic;
  });
}
