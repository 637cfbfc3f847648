import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyJobText, deepNesting, garbage, mutatedJob, schemaJob } from '../../fuzz/arbitraries';
import { exerciseLanguageService } from '../../fuzz/languageService';

// A fixed seed, so a failure here is the same failure on every machine; `npm run fuzz` explores new seeds.
const SEED = 20261125;

function holdsFor(inputs: fc.Arbitrary<string>, numRuns: number): void {
  fc.assert(
    fc.property(inputs, (text) => {
      const { problems } = exerciseLanguageService(text);
      assert.deepEqual(problems, []);
    }),
    { seed: SEED, numRuns },
  );
}

test('jobs generated from the schema: no throw, ranges inside, codes on every diagnostic', () => {
  holdsFor(schemaJob, 60);
});

test('real and generated jobs after random edits keep the language service sound', () => {
  holdsFor(mutatedJob, 120);
});

test('garbage (random bytes, random Unicode, YAML indicator soup) keeps the language service sound', () => {
  holdsFor(garbage, 80);
});

test('one construct repeated hundreds of times (deep nesting of every kind) neither crashes nor breaks a range', () => {
  holdsFor(deepNesting, 40);
});

test('a mixed sample of everything above', () => {
  holdsFor(anyJobText, 60);
});
