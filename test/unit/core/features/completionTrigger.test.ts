import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spaceCanStartCompletion } from '../../../../core/src/features/completionTrigger';

test('a space can start a value, an item or a key: after a colon, a list dash, or in the indentation', () => {
  for (const line of ['Type: ', '  Container:  ', '  - ', '- ', '  - - ', ' ', '    ', '\t', 'Output: ']) {
    assert.equal(spaceCanStartCompletion(line), true, JSON.stringify(line));
  }
});

test('a space after a word, a comment, Chinese text or a hyphen inside a word starts nothing', () => {
  for (const line of [
    '  Content: people running ',
    '  Content: 人物 ',
    '# the summer ',
    'Type: Concat ',
    '  FontName: SourceHanSans- ',
    'UserData: {"a": 1} ',
  ]) {
    assert.equal(spaceCanStartCompletion(line), false, JSON.stringify(line));
  }
});

test('a line that does not end in a space is not judged', () => {
  assert.equal(spaceCanStartCompletion('  Content: people'), true);
});
