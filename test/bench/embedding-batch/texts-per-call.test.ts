import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseTextsPerCall, type TextsPerCallTrial } from '../../../bench/embedding-batch/choose-texts-per-call.js';
import { DEFAULT_MODEL_PROFILE, MODEL_PROFILES } from '../../../src/embedding/model-profiles.js';

const report = JSON.parse(fs.readFileSync(new URL('../../../bench/embedding-batch.json', import.meta.url), 'utf8')) as { trials: TextsPerCallTrial[] };

describe('the texts per model call in use', () => {
  it('is what the committed sweep chooses for the default precision (bench/embedding-batch.json, re-chosen here)', () => {
    const chosen = chooseTextsPerCall(report.trials, 'quantized');
    expect(DEFAULT_MODEL_PROFILE.textsPerCall).toBe(chosen);
    expect(MODEL_PROFILES['Xenova/bge-small-zh-v1.5']!.textsPerCall).toBe(chosen);
  });
});

describe('chooseTextsPerCall', () => {
  const trial = (threads: number, textsPerCall: number, median: number, precision = 'quantized'): TextsPerCallTrial => ({ precision, threads, textsPerCall, median });

  it('takes the size that is fastest at most thread counts, on the precision asked', () => {
    const trials = [trial(1, 1, 30), trial(1, 8, 31), trial(2, 1, 33), trial(2, 8, 29), trial(4, 1, 35), trial(4, 8, 30), trial(1, 32, 90, 'full')];
    expect(chooseTextsPerCall(trials, 'quantized')).toBe(1);
    expect(chooseTextsPerCall(trials, 'full')).toBe(32);
  });

  it('takes the smaller size when two win as often, and refuses a precision it has no trials of', () => {
    expect(chooseTextsPerCall([trial(1, 4, 30), trial(1, 16, 20), trial(2, 4, 20), trial(2, 16, 30)], 'quantized')).toBe(4);
    expect(() => chooseTextsPerCall([trial(1, 4, 30)], 'full')).toThrow(/no trials/);
  });
});
