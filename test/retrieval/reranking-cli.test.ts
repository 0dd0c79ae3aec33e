import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkHeading } from '../../src/chunking/chunk-article.js';
import { openSqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { runCli, SAMPLE_PAGE, temporaryHome } from '../helpers/run-cli.js';
import { serveModelFiles, type ModelFileServer } from '../embedding/support/serve-model-files.js';
import { listFiles, TINY_CHARACTERS, TINY_RERANKER_ID, tinyRerankerCache, type TinyModelCache } from '../embedding/support/tiny-model-cache.js';
import { TINY_QUANTIZED_SCALE, tinyCrossEncoderScore } from '../embedding/support/write-tiny-cross-encoder.js';

const QUERY = '湘江风光带夜游';

interface SearchResult {
  articleId: string;
  title: string;
  text: string;
  score: number;
  rerankScore?: number;
}

// The CLI with RERANK_MODEL naming the generated cross-encoder on a loopback mirror (the offline hash embedder for vectors).
describe('newsbot with RERANK_MODEL', () => {
  let source: TinyModelCache;
  let server: ModelFileServer;
  let env: Record<string, string>;
  let cacheDir: string;
  const home = temporaryHome();

  beforeAll(async () => {
    source = tinyRerankerCache();
    server = await serveModelFiles(source.cacheDir);
    cacheDir = path.join(home, 'models');
    env = { NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', MODEL_CACHE_DIR: cacheDir, HF_ENDPOINT: server.endpoint, MODEL_DOWNLOAD_TIMEOUT_MS: '3000' };
  });
  afterAll(async () => {
    await server.close();
    source.cleanup();
    fs.rmSync(home, { recursive: true, force: true });
  });

  /** The tiny model's score of a result, worked out without it over what the reranker reads: the chunk's heading, then its text. */
  function expectedScore(result: SearchResult): number {
    const store = openSqliteArticleStore(path.join(home, 'newsbot.db'));
    try {
      const article = store.getArticle(result.articleId);
      if (article === null) throw new Error(`no article ${result.articleId}`);
      return tinyCrossEncoderScore(TINY_CHARACTERS, QUERY, `${chunkHeading(article)}\n${result.text}`) * TINY_QUANTIZED_SCALE;
    } finally {
      store.close();
    }
  }

  it('ingests without loading the reranker, which it never uses (offline, with no copy of it)', async () => {
    const run = await runCli(['ingest', SAMPLE_PAGE, '--json'], { ...env, RERANK_MODEL: TINY_RERANKER_ID, HF_HUB_OFFLINE: '1' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json().articles.added).toBeGreaterThanOrEqual(8);
    expect(server.requests).toEqual([]);
  });

  it('fails at start when the reranker is missing offline, naming the file and HF_HUB_OFFLINE', async () => {
    const run = await runCli(['search', QUERY, '--json'], { ...env, RERANK_MODEL: TINY_RERANKER_ID, HF_HUB_OFFLINE: '1' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`could not load reranking model "${TINY_RERANKER_ID}"`);
    expect(run.stderr).toContain(path.join(cacheDir, TINY_RERANKER_ID, 'config.json'));
    expect(run.stderr).toContain('HF_HUB_OFFLINE=1');
    expect(server.requests).toEqual([]);
  });

  it('searches: the best RERANK_PASSAGES passages by the model’s score, each with it', async () => {
    const plain = await runCli(['search', QUERY, '--k', '20', '--json'], env);
    expect(plain.code).toBe(0);
    const fused: SearchResult[] = plain.json().results;
    expect(fused.length).toBeGreaterThan(5);
    expect(fused.every((result) => result.rerankScore === undefined)).toBe(true);

    const run = await runCli(['search', QUERY, '--k', '5', '--json'], { ...env, RERANK_MODEL: TINY_RERANKER_ID, RERANK_PASSAGES: '20' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const reranked: SearchResult[] = run.json().results;
    // Downloaded from the mirror on first use, as the embedding model would be.
    expect(listFiles(path.join(cacheDir, TINY_RERANKER_ID))).toEqual(['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    for (const result of reranked) expect(result.rerankScore).toBeCloseTo(expectedScore(result), 5);
    // The five the model rates highest of the twenty the fused search ranks first (ties in the fused order).
    const expected = [...fused].sort((left, right) => expectedScore(right) - expectedScore(left)).slice(0, 5);
    expect(reranked.map((result) => [result.articleId, result.text])).toEqual(expected.map((result) => [result.articleId, result.text]));
    // The model changed the order: the fused top five are not these.
    expect(fused.slice(0, 5).map((result) => result.text)).not.toEqual(reranked.map((result) => result.text));

    const human = await runCli(['search', QUERY, '--k', '1'], { ...env, RERANK_MODEL: TINY_RERANKER_ID, HF_HUB_OFFLINE: '1' });
    expect(human.stdout).toMatch(/^1\. .* \[[0-9.]+, rerank [0-9.]+\]\n/);
  });

  it('answers with citations through the reranked passages', async () => {
    const run = await runCli(['ask', '株洲位列小巨人城市榜单第几位？', '--json'], { ...env, RERANK_MODEL: TINY_RERANKER_ID, HF_HUB_OFFLINE: '1' });
    expect(run.code).toBe(0);
    const answer = run.json();
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('43');
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('models download fetches the reranker beside the embedding model', async () => {
    const downloadHome = temporaryHome();
    try {
      const downloadCache = path.join(downloadHome, 'models');
      const run = await runCli(['models', 'download'], { ...env, NEWSBOT_HOME: downloadHome, MODEL_CACHE_DIR: downloadCache, RERANK_MODEL: TINY_RERANKER_ID });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('EMBEDDING_MODEL=hash needs no download');
      expect(run.stdout).toContain(`reranking model ${TINY_RERANKER_ID} is cached in ${path.join(downloadCache, TINY_RERANKER_ID)} (${TINY_RERANKER_ID}@main:quantized)`);
      expect(listFiles(path.join(downloadCache, TINY_RERANKER_ID))).toContain('onnx/model_quantized.onnx');
    } finally {
      fs.rmSync(downloadHome, { recursive: true, force: true });
    }
  });
});
