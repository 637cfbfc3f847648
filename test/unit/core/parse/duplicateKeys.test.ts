import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseJob } from '../../../../core/src/parse/document';
import { duplicatedKeyPaths } from '../../../../core/src/parse/duplicateKeys';
import { API_RULES, checkRule, type ApiRule, type Finding } from '../../../../core/src/validate/rules';
import { validateJob } from '../../../../core/src/validate/validate';

const RULE_CODES = new Set<string>(API_RULES.map((rule) => rule.code));

function codes(text: string): string[] {
  return validateJob(parseJob(text)).map((d) => String(d.code));
}

function ruleCodes(text: string): string[] {
  return codes(text).filter((code) => RULE_CODES.has(code));
}

const SOURCES = 'Sources:\n  - URI: oss://test-bucket/a.mp4\n    StartTime: 1\n';
const OUTPUT = 'Output:\n  URI: oss://test-bucket/out.mp4\n  Container: mp4\n';

describe('a key given twice: the duplicate is reported, and no rule reasons from either value', () => {
  test('Type: Concat … Type: Retrieval gives the duplicate key, not source-timing-concat-only', () => {
    const text = `ProjectName: immtest\nType: Concat\n${SOURCES}${OUTPUT}Type: Retrieval\n`;
    assert.ok(codes(text).includes('yaml-duplicate-key'));
    assert.deepEqual(ruleCodes(text), []);
    // The same job with Type once: the rule speaks (so the silence above is the duplicate's doing).
    assert.deepEqual(ruleCodes(`ProjectName: immtest\nType: Retrieval\n${SOURCES}${OUTPUT}`), ['source-timing-concat-only']);
  });

  test('a duplicated TransitionMode (Random, then Closed) gives no transitions-need-mode', () => {
    const edit = 'Edit:\n  Mode: Sequential\n  TransitionMode: Random\n  Transitions:\n    - Transition: fade\n  TransitionMode: Closed\n';
    const text = `ProjectName: immtest\nType: Compose\n${SOURCES.replace('    StartTime: 1\n', '')}${OUTPUT}${edit}`;
    assert.ok(codes(text).includes('yaml-duplicate-key'));
    assert.deepEqual(ruleCodes(text), []);
    assert.deepEqual(ruleCodes(text.replace('  TransitionMode: Random\n', '')), ['transitions-need-mode']);
  });

  test('a duplicated key inside a list item silences the rules that read it; rules that do not read it still speak', () => {
    const text = `ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://test-bucket/a.mp4\n    StartTime: 1\n    StartTime: 2\nOutput:\n  URI: oss://test-bucket/out.mp4\n  Container: mkv\n`;
    const found = ruleCodes(text);
    assert.ok(!found.includes('source-timing-concat-only'), found.join(', '));
    assert.deepEqual(found, ['output-extension-mismatch']);
  });

  test('a duplicated parent object makes everything under it ambiguous', () => {
    const text = `ProjectName: immtest\nType: Compose\n${SOURCES.replace('    StartTime: 1\n', '')}Output:\n  URI: oss://test-bucket/out.mp4\nOutput:\n  URI: oss://test-bucket/out.mkv\n`;
    assert.ok(codes(text).includes('yaml-duplicate-key'));
    assert.ok(!ruleCodes(text).includes('container-required'));
  });

  test('duplicatedKeyPaths names each duplicated key by its path, and nothing for a job without duplicates', () => {
    const doc = parseJob('Type: a\nSources:\n  - URI: x\n    URI: y\nType: b\nEdit:\n  Mode: m\n');
    assert.deepEqual([...duplicatedKeyPaths(doc)].sort(), [JSON.stringify(['Sources', 0, 'URI']), JSON.stringify(['Type'])].sort());
    assert.equal(duplicatedKeyPaths(parseJob('Type: a\nSources: []\n')).size, 0);
  });

  test('checkRule: a rule that reads an ambiguous path says nothing, whatever it reads it through', () => {
    const saying: ApiRule = {
      code: 'source-timing-concat-only',
      severity: 'warning',
      source: 'a test',
      check(request, report) {
        const sources = request.Sources as { StartTime?: number }[];
        sources.forEach((source, i) => {
          if (source.StartTime !== undefined) report({ path: ['Sources', i, 'StartTime'], at: 'key', message: 'said' });
        });
      },
    };
    const request = { Sources: [{ URI: 'a' }, { URI: 'b', StartTime: 1 }] };
    const run = (ambiguous: string[]): Finding[] => {
      const findings: Finding[] = [];
      checkRule(saying, request, new Set(ambiguous), (finding) => findings.push(finding));
      return findings;
    };
    assert.equal(run([]).length, 1);
    assert.equal(run([JSON.stringify(['Type'])]).length, 1, 'an ambiguous key the rule does not read');
    assert.equal(run([JSON.stringify(['Sources', 1, 'StartTime'])]).length, 0);
    assert.equal(run([JSON.stringify(['Sources', 0, 'URI'])]).length, 1, 'a sibling the rule does not read');
    assert.equal(run([JSON.stringify(['Sources'])]).length, 0);
  });
});
