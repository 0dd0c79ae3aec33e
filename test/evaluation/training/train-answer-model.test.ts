// The committed answer model is what the training script fits on the tuning sets in the repository.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { trainAnswerModel } from '../../../src/evaluation/training/train-answer-model.js';
import { ANSWER_MODEL } from '../../../src/answer/model/answer-model.js';
import { CMRC_DEV, DRCD_DEV, temporaryHome } from '../../helpers/run-cli.js';
import { openTestArchive } from '../../helpers/open-test-archive.js';

describe('npm run train:answers', () => {
  const homes: string[] = [];
  afterAll(() => {
    for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
  });

  it('reproduces the committed weights from CMRC 2018 dev and DRCD dev', async () => {
    const { model } = await trainAnswerModel({
      fitSets: [
        { name: 'cmrc2018-dev', file: CMRC_DEV },
        { name: 'drcd-dev', file: DRCD_DEV },
      ],
      folds: 0,
      openArchive: () => {
        const home = temporaryHome();
        homes.push(home);
        return openTestArchive(home);
      },
    });
    expect(model.choice.features).toEqual(ANSWER_MODEL.choice.features);
    expect(model.answerable.features).toEqual(ANSWER_MODEL.answerable.features);
    for (const [fitted, committed] of [
      [model.choice, ANSWER_MODEL.choice],
      [model.answerable, ANSWER_MODEL.answerable],
    ] as const) {
      fitted.weights.forEach((weight, index) => {
        expect(weight).toBeCloseTo(committed.weights[index]!, 3);
      });
      fitted.means.forEach((mean, index) => {
        expect(mean).toBeCloseTo(committed.means[index]!, 3);
      });
      expect(fitted.intercept).toBeCloseTo(committed.intercept, 3);
    }
    expect(model.runnerUpRatio).toBe(ANSWER_MODEL.runnerUpRatio);
    expect(model.minConfidence).toBe(ANSWER_MODEL.minConfidence);
  }, 600_000);
});
