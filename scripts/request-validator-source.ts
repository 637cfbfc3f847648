// Prints ajv's standalone code for the request schema; scripts/build.mjs bundles it into dist/ so the server starts without compiling the schema.
import standaloneCode from 'ajv/dist/standalone';
import { REQUEST_SCHEMA } from '../core/src/schema/schema';
import { requestAjv } from '../core/src/schema/requestAjv';

const ajv = requestAjv({ code: { source: true } });
process.stdout.write(standaloneCode(ajv, ajv.compile(REQUEST_SCHEMA)));
