// An ingest killed while its vector index spans several segments leaves segments the next run makes consistent
// with the database, and the rerun finishes the file without losing or doubling a vector.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openSqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { openHnswVectorIndex } from '../../src/store/hnsw/hnsw-vector-index.js';
import { SEGMENT_LIST_FILE } from '../../src/store/hnsw/segment-list.js';
import { PROJECT_ROOT, runCli, temporaryHome } from '../helpers/run-cli.js';
import { writeRecordExport } from '../helpers/write-record-export.js';

const SEGMENT_VECTORS = '200';

/** Every chunk of the database has exactly one live vector, in one segment, and the index holds nothing else. */
function expectConsistent(home: string): { segments: number; articles: number } {
  const store = openSqliteArticleStore(path.join(home, 'newsbot.db'));
  const manifest = JSON.parse(fs.readFileSync(path.join(home, 'index', 'manifest.json'), 'utf8'));
  const index = openHnswVectorIndex({ dir: path.join(home, 'index'), embedderId: manifest.embedderId, dimensions: manifest.dimensions, segmentVectors: 200 });
  try {
    const ids = index.ids();
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set(store.allChunkIds()));
    expect(index.savedFilesMatch(store.chunkFingerprint())).toBe(true);
    return { segments: index.segmentCount(), articles: store.stats().articles };
  } finally {
    store.close();
  }
}

describe('a segmented vector index after a killed ingest', () => {
  it('is consistent with the database once reopened, and the rerun completes it', async () => {
    const home = temporaryHome();
    const folder = temporaryHome('newsbot-records-');
    const records = 3000;
    writeRecordExport(folder, records);
    const env = { ...process.env, NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', INDEX_SEGMENT_VECTORS: SEGMENT_VECTORS };
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/newsbot.js'), 'ingest', folder], { env, stdio: 'ignore' });
    // Kill once the index has sealed a segment and the database keeps taking writes.
    const list = path.join(home, 'index', SEGMENT_LIST_FILE);
    const wal = path.join(home, 'newsbot.db-wal');
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(fs.existsSync(list) && fs.existsSync(wal) && fs.statSync(wal).size > 200_000)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(fs.existsSync(list)).toBe(true);

    // Opening as a writer mends the drift (vectors of committed chunks the unsaved open segment lost).
    const opened = await runCli(['search', '社区服务站', '--json'], { NEWSBOT_HOME: home, INDEX_SEGMENT_VECTORS: SEGMENT_VECTORS });
    expect(opened.code).toBe(0);
    expectConsistent(home);

    const rerun = await runCli(['ingest', folder, '--json'], { NEWSBOT_HOME: home, INDEX_SEGMENT_VECTORS: SEGMENT_VECTORS });
    expect(rerun.code).toBe(0);
    const finished = expectConsistent(home);
    expect(finished.articles).toBe(records);
    expect(finished.segments).toBeGreaterThan(2);
  }, 120_000);
});
