// `train-answers --joined`: the joined archive is reported on the passage folds and fitted only when asked.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { trainAnswerModel, type JoinedUse } from '../../../src/evaluation/training/train-answer-model.js';
import { temporaryHome } from '../../helpers/run-cli.js';
import { openTestArchive } from '../../helpers/open-test-archive.js';
import { writeTownAndVillage } from '../../helpers/town-and-village-set.js';

describe('trainAnswerModel with titles joined', () => {
  const homes: string[] = [];
  afterAll(() => {
    for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
  });
  const home = temporaryHome();
  homes.push(home);
  const file = writeTownAndVillage(home);
  const train = (joined?: JoinedUse) =>
    trainAnswerModel({
      fitSets: [{ name: 'town', file, ...(joined ? { joined } : {}) }],
      folds: 2,
      openArchive: () => {
        const archive = temporaryHome();
        homes.push(archive);
        return openTestArchive(archive);
      },
    });

  it('reports the joined archive without fitting on it, or fits on it when asked', async () => {
    const plain = await train();
    const judged = await train('judge');
    const both = await train('also');
    const instead = await train('instead');
    expect(judged.model).toEqual(plain.model);
    expect(judged.curve[0]?.sets.map((set) => set.set).sort()).toEqual(['town', 'town-joined']);
    expect(plain.curve[0]?.sets.map((set) => set.set)).toEqual(['town']);
    expect(both.model.fittedOn).toMatch(/^town \+ town-joined: 10 questions/);
    expect(instead.model.fittedOn).toMatch(/^town-joined: 5 questions/);
    expect(instead.curve[0]?.sets.map((set) => set.set).sort()).toEqual(['town', 'town-joined']);
  }, 120_000);
});
