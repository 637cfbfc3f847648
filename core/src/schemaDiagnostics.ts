import type { ErrorObject } from 'ajv';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, SchemaCode } from './codes';
import { keyRange, valueRange, type JobDocument, type JsonPath } from './document';
import type { DiagnosticData, FixHint } from './fixes';
import { describeValue, formatList, quote } from './words';
import { displayPath, REQUEST_SCHEMA, resolveSchema, schemaAtPath, type SchemaNode } from './schema';
import { schemaErrors } from './schemaValidator';
import { closestMatch, closestNumber } from './suggest';
import { nearestBoundFix, numberTextFix, resolutionFix } from './fixes/suggest';
import { SNIPPETS } from './snippets';

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
  // A misspelt key (`Contnet`) also leaves its property missing; the rename fixes both, so say it once.
  const renamedTo = new Set<string>();
  for (const diagnostic of diagnostics) {
    for (const fix of (diagnostic.data as DiagnosticData | undefined)?.fixes ?? []) {
      if (fix.kind === 'rename-key') renamedTo.add(JSON.stringify([...fix.path.slice(0, -1), fix.key]));
    }
  }
  // One diagnostic per object that lacks properties, so one quick fix adds them all.
  for (const [pointer, names] of missingByObject) {
    const path = pointerToPath(pointer, doc.value);
    const missing = names.filter((name) => !renamedTo.has(JSON.stringify([...path, name])));
    if (missing.length > 0) diagnostics.push(missingProperties(doc, path, missing));
  }
  return diagnostics;
}

function emptyJob(): Diagnostic {
  const required = REQUEST_SCHEMA.required ?? [];
  return make(
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    `The job is empty: a request needs ${required.slice(0, -1).map(quote).join(', ')} and ${quote(required[required.length - 1] ?? '')}.`,
    SchemaCode.Required,
    [
      ...SNIPPETS.flatMap((snippet): FixHint[] => (snippet.type ? [{ kind: 'insert-job', path: [], type: snippet.type }] : [])),
      { kind: 'add-properties', path: [], properties: required },
    ],
  );
}

function missingProperties(doc: JobDocument, path: JsonPath, missing: readonly string[]): Diagnostic {
  const where = path.length === 0 ? 'The request' : displayPath(path);
  const names = missing.map(quote);
  const what = names.length === 1 ? `the required property ${names[0]}` : `the required properties ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return make(keyRange(doc, path), `${where} is missing ${what}.`, SchemaCode.Required, [{ kind: 'add-properties', path, properties: missing }]);
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
      const where = path.length === 0 ? 'the request' : name;
      const fixes: FixHint[] = suggestion ? [{ kind: 'rename-key', path: [...path, unknown], key: suggestion }] : [];
      fixes.push({ kind: 'remove-property', path: [...path, unknown] });
      const hint = suggestion ? ` Did you mean ${quote(suggestion)}?` : '';
      const what = unknown === '' ? `A value without a key in ${where}: write the key before the colon.` : `Unknown property ${quote(unknown)} in ${where}.${hint}`;
      return make(
        keyRange(doc, [...path, unknown]),
        `${what} Valid: ${formatList(known)}.`,
        SchemaCode.Unknown,
        fixes,
      );
    }
    case 'type': {
      const expected = (error.params as { type: string }).type;
      if (isJsonTextAsYaml(path, data, expected)) {
        return make(
          valueRange(doc, path),
          `${name} must be a string: the API takes it as text, usually a JSON document. The quick fix turns this ${Array.isArray(data) ? 'list' : 'mapping'} into that JSON text.`,
          SchemaCode.Type,
          [{ kind: 'to-json-string', path }],
        );
      }
      const subject = path.length === 0 ? 'The request' : name;
      // `Type:` with nothing after it is a value not chosen yet: the choices help more than the type's name.
      if ((data === null || data === undefined) && schema?.enum) {
        return make(valueRange(doc, path), `${subject} is empty. Valid: ${formatList(schema.enum.map(String))}.`, SchemaCode.Type);
      }
      const asNumber = numberTextFix(path, data, expected);
      return make(valueRange(doc, path), `${subject} must be ${article(expected)}; it is ${describeValue(data)}.`, SchemaCode.Type, asNumber ? [asNumber] : []);
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
      const hint = suggestion ? ` Did you mean ${quote(suggestion)}?` : '';
      return make(
        valueRange(doc, path),
        `${quote(String(data))} is not a valid ${name}.${hint} Valid: ${formatList(allowed.map(String))}.`,
        SchemaCode.Enum,
        replacement === undefined ? [] : [{ kind: 'replace-value', path, value: replacement }],
      );
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = nearestBoundFix(path, data, schema, error.keyword);
      return make(valueRange(doc, path), `${name} is ${String(data)}; ${rangeText(schema)}.`, SchemaCode.Range, bound ? [bound] : []);
    }
    case 'maxLength':
      return make(
        valueRange(doc, path),
        `${name} has ${[...String(data)].length} characters; at most ${schema?.maxLength ?? 0} are allowed.`,
        SchemaCode.TooLong,
      );
    case 'minLength':
      // The OSS URI rule already says that an empty URI is not one; a second diagnostic would only repeat it.
      if (schema?.['x-format'] === 'oss-uri') return undefined;
      return make(valueRange(doc, path), `${name} must not be empty.`, SchemaCode.TooShort);
    case 'maxItems': {
      const max = schema?.maxItems ?? 0;
      const count = Array.isArray(data) ? data.length : 0;
      return make(
        keyRange(doc, path),
        `${name} has ${count} items; at most ${max} ${max === 1 ? 'is' : 'are'} allowed.`,
        SchemaCode.TooManyItems,
      );
    }
    case 'minItems':
      return make(
        keyRange(doc, path),
        `${name} needs at least ${schema?.minItems ?? 0} item${schema?.minItems === 1 ? '' : 's'}.`,
        SchemaCode.TooFewItems,
      );
    case 'pattern':
      // OSS URIs get a rule of their own that says which part is wrong.
      if (schema?.['x-format'] === 'oss-uri') return undefined;
      return make(
        valueRange(doc, path),
        `${quote(String(data))} is not valid for ${name}: expected ${schema?.['x-patternMessage'] ?? `text matching ${schema?.pattern ?? ''}`}.`,
        SchemaCode.Pattern,
        [resolutionFix(path, data, schema)].filter((fix): fix is FixHint => fix !== undefined),
      );
    default:
      return make(valueRange(doc, path), `${name}: ${error.message ?? 'invalid value'}.`, SchemaCode.Type);
  }
}

function make(range: Range | undefined, message: string, code: SchemaCode, fixes: FixHint[] = []): Diagnostic {
  const diagnostic: Diagnostic = {
    range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message,
    code,
    severity: DiagnosticSeverity.Error,
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
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'text (a string)';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping of keys to values';
    case 'array':
      return 'a list';
    default:
      return type;
  }
}

function rangeText(schema: SchemaNode | undefined): string {
  if (!schema) return 'it is out of range';
  const low =
    schema.exclusiveMinimum !== undefined ? `greater than ${schema.exclusiveMinimum}` : schema.minimum !== undefined ? `at least ${schema.minimum}` : '';
  const high =
    schema.exclusiveMaximum !== undefined ? `less than ${schema.exclusiveMaximum}` : schema.maximum !== undefined ? `at most ${schema.maximum}` : '';
  const both = low && high ? `${low} and ${high}` : low || high;
  return `it must be ${both}`;
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
