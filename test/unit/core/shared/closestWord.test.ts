import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closestMatch, closestNumber } from '../../../../core/src/shared/closestWord';

describe('closestMatch', () => {
  test('a value differing only in case wins, even over a nearer spelling', () => {
    assert.equal(closestMatch('retrieval', ['Retrieval', 'Concat', 'Compose']), 'Retrieval');
    assert.equal(closestMatch('MP4', ['mp4', 'mkv']), 'mp4');
    assert.equal(closestMatch('ts', ['TS', 'ta']), 'TS');
  });

  test('finds one substitution, insertion, deletion or swap of neighbours', () => {
    assert.equal(closestMatch('Retreival', ['Retrieval', 'Concat']), 'Retrieval');
    assert.equal(closestMatch('Conact', ['Compose', 'Concat']), 'Concat');
    assert.equal(closestMatch('Compse', ['Compose', 'Concat']), 'Compose');
    assert.equal(closestMatch('Sequentiall', ['Sequential', 'Random']), 'Sequential');
    assert.equal(closestMatch('Contnet', ['Content']), 'Content');
  });

  test('compares case-insensitively while measuring distance', () => {
    assert.equal(closestMatch('TRANSITIONMODE', ['TransitionMode', 'VfxEffectMode']), 'TransitionMode');
    assert.equal(closestMatch('backgroundmusic', ['BackgroundMusics', 'BackgroundMusicMode']), 'BackgroundMusics');
  });

  test('allows one edit per three letters, so long words tolerate more', () => {
    assert.equal(closestMatch('BackgrondMusicMod', ['BackgroundMusicMode']), 'BackgroundMusicMode');
    assert.equal(closestMatch('Cnocta', ['Concat']), 'Concat');
    assert.equal(closestMatch('Cxxcat', ['Concat']), 'Concat');
    assert.equal(closestMatch('Cxxxat', ['Concat']), undefined);
  });

  test('gives no guess for an unrelated word', () => {
    assert.equal(closestMatch('Banana', ['Retrieval', 'Concat', 'Compose']), undefined);
    assert.equal(closestMatch('x', ['mp4', 'mkv']), undefined);
    assert.equal(closestMatch('Zyzzyva', ['hls', 'dash']), undefined);
  });

  test('gives no guess from an empty list, and an exact match returns itself', () => {
    assert.equal(closestMatch('Concat', []), undefined);
    assert.equal(closestMatch('Concat', ['Retrieval', 'Concat']), 'Concat');
  });

  test('prefers the nearest of several candidates, then the first', () => {
    assert.equal(closestMatch('fixd', ['fall', 'fixed', 'adaptive']), 'fixed');
    assert.equal(closestMatch('yuv4a20p', ['yuv420p', 'yuva420p']), 'yuv420p');
  });

  test('handles non-ASCII words', () => {
    assert.equal(closestMatch('宠', ['宠物', '人物']), '宠物');
  });
});

describe('closestNumber', () => {
  test('offers the nearest allowed number within a tenth of the value', () => {
    assert.equal(closestNumber(44000, [8000, 24000, 44100, 48000]), 44100);
    assert.equal(closestNumber(91, [0, 90, 180, 270]), 90);
    assert.equal(closestNumber(23, [16, 24]), 24);
  });

  test('offers nothing for a value far from every allowed number', () => {
    assert.equal(closestNumber(45, [0, 90, 180, 270]), undefined);
    assert.equal(closestNumber(2707, [0, 90, 180, 270]), undefined);
    assert.equal(closestNumber(20, [16, 24]), undefined);
    assert.equal(closestNumber(5, []), undefined);
  });

  test('a zero or negative value gets no guess but its own exact match', () => {
    assert.equal(closestNumber(0, [0, 90]), 0);
    assert.equal(closestNumber(-1, [0, 90]), undefined);
  });
});
