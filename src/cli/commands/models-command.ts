import type { RegisterCommand } from '../cli-context.js';
import { downloadModel } from '../../embedding/create-embedder.js';

/** `newsbot models download`: fetches the configured embedding model into the cache (for air-gapped servers). */
export const registerModelsCommand: RegisterCommand = (program, context) => {
  const models = program.command('models').description('manage the local embedding model cache');
  models
    .command('download')
    .description(
      'download EMBEDDING_MODEL from HF_ENDPOINT into MODEL_CACHE_DIR (default embeddings/models), checking each file, then load it; copy that folder to an offline server',
    )
    .action(async () => {
      const config = context.config();
      if (config.embeddingModel === 'hash') {
        context.stdout('EMBEDDING_MODEL=hash needs no download\n');
        return;
      }
      const embedder = await downloadModel(config);
      context.stdout(`model ${config.embeddingModel} is cached in ${embedder?.modelDir ?? config.modelCacheDir} (${embedder?.id ?? config.embeddingModel})\n`);
    });
};
