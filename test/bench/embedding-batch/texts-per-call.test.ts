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

  it('takes the fastest size at one thread per process, on the precision asked', () => {
    const trials = [trial(1, 1, 40), trial(1, 2, 38), trial(1, 8, 30), trial(2, 1, 45), trial(2, 4, 57), trial(1, 32, 90, 'full')];
    expect(chooseTextsPerCall(trials, 'quantized')).toBe(1);
    expect(chooseTextsPerCall(trials, 'quantized', 2)).toBe(4);
    expect(chooseTextsPerCall(trials, 'full')).toBe(32);
  });

  it('takes the smaller size on a tie, and refuses a setting it has no trials of', () => {
    expect(chooseTextsPerCall([trial(1, 16, 30), trial(1, 4, 30)], 'quantized')).toBe(4);
    expect(() => chooseTextsPerCall([trial(1, 4, 30)], 'full')).toThrow(/no trials/);
    expect(() => chooseTextsPerCall([trial(1, 4, 30)], 'quantized', 2)).toThrow(/no trials/);
  });
});
