import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The compiled worker-thread entry (`embedding-thread.js`) beside this module. A worker thread runs
 * plain JavaScript only: when this module runs from its TypeScript source (the tests), the entry is
 * taken from the build (`src/` → `dist/`), which `npm test` makes first.
 */
export function embeddingThreadScript(): URL {
  const beside = new URL('./embedding-thread.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(beside))) return beside;
  const built = fileURLToPath(beside).replace(/([\\/])src([\\/]embedding[\\/]embedding-thread\.js)$/, '$1dist$2');
  if (!fs.existsSync(built)) throw new Error(`the embedding thread's script is missing (looked for ${fileURLToPath(beside)} and ${built}): run "npm run build"`);
  return pathToFileURL(built);
}
