import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** Merges `<cwd>/.env` (if present) under the given environment: real variables win. */
export function readEnv(env: Record<string, string | undefined>, cwd: string = process.cwd()): Record<string, string | undefined> {
  const file = path.join(cwd, '.env');
  if (!fs.existsSync(file)) return { ...env };
  const fromFile = parseEnv(fs.readFileSync(file, 'utf8'));
  return { ...fromFile, ...env };
}
