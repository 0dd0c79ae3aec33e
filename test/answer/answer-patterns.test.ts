// Where a sentence holds the asked kind of fact, whichever script it is written in.
import { describe, expect, it } from 'vitest';
import { findAnswerSlots } from '../../src/answer/answer-patterns.js';
import { analyzeQuestion } from '../../src/answer/question-profile.js';

/** The slots' texts a sentence holds for a question. */
const slots = (sentence: string, question: string): string[] => findAnswerSlots(sentence, analyzeQuestion(question)).map((slot) => slot.text);

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

  it('does not take 一 before a counting word for a quantity unless the unit is asked', () => {
    expect(slots('苏明是一名关节外科医生，身高1.65米。', '苏明身高多少？')).toEqual(['1.65']);
    expect(slots('这是一次深刻的转身。', '转身了多少？')).toEqual([]);
    expect(slots('园区只有一家企业。', '园区有几家企业？')).toEqual(['一家']);
    expect(slots('工程历时一年。', '工程历时多久？')).toEqual(['一年']);
  });

  it('counts people in any of their units, and reads ordinals and fractions as figures', () => {
    expect(slots('袭击造成9名平民死亡。', '袭击造成多少人死亡？')).toEqual(['9名']);
    expect(slots('现在的站房是第二代。', '车站使用的是第几代站房？')).toEqual(['第二']);
    expect(slots('播种面积约占全省的四分之三。', '播种面积占多少比例？')).toEqual(['四分之三']);
  });

  it('reads a year of one or two digits as a duration, and three or four as a date', () => {
    expect(slots('铁幕维持了44年。', '铁幕维持了多久？')).toEqual(['44']);
    expect(slots('该馆建于814年。', '该馆建了多久？')).toEqual([]);
    expect(slots('该馆建于814年。', '该馆建于哪一年？')).toEqual(['814年']);
    expect(slots('崇宁五年升为京畿路，江户时代传入日本。', '什么时候升为京畿路？')).toEqual(['五年', '时代']);
  });

  it('answers which day with a day, not an era or a name holding 时代', () => {
    expect(slots('调研组走访了美的时代广场。', '调研组是哪天来的？')).toEqual([]);
    expect(slots('2025年4月23日，调研组来株调研。', '调研组是哪天来的？')).toEqual(['4月23日']);
    expect(slots('会议在23号召开。', '会议在几号召开？')).toEqual(['23号']);
    expect(slots('唐音在江户时代传入日本。', '唐音是什么时候传入日本的？')).toEqual(['时代']);
  });

  it('reads 朝 as a dynasty after its name, not as a verb or inside a name', () => {
    expect(slots('此制始于明朝。', '此制是什么时候开始的？')).toEqual(['朝']);
    expect(slots('企业正朝着高地前行，朝鲜族群众参加。', '企业是什么时候前行的？')).toEqual([]);
  });

  it('finds an enumeration for a question asking which ones', () => {
    expect(slots('车站由站房、站台雨棚、地下通道组成。', '车站由哪几个部分组成？')).toEqual(['车站由站房、站台雨棚、地下通道组成']);
    expect(slots('车站于2010年建成。', '车站由哪几个部分组成？')).toEqual([]);
  });
});
