/** `npm run docs:diagnostics`: rewrites docs/diagnostics.md from the registry of codes. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIAGNOSTICS_PAGE_FILE, renderDiagnosticsPage } from './diagnosticsPage';

const file = path.resolve(__dirname, '../..', DIAGNOSTICS_PAGE_FILE);
writeFileSync(file, renderDiagnosticsPage());
process.stdout.write(`wrote ${DIAGNOSTICS_PAGE_FILE}\n`);
