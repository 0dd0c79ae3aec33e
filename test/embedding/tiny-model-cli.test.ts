import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE_PAGE, temporaryHome } from '../helpers/run-cli.js';
import { serveModelFiles, type ModelFileServer } from './support/serve-model-files.js';
import { listFiles, tinyModelCache, TINY_MODEL_ID, type TinyModelCache } from './support/tiny-model-cache.js';

const QUESTION = '株洲位列小巨人城市榜单第几位？';

function readManifest(home: string): { embedderId: string; dimensions: number; count: number } {
  return JSON.parse(fs.readFileSync(path.join(home, 'index', 'manifest.json'), 'utf8'));
}

// The CLI with the real transformers.js adapter on a tiny generated model; the only server is on 127.0.0.1.
describe('newsbot on a cached model with HF_HUB_OFFLINE=1', () => {
  let cache: TinyModelCache;
  let server: ModelFileServer;
  let env: Record<string, string>;
  let ingest: { articles: { added: number; updated: number; unchanged: number; failed: number }; chunks: number };
  const home = temporaryHome();

  beforeAll(async () => {
    cache = tinyModelCache();
    // A mirror that would answer, to prove nothing asks it.
    server = await serveModelFiles(cache.cacheDir);
    env = { NEWSBOT_HOME: home, EMBEDDING_MODEL: TINY_MODEL_ID, MODEL_CACHE_DIR: cache.cacheDir, HF_HUB_OFFLINE: '1', HF_ENDPOINT: server.endpoint };
    const run = await runCli(['ingest', SAMPLE_PAGE, '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    ingest = run.json();
  });
  afterAll(async () => {
    await server.close();
    cache.cleanup();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('ingests the sample page and records the model in the index manifest', () => {
    expect(ingest.articles).toMatchObject({ updated: 0, unchanged: 0, failed: 0 });
    expect(ingest.articles.added).toBeGreaterThanOrEqual(8);
    const manifest = readManifest(home);
    expect(manifest.embedderId).toMatch(new RegExp(`^${TINY_MODEL_ID}@main:quantized:cls:query-[0-9a-f]{8}$`));
    expect(manifest.dimensions).toBe(32);
    expect(manifest.count).toBe(ingest.chunks);
  });

  it('searches and answers with citations', async () => {
    const search = await runCli(['search', '小巨人企业', '--k', '3', '--json'], env);
    expect(search.code).toBe(0);
    expect(search.json().results[0].text).toContain('小巨人');
    const ask = await runCli(['ask', QUESTION, '--json'], env);
    expect(ask.code).toBe(0);
    const answer = ask.json();
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('43');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(server.requests).toEqual([]);
  });

  it('asks for a reindex when the precision changes, and answers after it', async () => {
    const fullEnv = { ...env, EMBEDDING_PRECISION: 'full' };
    const mismatch = await runCli(['search', '小巨人企业', '--json'], fullEnv);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('newsbot reindex');
    expect(mismatch.stderr).toContain(':quantized:');
    expect(mismatch.stderr).toContain(':full:');
    const reindex = await runCli(['reindex', '--json'], fullEnv);
    expect(reindex.code).toBe(0);
    expect(readManifest(home).embedderId).toContain(`${TINY_MODEL_ID}@main:full:cls:`);
    const answer = (await runCli(['ask', QUESTION, '--json'], fullEnv)).json();
    expect(answer.answer).toContain('43');
    expect(server.requests).toEqual([]);
  });
});

describe('newsbot models download from a mirror (HF_ENDPOINT)', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A mirror serving a tiny model written with `options`, and an empty home and cache to download into. */
  async function mirror(
    options: Parameters<typeof tinyModelCache>[0] = {},
  ): Promise<{ server: ModelFileServer; source: TinyModelCache; env: Record<string, string>; modelDir: string }> {
    const source = tinyModelCache(options);
    const server = await serveModelFiles(source.cacheDir);
    const home = temporaryHome();
    cleanups.push(source.cleanup, server.close, () => fs.rmSync(home, { recursive: true, force: true }));
    const cacheDir = path.join(home, 'models');
    const env = { NEWSBOT_HOME: home, EMBEDDING_MODEL: TINY_MODEL_ID, MODEL_CACHE_DIR: cacheDir, HF_ENDPOINT: server.endpoint, MODEL_DOWNLOAD_TIMEOUT_MS: '3000' };
    return { server, source, env, modelDir: path.join(cacheDir, TINY_MODEL_ID) };
  }

  it('downloads every file intact, then answers a question offline', async () => {
    const { server, source, env, modelDir } = await mirror();
    const download = await runCli(['models', 'download'], env);
    expect(download.stderr).toBe('');
    expect(download.code).toBe(0);
    expect(download.stdout).toContain(modelDir);
    // auto precision takes the quantized weights only.
    expect(listFiles(modelDir)).toEqual(listFiles(source.modelDir).filter((file) => file !== 'onnx/model.onnx'));
    for (const file of listFiles(modelDir)) expect(fs.readFileSync(path.join(modelDir, file)).equals(fs.readFileSync(path.join(source.modelDir, file)))).toBe(true);
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) expect(request).toMatch(new RegExp(`^/${TINY_MODEL_ID}/resolve/main/`));

    const offline = { ...env, HF_HUB_OFFLINE: '1', HF_ENDPOINT: 'http://127.0.0.1:9' };
    expect((await runCli(['ingest', SAMPLE_PAGE, '--json'], offline)).code).toBe(0);
    const answer = (await runCli(['ask', QUESTION, '--json'], offline)).json();
    expect(answer.answer).toContain('43');
  });

  it('falls back to full precision when the mirror has no quantized weights', async () => {
    const { server, env, modelDir } = await mirror({ weights: ['full'] });
    const download = await runCli(['models', 'download'], env);
    expect(download.code).toBe(0);
    expect(download.stdout).toContain(`${TINY_MODEL_ID}@main:full:cls:`);
    expect(server.requests).toContain(`/${TINY_MODEL_ID}/resolve/main/onnx/model_quantized.onnx`);
    expect(listFiles(path.join(modelDir, 'onnx'))).toEqual(['model.onnx']);
    const search = await runCli(['search', '株洲', '--json'], { ...env, HF_HUB_OFFLINE: '1' });
    expect(search.code).toBe(0);
  });

  it('sends HF_TOKEN to a mirror that demands it (a gated model), and never prints it', async () => {
    const token = 'hf_gated0123456789abcdef';
    const { server, env } = await mirror();
    server.override = (_file, response, request) => {
      if (request.headers.authorization === `Bearer ${token}`) return false;
      response.writeHead(401, { 'content-type': 'text/plain' }).end('Access to model is restricted');
      return true;
    };
    const refused = await runCli(['models', 'download'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HTTP 401');
    expect(refused.stderr).toContain('HF_TOKEN');
    const allowed = await runCli(['models', 'download'], { ...env, HF_TOKEN: token, LOG_LEVEL: 'debug' });
    expect(allowed.stderr).not.toContain(token);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).not.toContain(token);
  });

  it('rejects a file that is not what it claims, leaving nothing half-written', async () => {
    const { server, env, modelDir } = await mirror();
    server.override = (file, response) => {
      if (file !== 'tokenizer.json') return false;
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Rate limited</body></html>');
      return true;
    };
    const run = await runCli(['models', 'download'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${server.endpoint}/${TINY_MODEL_ID}/resolve/main/tokenizer.json`);
    expect(run.stderr).toContain('not valid JSON');
    expect(listFiles(modelDir)).not.toContain('tokenizer.json');
    expect(listFiles(modelDir).filter((file) => file.endsWith('.part'))).toEqual([]);
    // Once the mirror behaves, the next run completes the folder, settings files included.
    server.override = null;
    const retry = await runCli(['models', 'download'], env);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toMatch(new RegExp(`${TINY_MODEL_ID}@main:quantized:cls:query-[0-9a-f]{8}`));
  });

  it('rejects a transfer cut short, keeping no partial weights', async () => {
    const { server, env, modelDir } = await mirror();
    server.override = (file, response) => {
      if (!file.endsWith('.onnx')) return false;
      response.writeHead(200, { 'content-length': 100_000 });
      response.write(Buffer.alloc(1000));
      setTimeout(() => response.destroy(), 50);
      return true;
    };
    const run = await runCli(['models', 'download'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('onnx/model_quantized.onnx');
    expect(listFiles(modelDir).filter((file) => file.endsWith('.onnx') || file.endsWith('.part'))).toEqual([]);
    // What did arrive whole is kept; a later run fetches only the rest.
    server.override = null;
    const requestsBefore = server.requests.length;
    expect((await runCli(['models', 'download'], env)).code).toBe(0);
    expect(server.requests.slice(requestsBefore)).toEqual([`/${TINY_MODEL_ID}/resolve/main/onnx/model_quantized.onnx`]);
  });

  it('offline, fails at once naming the missing file and HF_HUB_OFFLINE, asking nothing of the mirror', async () => {
    const { server, env, modelDir } = await mirror();
    const started = Date.now();
    const run = await runCli(['ask', QUESTION, '--json'], { ...env, HF_HUB_OFFLINE: '1' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(path.join(modelDir, 'config.json'));
    expect(run.stderr).toContain('HF_HUB_OFFLINE=1');
    expect(run.stderr).not.toMatch(/network|reachable/);
    expect(server.requests).toEqual([]);
  });
});
