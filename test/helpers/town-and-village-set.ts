// An invented SQuAD-format set of two titles, for the training pipeline's layouts.
import fs from 'node:fs';
import path from 'node:path';

const question = (id: string, text: string, answer: string) => ({ id, question: text, answers: [{ text: answer }] });

/** An invented two-title set: a town's four paragraphs, a village's one. */
export const TOWN_AND_VILLAGE = {
  data: [
    {
      title: '青石镇志',
      paragraphs: [
        { id: 'town-1', context: '青石镇位于河谷北岸，以出产青石闻名。', qas: [question('q1', '青石镇位于哪里？', '河谷北岸')] },
        { id: 'town-2', context: '镇上的石桥建于1890年，全长四十二米。', qas: [question('q2', '石桥全长多少米？', '四十二米')] },
        { id: 'town-3', context: '镇长王立新今年五十岁，曾是一名中学教师。', qas: [question('q3', '镇长王立新今年多大？', '五十岁')] },
        { id: 'town-4', context: '每年秋天，镇上举办为期三天的石雕节。', qas: [question('q4', '石雕节为期几天？', '三天')] },
      ],
    },
    { title: '白沙村', paragraphs: [{ id: 'village-1', context: '白沙村有村民八百人，多以种茶为生。', qas: [question('q5', '白沙村有多少村民？', '八百人')] }] },
  ],
};

/** Writes {@link TOWN_AND_VILLAGE} into `directory` and returns the file's path. */
export function writeTownAndVillage(directory: string): string {
  const file = path.join(directory, 'town.json');
  fs.writeFileSync(file, JSON.stringify(TOWN_AND_VILLAGE));
  return file;
}
