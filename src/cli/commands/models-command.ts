import type { RegisterCommand } from '../cli-context.js';
import { downloadModel } from '../../embedding/create-embedder.js';
import { createLoadedReranker } from '../../embedding/create-reranker.js';

/** `newsbot models download`: fetches the configured embedding model, and the reranker when one is set, into the cache (for air-gapped servers). */
export const registerModelsCommand: RegisterCommand = (program, context) => {
  const models = program.command('models').description('manage the local model cache (embedding model, reranker)');
  models
    .command('download')
    .description(
      'download EMBEDDING_MODEL (and RERANK_MODEL when set) from HF_ENDPOINT into MODEL_CACHE_DIR (default embeddings/models), checking each file, then load it; copy that folder to an offline server',
    )
    .action(async () => {
      const config = context.config();
      if (config.embeddingModel === 'hash') {
        context.stdout('EMBEDDING_MODEL=hash needs no download\n');
      } else {
        const embedder = await downloadModel(config);
        context.stdout(`model ${config.embeddingModel} is cached in ${embedder?.modelDir ?? config.modelCacheDir} (${embedder?.id ?? config.embeddingModel})\n`);
      }
      const reranker = await createLoadedReranker(config);
      if (reranker !== null) context.stdout(`reranking model ${reranker.model} is cached in ${reranker.modelDir} (${reranker.id})\n`);
    });
};
