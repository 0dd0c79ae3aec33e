import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openSqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { openHnswVectorIndex } from '../../src/store/hnsw/hnsw-vector-index.js';
import { chunkArticle } from '../../src/chunking/chunk-article.js';
import { makeArticle, openTestArchive } from '../helpers/open-test-archive.js';
import { PROJECT_ROOT, runCli, temporaryHome } from '../helpers/run-cli.js';
import { writeRecordExport } from '../helpers/write-record-export.js';

const BASE = makeArticle('base', '城市书房开放', ['株洲城市书房全部免费开放，每天开放到晚上九点。']);
const LATE = makeArticle('late', '新能源公交投运', ['首批60辆新能源公交车今天投入运营，覆盖12条线路。']);

function expectConsistent(home: string): void {
  const store = openSqliteArticleStore(path.join(home, 'newsbot.db'));
  const manifestFile = path.join(home, 'index', 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    // Killed before its first commit: no index was ever saved, and the database must hold no chunk either.
    try {
      expect(store.allChunkIds()).toEqual([]);
    } finally {
      store.close();
    }
    return;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const index = openHnswVectorIndex({ dir: path.join(home, 'index'), embedderId: manifest.embedderId, dimensions: manifest.dimensions });
  try {
    expect(new Set(index.ids())).toEqual(new Set(store.allChunkIds()));
  } finally {
    store.close();
  }
}

describe('database and vector index stay consistent after a crash', () => {
  it('embeds chunks the database has but the index lost (crash after the database write)', async () => {
    const home = temporaryHome();
    (await openTestArchive(home)).close();
    // Simulate the crash: the database commit happened, the index write never did.
    const store = openSqliteArticleStore(path.join(home, 'newsbot.db'));
    store.upsertArticle(BASE, 'h1', chunkArticle(BASE));
    store.upsertArticle(LATE, 'h2', chunkArticle(LATE));
    store.close();

    const archive = await openTestArchive(home);
    try {
      expect(archive.index.count()).toBe(archive.store.allChunkIds().length);
      const passages = await archive.retriever.search('新能源公交车', { k: 1 });
      expect(passages[0]?.articleId).toBe('late');
      // The repaired vector is the chunk's own: the nearest to the question is that chunk.
      const [query] = await archive.embedder.embed(['新能源公交车'], 'query');
      const [nearest] = archive.index.search(query!, 1);
      expect(archive.store.getChunks([nearest!.id])[0]?.articleId).toBe('late');
    } finally {
      archive.close();
    }
  });

  it('drops labels the index holds but the database does not (crash after the index write)', async () => {
    const home = temporaryHome();
    const archive = await openTestArchive(home);
    await archive.indexArticles([BASE, LATE]);
    const [vector] = await archive.embedder.embed(['幽灵'], 'passage');
    archive.index.add(987_654, vector!);
    archive.index.save();
    archive.close();

    const reopened = await openTestArchive(home);
    try {
      expect(reopened.index.ids()).not.toContain(987_654);
      expect(reopened.index.count()).toBe(reopened.store.allChunkIds().length);
    } finally {
      reopened.close();
    }
  });

  it('rebuilds from the database when the index file is truncated', async () => {
    const home = temporaryHome();
    const archive = await openTestArchive(home);
    await archive.indexArticles([BASE, LATE]);
    archive.close();
    const file = path.join(home, 'index', 'vectors.hnsw');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));

    const reopened = await openTestArchive(home);
    try {
      expect(reopened.index.count()).toBe(reopened.store.allChunkIds().length);
      expect((await reopened.retriever.search('城市书房', { k: 1 }))[0]?.articleId).toBe('base');
    } finally {
      reopened.close();
    }
  });

  it('recovers after the ingest process is killed (SIGKILL) mid-way', async () => {
    const home = temporaryHome();
    const folder = temporaryHome('newsbot-records-');
    const records = 3000;
    writeRecordExport(folder, records);
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/newsbot.js'), 'ingest', folder], {
      env: { ...process.env, NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    // Kill once the database has started taking writes.
    const database = path.join(home, 'newsbot.db');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(fs.existsSync(`${database}-wal`) && fs.statSync(`${database}-wal`).size > 200_000)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const archive = await openTestArchive(home);
    archive.close();
    expectConsistent(home);
    // And the interrupted ingest can simply be run again: nothing lost, nothing doubled.
    const rerun = await runCli(['ingest', folder, '--json'], { NEWSBOT_HOME: home });
    expect(rerun.code).toBe(0);
    const report = rerun.json();
    expect(report.articles.added + report.articles.unchanged).toBe(records);
    expectConsistent(home);
  });
});
