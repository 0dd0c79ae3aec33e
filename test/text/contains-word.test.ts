import { describe, expect, it } from 'vitest';
import { containsWord } from '../../src/text/contains-word.js';

describe('containsWord', () => {
  it('does not find a word that straddles two words', () => {
    expect(containsWord('城市长廊建成开放', '市长')).toBe(false);
  });

  it('finds a word at the start or end of a longer word', () => {
    expect(containsWord('株洲市今年新建8所学校', '株洲')).toBe(true);
    expect(containsWord('湘江大桥全长1280米', '大桥')).toBe(true);
    expect(containsWord('市长王明出席', '市长')).toBe(true);
  });

  it('reads a text of several lines as its lines: a word straddling two words of one line is not found', () => {
    expect(containsWord('湘江大桥通车\n滨江城市长廊建成开放', '市长')).toBe(false);
    expect(containsWord('滨江城市长廊建成开放\n市长王明出席', '市长')).toBe(true);
    expect(containsWord('今天开会\n\n株洲市今年新建8所学校', '株洲')).toBe(true);
    expect(containsWord('通车\n湘江大桥', '大桥')).toBe(true);
  });

  it('gives a text with carriage returns the same answers as without', () => {
    for (const [text, word] of [
      ['湘江大桥通车\r\n滨江城市长廊建成开放', '市长'],
      ['滨江城市长廊建成开放\r\n市长王明出席', '市长'],
      ['湘江大桥全长1280米\r\n', '大桥'],
    ] as const) {
      expect(containsWord(text, word)).toBe(containsWord(text.replaceAll('\r', ''), word));
    }
  });
});
