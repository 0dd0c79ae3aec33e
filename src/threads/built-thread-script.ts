import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The compiled worker-thread entry `fileName` beside the module at `moduleUrl` (pass `import.meta.url`). A worker
 * thread runs plain JavaScript only: when that module runs from its TypeScript source (the tests), the entry is taken
 * from the build (`src/` → `dist/`, the same folders below), which `npm test` makes first.
 */
export function builtThreadScript(moduleUrl: string, fileName: string): URL {
  const beside = new URL(`./${fileName}`, moduleUrl);
  const besidePath = fileURLToPath(beside);
  if (fs.existsSync(besidePath)) return beside;
  const parts = besidePath.split(path.sep);
  const source = parts.lastIndexOf('src');
  const built = source < 0 ? null : [...parts.slice(0, source), 'dist', ...parts.slice(source + 1)].join(path.sep);
  if (built === null || !fs.existsSync(built))
    throw new Error(`the worker thread's script is missing (looked for ${besidePath}${built === null ? '' : ` and ${built}`}): run "npm run build"`);
  return pathToFileURL(built);
}
