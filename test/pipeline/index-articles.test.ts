import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexArticles } from '../../src/pipeline/index-articles.js';
import type { Archive } from '../../src/pipeline/archive.js';
import { makeArticle, openTestArchive, RecordingEmbedder } from '../helpers/open-test-archive.js';
import { temporaryHome } from '../helpers/run-cli.js';

const FIRST = makeArticle('a-1', '株洲新建城市书房', ['今年株洲将在城区新建12座城市书房，方便市民就近阅读。', '书房全部免费开放，每天开放到晚上九点。']);
const SECOND = makeArticle('a-2', '湘江风光带完成提质', ['湘江风光带提质工程已经完工，新增绿道8公里。', '沿线设置了休息驿站和直饮水点。']);

describe('indexArticles (incremental, real SQLite + HNSW)', () => {
  let archive: Archive;
  let embedder: RecordingEmbedder;
  const index = (articles = [FIRST, SECOND]) => indexArticles({ store: archive.store, index: archive.index, embedder, logger: archive.logger }, articles);

  beforeEach(async () => {
    archive = await openTestArchive(temporaryHome());
    embedder = new RecordingEmbedder(archive.embedder);
  });
  afterEach(() => archive.close());

  it('does no embedding work when the sources are unchanged', async () => {
    const first = await index();
    expect(first).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(embedder.embedded.length).toBe(first.chunks);
    embedder.embedded.length = 0;
    const second = await index();
    expect(second).toEqual({ added: 0, updated: 0, unchanged: 2, chunks: 0 });
    expect(embedder.embedded).toEqual([]);
  });

  it('replaces a changed article’s chunks in the database and the vector index', async () => {
    await index();
    const oldIds = archive.store.articleChunks('a-1').map((chunk) => chunk.id);
    embedder.embedded.length = 0;
    const changed = { ...FIRST, paragraphs: ['今年株洲将在城区新建15座城市书房，方便市民就近阅读。'] };
    const summary = await index([changed, SECOND]);
    expect(summary).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect(embedder.embedded.every((text) => text.includes('城市书房'))).toBe(true);
    const newIds = archive.store.articleChunks('a-1').map((chunk) => chunk.id);
    const live = new Set(archive.index.ids());
    for (const id of oldIds) expect(live.has(id)).toBe(false);
    for (const id of newIds) expect(live.has(id)).toBe(true);
    expect(archive.index.count()).toBe(archive.store.allChunkIds().length);
    const [vector] = await archive.embedder.embed(['新建15座城市书房'], 'query');
    const hit = archive.index.search(vector!, 1)[0]!;
    expect(archive.store.getChunks([hit.id])[0]!.text).toContain('15座');
  });

  it('removes an article from the database and the vector index', async () => {
    await index();
    const ids = archive.store.articleChunks('a-2').map((chunk) => chunk.id);
    expect(archive.removeArticles(['a-2'])).toBe(1);
    expect(archive.store.getArticle('a-2')).toBeNull();
    const live = new Set(archive.index.ids());
    for (const id of ids) expect(live.has(id)).toBe(false);
    const passages = await archive.retriever.search('湘江风光带绿道', { k: 5 });
    expect(passages.every((passage) => passage.articleId !== 'a-2')).toBe(true);
    expect(archive.removeArticles(['a-2'])).toBe(0);
  });
});
