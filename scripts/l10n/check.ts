// Lists every message, manifest string and schema text that has no Chinese counterpart (or one without an
// English original): what the completeness test checks, printed so a translator can work down the list.
import { l10nProblems } from './completeness';

const problems = l10nProblems(process.cwd());
for (const problem of problems) console.log(problem);
console.log(problems.length === 0 ? 'Every text has its translation.' : `${problems.length} problems.`);
process.exitCode = problems.length === 0 ? 0 : 1;
