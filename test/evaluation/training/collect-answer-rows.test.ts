// The training rows of one invented set, asked per paragraph and with its titles joined into one article each.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSquad } from '../../../src/evaluation/load-squad.js';
import { collectAnswerRows, type ArchiveLayout, type QuestionRow } from '../../../src/evaluation/training/collect-answer-rows.js';
import { temporaryHome } from '../../helpers/run-cli.js';
import { openTestArchive } from '../../helpers/open-test-archive.js';
import { writeTownAndVillage } from '../../helpers/town-and-village-set.js';

describe('collectAnswerRows', () => {
  const homes: string[] = [];
  afterAll(() => {
    for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
  });
  const collect = async (layout: ArchiveLayout): Promise<QuestionRow[]> => {
    const home = temporaryHome();
    homes.push(home);
    const archive = await openTestArchive(home);
    try {
      return await collectAnswerRows(archive, 'town', loadSquad(writeTownAndVillage(home)), { every: 3, layout, reportAs: `town-${layout}` });
    } finally {
      await archive.close();
    }
  };

  it('asks the joined archive with the same passages left out, in the same folds', async () => {
    const paragraphs = await collect('paragraphs');
    const joined = await collect('joined');
    expect(joined.map((row) => row.set)).toEqual(Array(5).fill('town-joined'));
    expect(joined.map((row) => [row.passageId, row.heldOut, row.foldKey])).toEqual(paragraphs.map((row) => [row.passageId, row.heldOut, row.foldKey]));
    expect(joined.filter((row) => row.heldOut).map((row) => row.passageId)).toEqual(['town-1', 'town-4']);

    const [, , aboutTheMayor] = joined;
    // The kept paragraphs are one article: the mayor's age is found in the town's article, not a paragraph of its own.
    expect(aboutTheMayor?.candidates.some((candidate) => candidate.gold)).toBe(true);
    expect(aboutTheMayor?.evidence.passages[0]?.articleId).toBe('title-0');
    expect(paragraphs[2]?.evidence.passages[0]?.articleId).toBe('town-3');
    // The left-out paragraph is out of its article: nothing the archive holds says how long the festival lasts.
    expect(joined[3]?.candidates.some((candidate) => candidate.gold)).toBe(false);
    expect(joined.flatMap((row) => row.evidence.passages.map((passage) => passage.articleId)).every((id) => id === 'title-0' || id === 'title-1')).toBe(true);
  }, 60_000);

  it('asks the question whose fact was cut out of its passage of the passage without it', async () => {
    const home = temporaryHome();
    homes.push(home);
    const paragraph = (id: string, context: string, question: string, answer: string) => ({ id, context, qas: [{ question, answers: [{ text: answer }] }] });
    const file = path.join(home, 'mayor.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        data: [
          {
            title: '青石镇',
            paragraphs: [
              paragraph('river', '青石镇位于河谷北岸。', '青石镇位于哪里？', '河谷北岸'),
              paragraph('bridge', '镇上的石桥全长四十二米。', '石桥全长多少米？', '四十二米'),
              paragraph('mayor', '镇长王立新今年五十岁。镇长王立新曾是一名中学教师。', '镇长王立新今年多大？', '五十岁'),
            ],
          },
        ],
      }),
    );
    const archive = await openTestArchive(home);
    try {
      const rows = await collectAnswerRows(archive, 'mayor', loadSquad(file));
      expect(rows.map((row) => [row.passageId, row.heldOut, row.factLeftOut])).toEqual([
        ['river', true, false],
        ['bridge', false, false],
        ['mayor', false, true],
      ]);
      // The mayor's story is found, without his age.
      const [, , mayor] = rows;
      expect(mayor?.evidence.passages[0]?.articleId).toBe('mayor');
      expect(mayor?.candidates.length).toBeGreaterThan(0);
      expect(mayor?.candidates.some((candidate) => candidate.gold)).toBe(false);
    } finally {
      await archive.close();
    }
  }, 60_000);
});
