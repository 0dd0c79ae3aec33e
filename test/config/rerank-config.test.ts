import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig } from '../../src/config/config.js';
import { runCli } from '../helpers/run-cli.js';

describe('reranking settings', () => {
  it('are off without RERANK_MODEL, also when only its other settings are given', () => {
    expect(loadConfig({}).rerank).toBeNull();
    expect(loadConfig({ RERANK_MODEL: '', RERANK_PASSAGES: '10' }).rerank).toBeNull();
  });

  it('take their defaults beside RERANK_MODEL, and the values given', () => {
    expect(loadConfig({ RERANK_MODEL: 'Xenova/bge-reranker-base' }).rerank).toEqual({
      model: 'Xenova/bge-reranker-base',
      revision: 'main',
      precision: 'auto',
      passages: DEFAULTS.RERANK_PASSAGES,
    });
    expect(DEFAULTS.RERANK_PASSAGES).toBe(20);
    expect(loadConfig({ RERANK_MODEL: ' Xenova/bge-reranker-base ', RERANK_PASSAGES: '8', RERANK_PRECISION: 'full', RERANK_REVISION: 'v1.0' }).rerank).toEqual({
      model: 'Xenova/bge-reranker-base',
      revision: 'v1.0',
      precision: 'full',
      passages: 8,
    });
  });

  it.each(['0', '101', '2.5', 'twenty'])('refuse RERANK_PASSAGES=%s, naming the range', (value) => {
    expect(() => loadConfig({ RERANK_MODEL: 'Xenova/bge-reranker-base', RERANK_PASSAGES: value })).toThrow(ConfigError);
    expect(() => loadConfig({ RERANK_MODEL: 'Xenova/bge-reranker-base', RERANK_PASSAGES: value })).toThrow(
      `RERANK_PASSAGES=${value}: RERANK_PASSAGES must be a whole number from 1 to 100`,
    );
  });

  it.each(['../models/x', 'Xenova/bge reranker', '/abs/path', 'a/b/c'])('refuse RERANK_MODEL=%s, which is no model id', (value) => {
    expect(() => loadConfig({ RERANK_MODEL: value })).toThrow(/RERANK_MODEL=.*must be a Hugging Face model id such as Xenova\/bge-reranker-base/);
  });

  it('refuse a RERANK_PRECISION outside auto, quantized, full', () => {
    expect(() => loadConfig({ RERANK_MODEL: 'Xenova/bge-reranker-base', RERANK_PRECISION: 'int4' })).toThrow(/RERANK_PRECISION=int4/);
  });

  it('a bad value stops the CLI with exit code 2 before anything is opened', async () => {
    const run = await runCli(['search', '株洲'], { RERANK_MODEL: 'Xenova/bge-reranker-base', RERANK_PASSAGES: '0' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^newsbot: invalid configuration: RERANK_PASSAGES=0: RERANK_PASSAGES must be a whole number from 1 to 100/);
  });
});
