import path from 'node:path';

/**
 * A model's folder in the cache: `<cacheDir>/<owner>/<name>` for the `main` revision (the layout
 * transformers.js uses, so a copied model folder is found), `<cacheDir>/<owner>/<name>/<revision>` otherwise.
 */
export function modelCacheFolder(cacheDir: string, model: string, revision: string): string {
  return revision === 'main' ? path.join(cacheDir, model) : path.join(cacheDir, model, revision);
}
