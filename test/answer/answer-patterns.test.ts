// Where a sentence holds the asked kind of fact, whichever script it is written in.
import { describe, expect, it } from 'vitest';
import { findAnswerSlots } from '../../src/answer/answer-patterns.js';
import { analyzeQuestion } from '../../src/answer/question-profile.js';

describe('findAnswerSlots', () => {
  it('finds the asked unit in a traditional-Chinese sentence and gives the slot as written', () => {
    const profile = analyzeQuestion('這位畫家今年幾歲？');
    expect(profile.measure).toBe('岁');
    expect(findAnswerSlots('這位畫家今年35歲，從小在台中長大。', profile).map((slot) => slot.text)).toEqual(['35歲']);
    expect(findAnswerSlots('这位画家今年35岁，从小在株洲长大。', profile).map((slot) => slot.text)).toEqual(['35岁']);
  });

  it('finds a title before a name and a reason marker in traditional characters', () => {
    expect(findAnswerSlots('該案由記者王小明報導。', analyzeQuestion('誰報導了該案？')).map((slot) => slot.text)).toEqual(['記者王小明']);
    expect(findAnswerSlots('工程延期是因為連日降雨導致路基鬆軟。', analyzeQuestion('工程為什麼延期？')).length).toBeGreaterThan(0);
  });

  it('finds nothing when the question asks for no kind of fact', () => {
    expect(findAnswerSlots('這座橋全長1280米。', analyzeQuestion('這座橋怎麼樣了'))).toEqual([]);
  });
});
