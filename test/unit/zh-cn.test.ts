import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { codeActions } from '../../core/src/codeActions';
import { complete } from '../../core/src/complete';
import { parseJob } from '../../core/src/document';
import { hover } from '../../core/src/hover';
import { useLocale } from '../../core/src/locale';
import { REQUEST_SCHEMA } from '../../core/src/schema';
import { validateJob } from '../../core/src/validate';

/** The language service in Simplified Chinese: what a user whose VS Code speaks zh-cn reads. */

const JOB = `ProjectName: immtest
Type: Retreival
Sources:
  - URI: oss://test-bucket/input.mp4
    StartTime: 3
Output:
  URI: oss://test-bucket/output.mp4
`;

describe('the language service in zh-cn', () => {
  before(() => useLocale('zh-cn'));
  after(() => useLocale('en'));

  test('a misspelt value is reported in Chinese with its suggestion, its code unchanged', () => {
    const [diagnostic] = validateJob(parseJob(JOB));
    assert.equal(diagnostic?.code, 'invalid-value');
    assert.equal(diagnostic?.message, '`Retreival` 不是有效的 Type。是否要写 `Retrieval`？可选值：Retrieval, Concat, Compose。');
  });

  test('a rule of the API is reported in Chinese', () => {
    const diagnostics = validateJob(parseJob(JOB.replace('Type: Retreival', 'Type: Retrieval')));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['source-timing-concat-only', 'StartTime 仅在 Type 为 Concat 时生效；当前 Type 为 Retrieval，因此被忽略。']],
    );
  });

  test('a YAML error is explained in Chinese at the same place, its cascade dropped as in English', () => {
    const valid = 'ProjectName: immtest\nType: Concat\nSources:\n  - URI: oss://my-videos/a.mp4\nOutput:\n  URI: oss://my-videos/o.mp4\n  Container: mp4\n';
    const broken = [valid.replace('  Container: mp4', '\tContainer: mp4'), valid.replace('  Container: mp4', '    Container: mp4'), valid.replace('Type: Concat', 'Type:Concat'), valid.replace('ProjectName: immtest', 'ProjectName: "immtest')];
    const shape = (text: string): unknown[] => validateJob(parseJob(text)).map((d) => [d.code, d.range]);
    const inChinese = broken.map(shape);
    useLocale('en');
    try {
      assert.deepEqual(inChinese, broken.map(shape));
    } finally {
      useLocale('zh-cn');
    }
    assert.equal(validateJob(parseJob(broken[0]!))[0]?.message, '第 7 行用制表符缩进：YAML 只能用空格缩进。请将制表符替换为空格。');
  });

  test('the quick fix has a Chinese title', () => {
    const doc = parseJob(JOB);
    const diagnostics = validateJob(doc);
    const titles = codeActions(doc, 'file:///job.highlight.yaml', diagnostics[0]!.range, diagnostics).map((action) => action.title);
    assert.deepEqual(titles, ['改为 `Retrieval`']);
  });

  test('hover shows the Chinese description of the API reference, the type and the values in Chinese', () => {
    const result = hover(parseJob(JOB.replace('Type: Retreival', 'Type: Retrieval')), { line: 1, character: 2 });
    const value = (result?.contents as MarkupContent).value;
    assert.match(value, /^\*\*Type\*\* — 字符串，必填\n\n处理类型。\n\n可选值：\n- \*\*`Retrieval`\*\* ← 当前值 — 高光提取。\n- `Concat` — 视频合成。\n- `Compose` — 一键成片。/);
  });

  test('a completion document is in Chinese', () => {
    const doc = parseJob('ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://b-1/a.mp4\n');
    const items = complete(doc, { line: 4, character: 0 });
    const output = items.find((item) => item.label === 'Output');
    assert.equal(output?.detail, '对象（必填）');
    assert.match((output?.documentation as MarkupContent).value, /^\*对象，必填\*\n\n输出配置。/);
    const mode = items.find((item) => item.label === 'Mode');
    assert.match((mode?.documentation as MarkupContent).value, /高光识别模式。默认值：Average。/);
  });

  test('the enum values, keys and codes stay as the API spells them', () => {
    const doc = parseJob('ProjectName: immtest\nType: \n');
    const values = complete(doc, { line: 1, character: 6 }).map((item) => item.label);
    assert.deepEqual(values, ['Retrieval', 'Concat', 'Compose']);
  });

  test('English comes back when the language is switched back', () => {
    useLocale('en');
    try {
      assert.equal(REQUEST_SCHEMA.properties?.Type?.description, 'The processing type.');
      assert.match(validateJob(parseJob(JOB))[0]!.message, /is not a valid Type\. Did you mean `Retrieval`\?/);
    } finally {
      useLocale('zh-cn');
    }
  });
});
