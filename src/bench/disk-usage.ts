import fs from 'node:fs';
import path from 'node:path';
import { toMegabytes } from './memory-sampler.js';

/** Sizes on disk of an archive's files, in megabytes. */
export interface DiskUsage {
  /** `newsbot.db` plus its `-wal` and `-shm` files. */
  databaseMb: number;
  /** Everything in the index directory, its segments' folders included. */
  indexMb: number;
  totalMb: number;
}

/** Measures the database files in `dataDir` (named `databaseFile`) and the files in `indexDir`. */
export function diskUsage(dataDir: string, databaseFile: string, indexDir: string): DiskUsage {
  const base = path.join(dataDir, databaseFile);
  const databaseBytes = [base, `${base}-wal`, `${base}-shm`].reduce((sum, file) => sum + fileSize(file), 0);
  const indexBytes = fs.existsSync(indexDir)
    ? fs.readdirSync(indexDir, { recursive: true, encoding: 'utf8' }).reduce((sum, name) => sum + fileSize(path.join(indexDir, name)), 0)
    : 0;
  return { databaseMb: toMegabytes(databaseBytes), indexMb: toMegabytes(indexBytes), totalMb: toMegabytes(databaseBytes + indexBytes) };
}

function fileSize(file: string): number {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : 0;
  } catch {
    return 0;
  }
}
