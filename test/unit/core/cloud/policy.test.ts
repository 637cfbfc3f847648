/** The pure policies of the cloud features: which cloudChecks value is in force, and how shared look-ups are kept. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveCloudCheckMode } from '../../../../core/src/cloud/checkMode';
import { cloudChecksMoot } from '../../../../core/src/cloud/resources';
import { parseJob } from '../../../../core/src/parse/document';
import { abandonable } from '../../../../api/src/abandonable';
import { keepFor, SharedLookups } from '../../../../api/src/cloud/lookups';

describe('immHighlight.cloudChecks: a workspace may narrow it, never widen it (issue 20, 2)', () => {
  test("the user's value, else the default", () => {
    assert.equal(effectiveCloudCheckMode({ defaultValue: 'onSave' }), 'onSave');
    assert.equal(effectiveCloudCheckMode({ defaultValue: 'onSave', globalValue: 'onSubmit' }), 'onSubmit');
    assert.equal(effectiveCloudCheckMode(undefined), 'onSave');
  });

  test('a workspace or folder value that would send more than the user chose is ignored', () => {
    assert.equal(effectiveCloudCheckMode({ defaultValue: 'onSave', globalValue: 'off', workspaceValue: 'onSave' }), 'off');
    assert.equal(effectiveCloudCheckMode({ defaultValue: 'onSave', globalValue: 'off', workspaceFolderValue: 'onSubmit' }), 'off');
    assert.equal(effectiveCloudCheckMode({ defaultValue: 'onSave', globalValue: 'onSubmit', workspaceLanguageValue: 'onSave' }), 'onSubmit');
  });

  test('a workspace or folder value that sends less is in force', () => {
    assert.equal(effectiveCloudCheckMode({ defaultValue: 'onSave', workspaceValue: 'off' }), 'off');
    assert.equal(effectiveCloudCheckMode({ defaultValue: 'onSave', workspaceValue: 'onSave', workspaceFolderValue: 'onSubmit' }), 'onSubmit');
  });

  test('values that are not modes are ignored', () => {
    assert.equal(effectiveCloudCheckMode({ defaultValue: 'onSave', globalValue: 'sometimes', workspaceValue: 42 }), 'onSave');
    assert.equal(effectiveCloudCheckMode({ defaultValue: 'onSave', workspaceValue: 'toString' }), 'onSave');
  });
});

describe('shared look-ups (issue 20, 12)', () => {
  const policy = { answerTtlMs: 30_000, failureTtlMs: 5_000 };
  const isCancel = (e: unknown): boolean => e === 'cancel';

  test('how long an outcome is kept: answers long, failures short, cancellations not at all', () => {
    const failed = (v: { state: string }): boolean => v.state === 'failed';
    assert.equal(keepFor({ ok: true, value: { state: 'found' } }, policy, failed, isCancel), 30_000);
    assert.equal(keepFor({ ok: true, value: { state: 'failed' } }, policy, failed, isCancel), 5_000);
    assert.equal(keepFor({ ok: false, error: new Error('denied') }, policy, failed, isCancel), 5_000);
    assert.equal(keepFor({ ok: false, error: 'cancel' }, policy, failed, isCancel), undefined);
  });

  test('concurrent identical look-ups share one load; a kept answer serves later ones until it expires', async () => {
    let now = 0;
    const lookups = new SharedLookups(policy, () => now, isCancel);
    let loads = 0;
    const load = async (): Promise<string> => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 'answer';
    };
    assert.deepEqual(await Promise.all(Array.from({ length: 10 }, () => lookups.run('k', load))), Array(10).fill('answer'));
    assert.equal(loads, 1);
    now += 29_000;
    await lookups.run('k', load);
    assert.equal(loads, 1);
    now += 2_000;
    await lookups.run('k', load);
    assert.equal(loads, 2);
  });

  test('a failure is kept for the failure time: ten completion requests, one ListBuckets', async () => {
    let now = 0;
    const lookups = new SharedLookups(policy, () => now, isCancel);
    let loads = 0;
    const failing = async (): Promise<never> => {
      loads++;
      throw new Error('AccessDenied');
    };
    for (let i = 0; i < 10; i++) await assert.rejects(lookups.run('buckets', failing), /AccessDenied/);
    assert.equal(loads, 1);
    now += 5_001;
    await assert.rejects(lookups.run('buckets', failing));
    assert.equal(loads, 2);
  });

  test('a cancelled load is not kept, and an answer that lands after clear() is dropped', async () => {
    const lookups = new SharedLookups(policy, Date.now, isCancel);
    await assert.rejects(lookups.run('k', () => Promise.reject('cancel')));
    assert.equal(lookups.has('k'), false);
    let release!: (v: string) => void;
    const pending = lookups.run('k', () => new Promise<string>((resolve) => (release = resolve)));
    await Promise.resolve();
    lookups.clear();
    release('old identity');
    assert.equal(await pending, 'old identity');
    assert.equal(lookups.has('k'), false);
  });

  test('a caller stops waiting when its signal aborts; the shared load goes on for the others', async () => {
    const lookups = new SharedLookups(policy);
    let release!: (v: string) => void;
    const shared = lookups.run('k', () => new Promise<string>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const mine = abandonable(shared, controller.signal, () => new Error('stopped'));
    controller.abort();
    await assert.rejects(mine, /stopped/);
    release('answer');
    assert.equal(await lookups.run('k', () => Promise.resolve('another')), 'answer');
  });
});

describe('cloud checks that would be moot (issue 20, 12)', () => {
  test('a YAML syntax error or duplicate key makes them moot; a clean job or an invalid URI does not', () => {
    assert.equal(cloudChecksMoot(parseJob('ProjectName: a\nSources: [\n')), 'yaml-errors');
    assert.equal(cloudChecksMoot(parseJob('ProjectName: a\nProjectName: b\n')), 'yaml-errors');
    assert.equal(cloudChecksMoot(parseJob('ProjectName: a\nSources:\n  - URI: oss://b/v.mp4\n')), undefined);
    assert.equal(cloudChecksMoot(parseJob('ProjectName: a\nSources:\n  - URI: oss:/bad\n')), undefined);
  });
});
