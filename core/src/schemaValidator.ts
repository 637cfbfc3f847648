import type { default as AjvClass, ErrorObject, Options, ValidateFunction } from 'ajv';
import { REQUEST_SCHEMA, SCHEMA_ANNOTATIONS } from './schema';

let compiled: ValidateFunction | undefined;

/** The request schema compiled once per process; every keystroke reuses it. */
export function requestValidator(): ValidateFunction {
  compiled ??= precompiledValidator() ?? requestAjv().compile(REQUEST_SCHEMA);
  return compiled;
}

/** The ajv instance and options that both the run-time compile and the build-time standalone code use. */
export function requestAjv(options: Options = {}): AjvClass {
  // Required here rather than imported: the bundled server never needs ajv's compiler, so it is not loaded at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  // verbose: errors then carry the failing schema node and the data, which the messages need.
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, ...options });
  ajv.addVocabulary([...SCHEMA_ANNOTATIONS]);
  return ajv;
}

/**
 * The bundles in dist/ carry the schema already compiled (scripts/build.mjs): compiling it at start-up took
 * 200–500 ms of the time to first diagnostics. Run from source (tests, tsx), or bundled without the build
 * script, the id does not resolve and the schema is compiled here instead.
 */
function precompiledValidator(): ValidateFunction | undefined {
  try {
    // A literal id, so esbuild sees it; scripts/build.mjs resolves it to ajv's standalone code.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('imm-highlight:request-validator') as { default?: ValidateFunction };
    return typeof module.default === 'function' ? module.default : undefined;
  } catch {
    return undefined;
  }
}

export function schemaErrors(value: unknown): readonly ErrorObject[] {
  const validate = requestValidator();
  return validate(value) ? [] : (validate.errors ?? []);
}
