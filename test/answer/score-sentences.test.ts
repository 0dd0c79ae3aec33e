// What scoreSentences keeps for one question (each article read and folded once, each word matched once per article)
// stays with that question and that article.
import { describe, expect, it } from 'vitest';
import { scoreSentences, sentenceScorer } from '../../src/answer/score-sentences.js';
import { analyzeQuestion } from '../../src/answer/question-profile.js';
import { unitWeights } from '../../src/answer/unit-weights.js';
import { passage } from './support.js';

const ARTICLES: Record<string, string> = {
  bridge: '湘江大桥通车\n湘江大桥今天通车。大桥全长1280米，由市城建集团承建。\n设计单位是省交通规划院。',
  park: '东湖公园改造完工\n东湖公园改造工程昨天完工。公园新增绿地12公顷。\n施工单位是市园林局。',
  // A long story: its subject is named in the first sentence, and paragraphs below say 他.
  story: '48岁的李强是一名中学教师。他常年伏案备课。\n去年体检时，他的血压偏高。\n他开始每天清晨沿江跑步。\n三个月后，他的体重降到了70公斤。',
  // The same story whose subject is first named in its second paragraph.
  told: '一名中学教师常年伏案备课。\n去年体检时，李强的血压偏高。\n他开始每天清晨沿江跑步。\n三个月后，他的体重降到了70公斤。',
  // The story told without a pronoun below its first sentence.
  plain: '48岁的李强是一名中学教师。他常年伏案备课。\n去年体检时，血压偏高。\n每天清晨沿江跑步。\n三个月后，体重降到了70公斤。',
  // A pronoun that opens the story: no subject is named before it.
  nameless: '他是一名中学教师。\n三个月后，他的体重降到了70公斤。',
};

const bridgeLead = { ...passage('bridge', '湘江大桥通车', '湘江大桥今天通车。大桥全长1280米，由市城建集团承建。'), ordinal: 0 };
const bridgeTail = { ...passage('bridge', '湘江大桥通车', '设计单位是省交通规划院。'), ordinal: 1, id: 101 };
const parkLead = { ...passage('park', '东湖公园改造完工', '东湖公园改造工程昨天完工。公园新增绿地12公顷。'), ordinal: 0, id: 102 };

function score(question: string, passages: Parameters<typeof scoreSentences>[1], reads: string[] = []) {
  const profile = analyzeQuestion(question);
  const articleText = (articleId: string): string => {
    reads.push(articleId);
    return ARTICLES[articleId] ?? '';
  };
  return scoreSentences(profile, passages, unitWeights(profile.units), { articleText });
}

/** The measures of a sentence that do not depend on which other passages were scored with it. */
const ownMeasures = (sentence: ReturnType<typeof score>[number]) => ({
  text: sentence.text,
  coverage: sentence.coverage,
  context: sentence.context,
  articleContext: sentence.articleContext,
  gapShare: sentence.features.gapShare,
  focusFound: sentence.features.focusFound,
});

describe('scoreSentences', () => {
  it('reads each article once per question, however many of its passages are scored', () => {
    const reads: string[] = [];
    score('湘江大桥的设计单位是哪家？', [bridgeLead, parkLead, bridgeTail], reads);
    expect(reads.sort()).toEqual(['bridge', 'park']);
  });

  it('credits a word found elsewhere in an article to that article’s passages only', () => {
    // 规划院 is in the bridge article's last paragraph, not in its lead, and nowhere in the park article.
    const sentences = score('省交通规划院设计了什么？', [bridgeLead, parkLead, bridgeTail]);
    const bridgeSentence = sentences.find((sentence) => sentence.text.startsWith('湘江大桥今天通车'))!;
    const parkSentence = sentences.find((sentence) => sentence.text.startsWith('东湖公园改造工程'))!;
    expect(bridgeSentence.articleContext).toBeGreaterThan(0);
    expect(parkSentence.articleContext).toBe(0);
  });

  it('credits the subject an article’s first sentence names to sentences far below it, as context', () => {
    const question = '李强的体重降到了多少公斤？';
    const [fromLead] = score(question, [{ ...passage('plain', '沿江跑步', '三个月后，体重降到了70公斤。'), ordinal: 3 }]);
    const [fromMiddle] = score(question, [{ ...passage('told', '沿江跑步', '三个月后，体重降到了70公斤。'), ordinal: 3 }]);
    // 李强 is in neither sentence: named in the story's first sentence it is context, named in a middle paragraph only
    // somewhere in the article.
    expect(fromLead!.coverage).toBe(fromMiddle!.coverage);
    expect(fromMiddle!.context).toBe(0);
    expect(fromLead!.context).toBeGreaterThan(0);
    expect(fromLead!.articleContext).toBeLessThan(fromMiddle!.articleContext);
    expect(fromLead!.context + fromLead!.articleContext).toBeCloseTo(fromMiddle!.articleContext, 9);
  });

  it('counts the subject named before a sentence that opens with 他 as in that sentence', () => {
    const question = '李强的体重降到了多少公斤？';
    const [saysHe] = score(question, [{ ...passage('story', '沿江跑步', '三个月后，他的体重降到了70公斤。'), ordinal: 3 }]);
    const [saysNothing] = score(question, [{ ...passage('plain', '沿江跑步', '三个月后，体重降到了70公斤。'), ordinal: 3 }]);
    const [namedNowhereBefore] = score(question, [{ ...passage('nameless', '沿江跑步', '三个月后，他的体重降到了70公斤。'), ordinal: 1 }]);
    // 他 speaks of 李强, named in the story's first sentence: the name counts as in the sentence, as much as the lead's
    // context credit; without 他 it stays context; with no name before the pronoun there is nothing to count.
    expect(saysHe!.coverage).toBeGreaterThan(saysNothing!.coverage);
    expect(saysHe!.coverage + saysHe!.context).toBeCloseTo(saysNothing!.coverage + saysNothing!.context, 9);
    expect(namedNowhereBefore!.coverage).toBe(saysNothing!.coverage);
  });

  it('measures a passage alike alone and among other articles’ passages', () => {
    const question = '东湖公园新增绿地多少公顷？';
    const together = score(question, [bridgeLead, parkLead, bridgeTail]).filter((sentence) => sentence.passageIndex === 1);
    const alone = score(question, [parkLead]);
    expect(together.map(ownMeasures)).toEqual(alone.map(ownMeasures));
  });

  it('scores passages added later as a whole run would, reading no article twice', () => {
    const question = '湘江大桥的设计单位是哪家？';
    const passages = [{ ...bridgeLead, score: 2 }, parkLead, bridgeTail];
    const whole = score(question, passages);
    const profile = analyzeQuestion(question);
    const reads: string[] = [];
    const articleText = (articleId: string): string => {
      reads.push(articleId);
      return ARTICLES[articleId] ?? '';
    };
    const scorer = sentenceScorer(profile, unitWeights(profile.units), { articleText });
    const first = scorer(passages.slice(0, 2));
    const added = scorer(passages, 2);
    expect(added.every((sentence) => sentence.passageIndex === 2)).toBe(true);
    expect([...first, ...added]).toEqual(whole);
    expect(reads.sort()).toEqual(['bridge', 'park']);
  });

  it('measures a sentence run on into the next by what the two hold together', () => {
    // 东湖公园 is in the lead, 新增绿地 and the figure in the sentence after it: only the pair holds the whole question.
    const [lead, figure] = score('东湖公园改造后新增绿地多少公顷？', [parkLead]);
    expect(lead!.features.slot_number).toBeUndefined();
    expect(figure!.features.slot_number).toBe(1);
    const pair = lead!.withNext!;
    expect(pair.coverage).toBeGreaterThan(Math.max(lead!.coverage, figure!.coverage));
    expect(pair.slot_number).toBe(1);
    // What the pair holds in its own text is no longer counted around it.
    expect(pair.coverage! + pair.context!).toBeLessThanOrEqual(1 + 1e-9);
    expect(pair.context).toBeLessThan(lead!.context);
    expect(figure!.withNext).toBeNull();
  });

  it('carries nothing from one question to the next', () => {
    const passages = [bridgeLead, parkLead, bridgeTail];
    const fresh = score('湘江大桥全长多少米？', passages);
    score('东湖公园新增绿地多少公顷？', passages);
    expect(score('湘江大桥全长多少米？', passages)).toEqual(fresh);
  });
});
