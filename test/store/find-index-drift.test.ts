import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findIndexDrift } from '../../src/store/find-index-drift.js';
import { openHnswVectorIndex } from '../../src/store/hnsw/hnsw-vector-index.js';
import { openSqliteArticleStore, type SqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { makeArticle, makeChunks, temporaryDirectory } from './store-fixtures.js';

describe('findIndexDrift', () => {
  let dir: string;
  let cleanup: () => void;
  let store: SqliteArticleStore;

  beforeEach(() => {
    ({ dir, cleanup } = temporaryDirectory());
    store = openSqliteArticleStore(path.join(dir, 'newsbot.db'));
  });

  afterEach(() => {
    store.close();
    cleanup();
  });

  it('lists chunks the index lacks and labels the database lacks', () => {
    const index = openHnswVectorIndex({ dir: path.join(dir, 'index'), embedderId: 'test', dimensions: 4 });
    const unit = new Float32Array([1, 0, 0, 0]);
    const kept = makeArticle({ id: 'kept' });
    const { chunkIds } = store.upsertArticle(kept, 'h', makeChunks(kept, ['一', '二', '三']));
    expect(findIndexDrift(store, index)).toEqual({ missing: chunkIds, extra: [] });

    for (const id of chunkIds) index.add(id, unit);
    expect(findIndexDrift(store, index)).toEqual({ missing: [], extra: [] });

    // The database commits, the process dies before the index is saved.
    const removed = store.removeArticle('kept');
    const added = makeArticle({ id: 'added' });
    const fresh = store.upsertArticle(added, 'h', makeChunks(added, ['四'])).chunkIds;
    expect(findIndexDrift(store, index)).toEqual({ missing: fresh, extra: removed });

    for (const id of removed) index.remove(id);
    for (const id of fresh) index.add(id, unit);
    expect(findIndexDrift(store, index)).toEqual({ missing: [], extra: [] });
  });
});
