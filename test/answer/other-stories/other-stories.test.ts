// Questions that fit several stories (issue 21, item 4), on invented articles about different events of one kind.
import { describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../../src/answer/extractive-answerer.js';
import type { QuestionUnit } from '../../../src/answer/question-profile.js';
import type { Passage, Retriever, SearchOptions } from '../../../src/retrieval/passage.js';
import { fixedRetriever, passage } from '../support.js';

/** Weights as a large archive gives them: every word rare enough to count. */
const rareWords = (units: readonly QuestionUnit[]) => new Map(units.map((unit) => [unit.text, 3]));

const NORTH = passage('north-attack', '北城商场发生持刀袭击', '3月1日晚，北城商场发生一起持刀袭击事件。袭击造成5人死亡，8人受伤。警方已控制嫌疑人。', '2025-03-02');
const SOUTH = passage('south-attack', '南港车站遇袭', '4月17日上午，南港火车站广场发生袭击事件，袭击造成3人死亡，另有12人受伤。', '2025-04-18');
const WEST = passage('west-attack', '西岭镇集市遇袭', '西岭镇集市5月9日发生袭击，袭击造成2人死亡。', '2025-05-10');
const EAST = passage('east-attack', '东渡码头袭击案', '东渡码头昨日发生袭击，袭击造成7人死亡。', '2025-06-01');

const answererOver = (passages: Passage[]) => new ExtractiveAnswerer({ retriever: fixedRetriever(passages), unitWeights: rareWords });

describe('questions that fit several stories', () => {
  it('answers from the best story and names the other one, with its title, date and the value it gives', async () => {
    const result = await answererOver([NORTH, SOUTH]).answer('袭击造成多少人死亡？');
    expect(result.answered).toBe(true);
    // Whichever story the answer step ranks first answers; the other is named below it, not glued on as a runner-up.
    const [own, other] = result.answer.includes('5人死亡') ? [NORTH, SOUTH] : [SOUTH, NORTH];
    expect(result.answer).toContain(own === NORTH ? '5人死亡' : '3人死亡');
    expect(result.answer).not.toContain(own === NORTH ? '3人' : '5人');
    expect(result.citations.map((citation) => citation.articleId)).toEqual([own.articleId]);
    expect(result.otherStories).toEqual([
      { articleId: other.articleId, title: other.title, date: other.date, snippet: expect.stringContaining(other === SOUTH ? '3人死亡' : '5人死亡') },
    ]);
  });

  it('names nothing when the question names the place that separates the stories, whichever ranks first', async () => {
    for (const passages of [
      [NORTH, SOUTH],
      [SOUTH, NORTH],
    ]) {
      const result = await answererOver(passages).answer('北城商场袭击造成多少人死亡？');
      expect(result.answer).toContain('5人死亡');
      expect(result.answer).not.toContain('3人');
      expect(result.otherStories).toBeUndefined();
    }
    const south = await answererOver([NORTH, SOUTH]).answer('南港的袭击造成多少人死亡？');
    expect(south.answer).toContain('3人死亡');
    expect(south.answer).not.toContain('5人');
    expect(south.otherStories).toBeUndefined();
  });

  it('names at most two other stories, each once', async () => {
    // Four stories that answer alike leave the answerability model unsure (the best has no margin over the others, so
    // it may refuse); this test is about the naming, so it answers at any confidence.
    const answerer = new ExtractiveAnswerer({ retriever: fixedRetriever([NORTH, SOUTH, WEST, EAST]), unitWeights: rareWords, minConfidence: 0 });
    const result = await answerer.answer('袭击造成多少人死亡？');
    expect(result.answered).toBe(true);
    const named = result.otherStories?.map((story) => story.articleId) ?? [];
    expect(named).toHaveLength(2);
    expect(new Set(named).size).toBe(2);
    for (const articleId of named) expect(result.citations.map((citation) => citation.articleId)).not.toContain(articleId);
  });

  it('names no other story that gives the same answer', async () => {
    const sameToll = passage('south-attack', '南港车站遇袭', '4月17日上午，南港火车站广场发生袭击事件，袭击造成5人死亡。', '2025-04-18');
    const result = await answererOver([NORTH, sameToll]).answer('袭击造成多少人死亡？');
    expect(result.answer).toContain('5人死亡');
    expect(result.otherStories).toBeUndefined();
  });

  it('still tells one story whose figure a later report updated as several reports, each dated (a plan, then its outcome)', async () => {
    const result = await answererOver([
      passage('july', '我市新建学校进展', '今年我市计划新建公办幼儿园6所，预计秋季投入使用。', '2025-07-15'),
      passage('september', '新建幼儿园全部开园', '今年我市新建公办幼儿园8所，已全部开园迎新。', '2025-09-02'),
    ]).answer('今年我市新建公办幼儿园多少所？');
    expect(result.answer).toMatch(/^据2025年7月15日报道，.*6所.*据2025年9月2日报道，.*8所/);
    expect(result.otherStories).toBeUndefined();
  });

  it('answers about one story when asked to keep to its article, and passes the restriction to retrieval', async () => {
    const asked: SearchOptions[] = [];
    const retriever: Retriever = {
      search: async (_question, options = {}) => {
        asked.push(options);
        return [NORTH, SOUTH].filter((candidate) => !options.articleIds || options.articleIds.includes(candidate.articleId));
      },
    };
    const answerer = new ExtractiveAnswerer({ retriever, unitWeights: rareWords });
    const result = await answerer.answer('袭击造成多少人死亡？', { articleIds: ['south-attack'] });
    expect(asked[0]?.articleIds).toEqual(['south-attack']);
    expect(result.answer).toContain('3人死亡');
    expect(result.citations.map((citation) => citation.articleId)).toEqual(['south-attack']);
    expect(result.otherStories).toBeUndefined();
  });
});
