import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileRequestValidator } from './requestAjv';

let compiled: ValidateFunction | undefined;

/** The request schema compiled once per process; every keystroke reuses it. */
export function requestValidator(): ValidateFunction {
  compiled ??= compileRequestValidator();
  return compiled;
}

export function schemaErrors(value: unknown): readonly ErrorObject[] {
  const validate = requestValidator();
  return validate(value) ? [] : (validate.errors ?? []);
}
