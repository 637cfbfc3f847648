import type { ErrorObject } from 'ajv';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, SchemaCode, severityOf } from '../shared/codes';
import type { JobDocument, JsonPath } from '../parse/document';
import { keyRange, valueRange } from '../parse/locate';
import type { DiagnosticData, FixHint } from '../fixes/hint';
import { t } from '../shared/l10n';
import { describeValue, formatList, quote } from '../shared/words';
import { displayPath, REQUEST_SCHEMA, resolveSchema, schemaAtPath, type SchemaNode } from '../schema/schema';
import { schemaErrors } from '../schema/schemaValidator';
import { closestMatch, closestNumber } from '../shared/closestWord';
import { nearestBoundFix, neutralValueFix, numberTextFix, resolutionFix } from '../fixes/producers';
import { SNIPPETS } from '../schema/snippets';

/** Schema problems of a parsed job, each at the key or value it is about, in words a user reads. */
export function schemaDiagnostics(doc: JobDocument): Diagnostic[] {
  // No value to check: the file was too large, or its aliases could not be expanded; the YAML problem says why.
  if (doc.yaml === undefined ? doc.yamlDiagnostics.length > 0 : doc.value === undefined) return [];
  // An empty file (or only comments) is a request without any of its required properties.
  if (doc.value === undefined || doc.value === null) return [emptyJob()];
  const errors = schemaErrors(doc.value);
  // A value of the wrong type also fails its enum, range or pattern: the type is the one thing to report.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const diagnostics: Diagnostic[] = [];
  const missingByObject = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    if (error.keyword === 'required') {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const list = missingByObject.get(error.instancePath);
      if (list) list.push(missing);
      else missingByObject.set(error.instancePath, [missing]);
      continue;
    }
    const diagnostic = toDiagnostic(doc, error);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  // One diagnostic per object that lacks properties, so one quick fix adds them all. A misspelt key (`Contnet`)
  // that also leaves its property missing is merged with it afterwards, with the rules' findings (nearMiss.ts).
  for (const [pointer, names] of missingByObject) diagnostics.push(missingProperties(doc, pointerToPath(pointer, doc.value), names));
  return diagnostics;
}

function emptyJob(): Diagnostic {
  const required = REQUEST_SCHEMA.required ?? [];
  return make(
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    t('The job is empty: a request needs {0} and {1}.', required.slice(0, -1).map(quote).join(', '), quote(required[required.length - 1] ?? '')),
    SchemaCode.Required,
    [
      ...SNIPPETS.flatMap((snippet): FixHint[] => (snippet.type ? [{ kind: 'insert-job', path: [], type: snippet.type }] : [])),
      { kind: 'add-properties', path: [], properties: required },
    ],
  );
}

function missingProperties(doc: JobDocument, path: JsonPath, missing: readonly string[]): Diagnostic {
  return make(keyRange(doc, path), missingPropertiesMessage(path, missing), SchemaCode.Required, [{ kind: 'add-properties', path, properties: missing }]);
}

/** The missing-property message; also when near misses (nearMiss.ts) take some of the names away. */
export function missingPropertiesMessage(path: JsonPath, missing: readonly string[]): string {
  const where = path.length === 0 ? t('The request') : displayPath(path);
  const names = missing.map(quote);
  return names.length === 1
    ? t('{0} is missing the required property {1}.', where, names[0]!)
    : t('{0} is missing the required properties {1} and {2}.', where, names.slice(0, -1).join(', '), names[names.length - 1]!);
}

function toDiagnostic(doc: JobDocument, error: ErrorObject): Diagnostic | undefined {
  const path = pointerToPath(error.instancePath, doc.value);
  const schema = error.parentSchema as SchemaNode | undefined;
  const name = displayPath(path);
  const data: unknown = error.data;
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(resolveSchema(schemaAtPath(path) ?? {}).properties ?? {});
      const suggestion = closestMatch(unknown, known);
      const where = path.length === 0 ? t('the request') : name;
      const fixes: FixHint[] = suggestion ? [{ kind: 'rename-key', path: [...path, unknown], key: suggestion }] : [];
      fixes.push({ kind: 'remove-property', path: [...path, unknown] });
      const hint = suggestion ? t(' Did you mean {0}?', quote(suggestion)) : '';
      const what =
        unknown === ''
          ? t('A value without a key in {0}: write the key before the colon.', where)
          : t('Unknown property {0} in {1}.', quote(unknown), where) + hint;
      return make(keyRange(doc, [...path, unknown]), what + t(' Valid: {0}.', formatList(known)), SchemaCode.Unknown, fixes);
    }
    case 'type': {
      const expected = (error.params as { type: string }).type;
      if (isJsonTextAsYaml(path, data, expected)) {
        return make(
          valueRange(doc, path),
          Array.isArray(data)
            ? t('{0} must be a string: the API takes it as text, usually a JSON document. The quick fix turns this list into that JSON text.', name)
            : t('{0} must be a string: the API takes it as text, usually a JSON document. The quick fix turns this mapping into that JSON text.', name),
          SchemaCode.Type,
          [{ kind: 'to-json-string', path }],
        );
      }
      const subject = path.length === 0 ? t('The request') : name;
      // `Type:` with nothing after it is a value not chosen yet: the choices help more than the type's name.
      if ((data === null || data === undefined) && schema?.enum) {
        return make(valueRange(doc, path), t('{0} is empty. Valid: {1}.', subject, formatList(schema.enum.map(String))), SchemaCode.Type);
      }
      // A whole file that is one text is not a job (a credentials file, a token): its text is not repeated.
      const found = path.length === 0 && typeof data === 'string' ? t('a text of {0} characters', [...data].length) : describeValue(data);
      const asNumber = numberTextFix(path, data, expected);
      return make(valueRange(doc, path), t('{0} must be {1}; it is {2}.', subject, article(expected), found), SchemaCode.Type, asNumber ? [asNumber] : []);
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: readonly (string | number)[] }).allowedValues;
      // Numbers too: 44000 for 44100 is the same slip as aac for AAC, but nearness is numeric there.
      const numbers = allowed.filter((value): value is number => typeof value === 'number');
      const suggestion =
        typeof data === 'string'
          ? closestMatch(data, allowed.map(String))
          : typeof data === 'number' && numbers.length > 0
            ? closestNumber(data, numbers)?.toString()
            : undefined;
      const replacement = suggestion === undefined ? undefined : allowed.find((value) => String(value) === suggestion);
      const hint = suggestion ? t(' Did you mean {0}?', quote(suggestion)) : '';
      return make(
        valueRange(doc, path),
        t('{0} is not a valid {1}.', quote(String(data)), name) + hint + t(' Valid: {0}.', formatList(allowed.map(String))),
        SchemaCode.Enum,
        replacement === undefined ? [] : [{ kind: 'replace-value', path, value: replacement }],
      );
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const fixes = [neutralValueFix(path, data, schema), nearestBoundFix(path, data, schema, error.keyword)].filter((fix) => fix !== undefined);
      return make(valueRange(doc, path), t('{0} is {1}; {2}.', name, String(data), rangeText(schema)), SchemaCode.Range, fixes);
    }
    case 'maxLength':
      return make(
        valueRange(doc, path),
        t('{0} has {1} characters; at most {2} are allowed.', name, [...String(data)].length, schema?.maxLength ?? 0),
        SchemaCode.TooLong,
      );
    case 'minLength':
      // The OSS URI rule already says that an empty URI is not one; a second diagnostic would only repeat it.
      if (schema?.['x-format'] === 'oss-uri') return undefined;
      return make(valueRange(doc, path), t('{0} must not be empty.', name), SchemaCode.TooShort);
    case 'maxItems': {
      const max = schema?.maxItems ?? 0;
      const count = Array.isArray(data) ? data.length : 0;
      return make(
        keyRange(doc, path),
        max === 1 ? t('{0} has {1} items; at most 1 is allowed.', name, count) : t('{0} has {1} items; at most {2} are allowed.', name, count, max),
        SchemaCode.TooManyItems,
      );
    }
    case 'minItems':
      return make(
        keyRange(doc, path),
        schema?.minItems === 1 ? t('{0} needs at least 1 item.', name) : t('{0} needs at least {1} items.', name, schema?.minItems ?? 0),
        SchemaCode.TooFewItems,
      );
    case 'pattern':
      // OSS URIs get a rule of their own that says which part is wrong.
      if (schema?.['x-format'] === 'oss-uri') return undefined;
      // An empty value is reported by minLength already; a value the YAML error there (an open quote) runs on is that error's.
      if (data === '' && schema?.minLength) return undefined;
      if (startsAtYamlError(doc, valueRange(doc, path))) return undefined;
      return make(
        valueRange(doc, path),
        t('{0} is not valid for {1}: expected {2}.', quote(String(data)), name, schema?.['x-patternMessage'] ?? t('text matching {0}', schema?.pattern ?? '')),
        SchemaCode.Pattern,
        [resolutionFix(path, data, schema)].filter((fix): fix is FixHint => fix !== undefined),
      );
    default:
      return make(valueRange(doc, path), t('{0}: {1}.', name, error.message ?? t('invalid value')), SchemaCode.Type);
  }
}

function startsAtYamlError(doc: JobDocument, range: Range | undefined): boolean {
  return !!range && doc.yamlDiagnostics.some((d) => d.range.start.line === range.start.line && d.range.start.character === range.start.character);
}

function make(range: Range | undefined, message: string, code: SchemaCode, fixes: FixHint[] = []): Diagnostic {
  const diagnostic: Diagnostic = {
    range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message,
    code,
    severity: severityOf(code),
    source: DIAGNOSTIC_SOURCE,
  };
  if (fixes.length > 0) diagnostic.data = { fixes } satisfies DiagnosticData;
  return diagnostic;
}

/** Fields whose text is a JSON document, so a YAML mapping or list there can be turned into that text. */
const JSON_TEXT_FIELDS = new Set(['UserData', 'CredentialConfig.Policy']);

/**
 * UserData written as a YAML mapping: a common slip with a one-click fix. Other string fields (Type,
 * ProjectName) given a mapping are plain mistakes: turning them into JSON text would not help.
 */
function isJsonTextAsYaml(path: JsonPath, data: unknown, expected: string): boolean {
  return expected === 'string' && JSON_TEXT_FIELDS.has(displayPath(path)) && typeof data === 'object' && data !== null;
}

function article(type: string): string {
  switch (type) {
    case 'integer':
      return t('a whole number');
    case 'number':
      return t('a number');
    case 'string':
      return t('text (a string)');
    case 'boolean':
      return t('true or false');
    case 'object':
      return t('a mapping of keys to values');
    case 'array':
      return t('a list');
    default:
      return type;
  }
}

function rangeText(schema: SchemaNode | undefined): string {
  if (!schema) return t('it is out of range');
  const low =
    schema.exclusiveMinimum !== undefined
      ? t('greater than {0}', schema.exclusiveMinimum)
      : schema.minimum !== undefined
        ? t('at least {0}', schema.minimum)
        : '';
  const high =
    schema.exclusiveMaximum !== undefined ? t('less than {0}', schema.exclusiveMaximum) : schema.maximum !== undefined ? t('at most {0}', schema.maximum) : '';
  const both = low && high ? t('{0} and {1}', low, high) : low || high;
  return t('it must be {0}', both);
}

/** Turns ajv's JSON pointer into a path, telling array indexes from keys by looking at the data. */
function pointerToPath(pointer: string, root: unknown): JsonPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
