import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { REQUEST_SCHEMA, SCHEMA_ANNOTATIONS } from './schema';

let compiled: ValidateFunction | undefined;

/** The request schema compiled once per process; every keystroke reuses it. */
export function requestValidator(): ValidateFunction {
  if (!compiled) {
    // verbose: errors then carry the failing schema node and the data, which the messages need.
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
    ajv.addVocabulary([...SCHEMA_ANNOTATIONS]);
    compiled = ajv.compile(REQUEST_SCHEMA);
  }
  return compiled;
}

export function schemaErrors(value: unknown): readonly ErrorObject[] {
  const validate = requestValidator();
  return validate(value) ? [] : (validate.errors ?? []);
}
