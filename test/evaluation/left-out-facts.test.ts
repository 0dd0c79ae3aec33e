// A fact cut out of its story: the story stays in the archive, the sentences saying the fact do not.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSquad } from '../../src/evaluation/load-squad.js';
import { leftOutFacts } from '../../src/evaluation/left-out-facts.js';
import { leftOutPassages } from '../../src/evaluation/left-out-passages.js';
import { temporaryHome } from '../helpers/run-cli.js';

const question = (text: string, answer: string) => ({ question: text, answers: [{ text: answer }] });
const plain = (id: string) => ({ id, context: `${id}号文章只有一句话。`, qas: [question(`${id}号文章说了什么？`, '一句话')] });

/** Ten invented passages: the third (index 2) and the eighth (index 7) are those every 5th from the third picks. */
const STORIES = {
  data: [
    {
      title: '青石镇',
      paragraphs: [
        plain('p0'),
        plain('p1'),
        {
          id: 'mayor',
          context: '青石镇镇长王立新今年五十岁。他曾是一名中学教师，任教二十年。镇长的妻子在镇卫生院工作。',
          qas: [question('王立新今年多大？', '五十岁'), question('王立新教了多少年书？', '二十年'), question('镇长今年几岁？', '五十岁')],
        },
        plain('p3'),
        plain('p4'),
        plain('p5'),
        plain('p6'),
        // The gold runs across two sentences: nothing can be cut without cutting the story.
        { id: 'festival', context: '石雕节每年秋天举行。节期三天。', qas: [question('石雕节什么时候举行？', '秋天举行。节期三天')] },
        plain('p8'),
        plain('p9'),
      ],
    },
  ],
};

describe('leftOutFacts', () => {
  const home = temporaryHome();
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
  const file = path.join(home, 'stories.json');
  fs.writeFileSync(file, JSON.stringify(STORIES));
  const set = loadSquad(file);

  it("cuts the sentences holding the first question's gold out of every 5th passage from the third", () => {
    const { articles, questions } = leftOutFacts(set);
    const mayor = articles.find((article) => article.id === 'mayor')!;
    expect(mayor.paragraphs).toEqual(['他曾是一名中学教师，任教二十年。镇长的妻子在镇卫生院工作。']);
    // Both questions whose gold went with the sentence ask for a fact left out; the one whose gold stayed does not.
    expect([...questions].map((left) => left.question)).toEqual(['王立新今年多大？', '镇长今年几岁？']);
    // Every other passage is indexed as it was, the one whose gold runs across sentences too.
    expect(articles.filter((article) => article.id !== 'mayor')).toEqual(set.articles.filter((article) => article.id !== 'mayor'));
  });

  it('cuts what the question asks about with its fact: a story that never says it, as a reader meets one', () => {
    const bridge = {
      id: 'bridge',
      context: '青石镇的石桥建于清代。石桥全长八十米。老人说古时的石桥全长不足五十米。每到秋天，石桥上挤满游人。',
      qas: [question('石桥全长多少米？', '八十米')],
    };
    const asked = path.join(home, 'asked.json');
    fs.writeFileSync(asked, JSON.stringify({ data: [{ title: '青石镇', paragraphs: [plain('p0'), plain('p1'), bridge] }] }));
    const { articles, questions } = leftOutFacts(loadSquad(asked));
    // 全长 goes from the sentence without the gold too; 石桥, the subject, stays.
    expect(articles.find((article) => article.id === 'bridge')!.paragraphs).toEqual(['青石镇的石桥建于清代。每到秋天，石桥上挤满游人。']);
    expect([...questions].map((left) => left.question)).toEqual(['石桥全长多少米？']);
  });

  it('touches none of the passages left out whole', () => {
    const passages = leftOutPassages(set);
    const { articles } = leftOutFacts(set);
    const trimmed = articles.filter((article, index) => article !== set.articles[index]).map((article) => article.id);
    expect(trimmed).toEqual(['mayor']);
    expect(trimmed.some((id) => passages.has(id))).toBe(false);
  });
});
