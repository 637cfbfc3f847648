/**
 * `npm run fuzz -- [--runs N] [--seed S] [--edits N] [--no-server]`: the long form of the robustness tests.
 * 1. The language core on N random, generated and mutated jobs (default 2,000).
 * 2. The built server (dist/server.js) over stdio: a few hundred random edits, requests between them, and
 *    diagnostics that must match the core's for the same text (default 300 edits).
 * A failing input is shrunk, printed and saved to test/fixtures/regressions/, which the unit tests replay.
 */
import fc from 'fast-check';
import { anyJobText } from './arbitraries';
import { exerciseLanguageService } from './languageService';
import { saveRegression } from './regressions';
import { fuzzServer } from './server';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main(): Promise<void> {
  const runs = option('--runs', 2000);
  const seed = option('--seed', Date.now() % 2 ** 31);
  const edits = option('--edits', 300);
  console.log(`Fuzzing the language core: ${runs} inputs, seed ${seed} (repeat with --seed ${seed}).`);
  let slowest = { call: '', ms: 0 };
  const started = Date.now();
  const result = fc.check(
    fc.property(anyJobText, (text) => {
      const report = exerciseLanguageService(text);
      if (report.slowest.ms > slowest.ms) slowest = report.slowest;
      if (report.problems.length > 0) throw new Error(report.problems.slice(0, 5).join('\n'));
    }),
    { numRuns: runs, seed },
  );
  if (result.failed) {
    const text = result.counterexample![0];
    const file = saveRegression(text, String(result.errorInstance));
    console.error(
      `FAILED after ${result.numRuns} inputs (seed ${seed}, path ${result.counterexamplePath}):\n${String(result.errorInstance)}\nInput ${JSON.stringify(text)}\nsaved to ${file}`,
    );
    process.exitCode = 1;
  } else {
    console.log(`ok: ${result.numRuns} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s; slowest call ${slowest.call} ${slowest.ms.toFixed(1)} ms`);
  }

  if (!process.argv.includes('--no-server')) {
    console.log(`Fuzzing the server process: ${edits} edits, seed ${seed}.`);
    const report = await fuzzServer({ edits, seed });
    for (const problem of report.problems.slice(0, 10)) console.error(`  ${problem}`);
    if (report.problems.length > 0) {
      const file = saveRegression(report.lastText, report.problems[0]!);
      console.error(`FAILED: ${report.problems.length} problems; the last text is saved to ${file}`);
      process.exitCode = 1;
    } else {
      console.log(
        `ok: ${report.edits} edits, ${report.requests} requests, ${report.comparisons} diagnostics compared with the core; slowest answer ${report.slowestMs.toFixed(1)} ms`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
