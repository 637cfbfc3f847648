import Ajv, { type Options, type ValidateFunction } from 'ajv';
import { REQUEST_SCHEMA, SCHEMA_ANNOTATIONS } from './schema';

/** The ajv instance and options that both the run-time compile and the build-time standalone code use. */
export function requestAjv(options: Options = {}): Ajv {
  // verbose: errors then carry the failing schema node and the data, which the messages need.
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, ...options });
  ajv.addVocabulary([...SCHEMA_ANNOTATIONS]);
  return ajv;
}

/**
 * Compiles the request schema. Only when run from source (tests, tsx): scripts/build.mjs puts ajv's
 * standalone code for the schema in place of this module, since compiling it at start-up took 200–500 ms of
 * the time to first diagnostics, ajv's compiler is a fifth of a bundle, and a web worker may forbid the
 * `new Function` it compiles with.
 */
export function compileRequestValidator(): ValidateFunction {
  return requestAjv().compile(REQUEST_SCHEMA);
}
