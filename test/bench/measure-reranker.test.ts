import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureReranker } from '../../src/bench/measure-reranker.js';
import { PROJECT_ROOT, temporaryHome } from '../helpers/run-cli.js';
import { TINY_RERANKER_ID } from '../embedding/support/tiny-model-cache.js';

describe('measureReranker', () => {
  it('is skipped without RERANK_MODEL', async () => {
    const home = temporaryHome();
    try {
      expect(await measureReranker({ env: { NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash' }, cwd: PROJECT_ROOT, warmUp: [], questions: ['株洲'] })).toEqual({
        skipped: 'RERANK_MODEL is not set',
      });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('is skipped with the reason when the model does not load', async () => {
    const home = temporaryHome();
    try {
      const env = { NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', MODEL_CACHE_DIR: path.join(home, 'models'), HF_HUB_OFFLINE: '1', RERANK_MODEL: TINY_RERANKER_ID };
      const figures = await measureReranker({ env, cwd: PROJECT_ROOT, warmUp: [], questions: ['株洲'] });
      expect(figures).toEqual({ skipped: expect.stringContaining(`the reranker ${TINY_RERANKER_ID} did not load`) });
      expect((figures as { skipped: string }).skipped).toContain(path.join(home, 'models', TINY_RERANKER_ID, 'config.json'));
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
