import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { codeActions } from '../../../core/src/features/codeActions';
import { complete } from '../../../core/src/features/completion';
import { parseJob } from '../../../core/src/parse/document';
import { hover } from '../../../core/src/features/hover';
import { useLocale } from '../../../core/src/shared/locale';
import { REQUEST_SCHEMA } from '../../../core/src/schema/schema';
import { validateJob } from '../../../core/src/validate/validate';
import { normalizeOssError } from '../../../api/src/oss/errors';
import { parseEndpointOverride, resolveEndpoint } from '../../../api/src/endpoint';
import { normalizeError } from '../../../api/src/normalize';
import { clearQuestion } from '../../../client/src/tasks/status';
import type { TaskRecord } from '../../../client/src/tasks/record';
import { MINIMAL_CONCAT_JOB } from '../../support/minimalJobs';

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
    const valid = MINIMAL_CONCAT_JOB;
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
    assert.match(value, /^\*\*Type\*\* — 字符串，必填\n\n处理类型。\n\n可选值：\n- \*\*`Retrieval`\*\* ← 当前值 — 从一个视频中提取高光片段。\n- `Concat` — 将多个视频的片段拼接为一个视频；StartTime 和 Duration 选取每个片段。\n- `Compose` — 一步生成剪辑好的视频，带转场、特效和背景音乐设置。/);
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

  /** Latin words outside `code` spans: what a Chinese reader should not meet in prose. The API's names are code. */
  const englishWords = (text: string): string[] => text.replace(/`[^`]*`/g, '').match(/[A-Za-z]{2,}/g) ?? [];

  test("an enum value's completion document is Chinese: the field's description, type and default, no English words", () => {
    const doc = parseJob('ProjectName: immtest\nType: \n');
    const retrieval = complete(doc, { line: 1, character: 6 }).find((item) => item.label === 'Retrieval');
    assert.equal(retrieval?.detail, '从一个视频中提取高光片段。');
    const value = (retrieval?.documentation as MarkupContent).value;
    assert.equal(value, '*字符串*\n\n处理类型。');
    const mode = complete(parseJob('ProjectName: immtest\nType: Retrieval\nMode: \n'), { line: 2, character: 6 });
    const average = mode.find((item) => item.label === 'Average');
    assert.equal(average?.detail, '平均切片识别。（默认）');
    const modeDoc = (average?.documentation as MarkupContent).value;
    assert.match(modeDoc, /^\*字符串\*\n\n高光识别模式。/);
    assert.match(modeDoc, /默认值：`Average`$/);
    // The description names the default value as the API spells it; everything else is Chinese.
    assert.deepEqual(englishWords(modeDoc).filter((word) => word !== 'Average'), []);
  });

  test("an integer enum's document shows its default and limits in Chinese", () => {
    const doc = parseJob('ProjectName: immtest\nType: Concat\nSources:\n  - URI: oss://b-1/a.mp4\nOutput:\n  URI: oss://b-1/o.mp4\n  Container: mp4\n  Video:\n    TranscodeVideo:\n      Rotation: \n');
    const items = complete(doc, { line: 9, character: 16 });
    const documentation = (items.find((item) => item.label === '90')?.documentation as MarkupContent | undefined)?.value ?? '';
    assert.match(documentation, /^\*整数\*\n\n输出视频的顺时针旋转角度（度）。/);
    assert.match(documentation, /默认值：`0` {2}\n限制：仅限整数$/);
    assert.deepEqual(englishWords(documentation), []);
  });

  test('an OSS error reads in Chinese; its kind and code stay', () => {
    const error = normalizeOssError({ name: 'NoSuchKeyError', code: 'NoSuchKey', status: 404, requestId: 'REQ-1' }, 'HeadObject', 'oss://b-1/a.mp4');
    assert.equal(error.kind, 'no-such-key');
    assert.equal(error.code, 'NoSuchKey');
    assert.equal(error.message, 'oss://b-1/a.mp4 处没有文件（RequestId REQ-1）。');
    const denied = normalizeOssError({ code: 'AccessDenied', status: 403, message: 'You have no right to access this object.' }, 'GetObject', 'oss://b-1/a.mp4');
    assert.equal(denied.message, 'OSS 拒绝对 oss://b-1/a.mp4 执行 GetObject：You have no right to access this object.。');
  });

  test('an IMM error and a bad endpoint read in Chinese; codes stay', () => {
    const endpoint = resolveEndpoint({ region: 'cn-hangzhou' });
    const error = normalizeError(
      { statusCode: 404, data: { Code: 'ResourceNotFound', Message: 'project not found', RequestId: 'REQ-9' } },
      { action: 'CreateHighlightTask', idempotent: false, endpoint, projectName: 'immtest', timeoutMs: 20_000 },
    );
    assert.equal(error.code, 'ResourceNotFound');
    assert.equal(error.message, '在地域 cn-hangzhou 中找不到项目“immtest”。请检查 ProjectName 和地域：项目必须位于所调用的地域。IMM 返回：project not found（RequestId REQ-9）');
    assert.throws(() => parseEndpointOverride('https://user:pw@host'), (e: Error) => e.message === '服务地址不能包含用户名或密码；凭据需单独配置。');
  });

  test('Clear Task History asks in Chinese', () => {
    const record = { taskId: 'Highlight-1', status: 'Running' } as TaskRecord;
    const question = clearQuestion([record, { ...record, taskId: 'Highlight-2', status: 'Succeeded' }]);
    assert.equal(question.message, '清除从此工作区提交的 2 个任务的列表？');
    assert.equal(question.detail, '1 个任务尚未结束：它会在 IMM 中继续运行，但 VS Code 将停止跟踪它。');
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
