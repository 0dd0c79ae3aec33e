// The training rows of one invented set, asked per paragraph and with its titles joined into one article each.
import fs from 'node:fs';
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
});
