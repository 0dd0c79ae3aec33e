import { describe, expect, it } from 'vitest';
import { jieba } from '../../../src/text/jieba/jieba.js';
import { isWordBoundary } from '../../../src/text/jieba/is-word-boundary.js';

/** The offsets where jieba, cutting the whole text at once, ends a word. */
function boundariesOfWholeText(text: string): Set<number> {
  const words = jieba().cut(text, true);
  return new Set([0, ...words.map((_word, index) => words.slice(0, index + 1).join('').length)]);
}

function expectSameAsWholeText(text: string): void {
  const whole = boundariesOfWholeText(text);
  const mismatched: number[] = [];
  for (let offset = 0; offset <= text.length; offset += 1) if (isWordBoundary(text, offset) !== whole.has(offset)) mismatched.push(offset);
  expect(mismatched, text).toEqual([]);
}

describe('isWordBoundary', () => {
  it('puts no boundary inside a word and one between words', () => {
    const text = '滨江城市长廊建成开放';
    const whole = boundariesOfWholeText(text);
    expect(whole.has(3)).toBe(false);
    expect(isWordBoundary(text, 3)).toBe(false);
    expectSameAsWholeText(text);
  });

  it('answers as jieba cutting the whole text, at every offset, across punctuation, spaces, digits and Latin', () => {
    for (const text of [
      '市长王明出席，滨江城市长廊建成开放。湘江大桥全长1280米',
      '株洲市今年新建8所学校、3所幼儿园；投资2.5亿元（同比增长12.5%）',
      '“中车株洲所”的董事长是谁？他说：“市长王明出席了C919首飞仪式。”',
      'GDP增长6.5% 城市长廊 covid-19疫情 A+B轮融资 #话题# 张三&李四',
      '《湘江大桥》——长廊……市长·王明【通讯员】〔2020〕〈城市长廊〉',
      '湘江大桥通车\n滨江城市长廊建成开放\n\n市长王明出席',
      '𠀀𠀁城市长廊建成，𪚥龘市长出席',
    ]) {
      expectSameAsWholeText(text);
    }
  });

  it('answers as jieba for a punctuation mark or space between two words, whichever it is', () => {
    const marks = '!"$\'()*,/:;<=>?@[\\]^`{|}~ \t、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟‐–—―‘’“”…‧‰′※‼·｢｣､･';
    for (const mark of marks) expectSameAsWholeText(`市长王明${mark}城市长廊建成${mark}${mark}增长1.5%`);
  });

  it('reads a text with carriage returns whole (\\r\\n is one word)', () => {
    expectSameAsWholeText('湘江大桥通车\r\n滨江城市长廊建成开放\r\n');
  });
});
