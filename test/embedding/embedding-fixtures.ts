import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config/config.js';

/** A Config for `embeddingModel` with an empty temporary model cache. */
export function embeddingConfig(embeddingModel: string, overrides: Record<string, string> = {}): { config: Config; cleanup: () => void } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-embedding-'));
  const config = loadConfig({ NEWSBOT_HOME: home, EMBEDDING_MODEL: embeddingModel, MODEL_CACHE_DIR: path.join(home, 'models'), ...overrides }, home);
  return { config, cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}
