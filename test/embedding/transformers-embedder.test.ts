import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TransformersEmbedder } from '../../src/embedding/transformers-embedder.js';
import { ModelUnavailableError } from '../../src/embedding/model-unavailable-error.js';
import { createLoadedEmbedder } from '../../src/embedding/create-embedder.js';
import { importTransformers } from '../../src/embedding/import-transformers.js';
import { embeddingConfig } from './embedding-fixtures.js';

// These load the model for real. The hub is unreachable from the test machines, so loading must
// fail fast with the explanation; where the hub is reachable the download would succeed instead.
describe('TransformersEmbedder loading without the model', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const isHubReachable = async (): Promise<boolean> => {
    try {
      await fetch('https://huggingface.co/api/models/Xenova/bge-small-zh-v1.5', { signal: AbortSignal.timeout(3000) });
      return true;
    } catch {
      return false;
    }
  };

  it('rejects with ModelUnavailableError within the timeout, explaining the fixes', async (context) => {
    if (await isHubReachable()) context.skip();
    const { config, cleanup } = embeddingConfig('Xenova/bge-small-zh-v1.5', { MODEL_DOWNLOAD_TIMEOUT_MS: '3000' });
    cleanups.push(cleanup);
    const started = Date.now();
    const error = await createLoadedEmbedder(config).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    const unavailable = error as ModelUnavailableError;
    expect(unavailable.model).toBe('Xenova/bge-small-zh-v1.5');
    expect(unavailable.cause).toBeDefined();
    expect(unavailable.message).toContain('could not load embedding model "Xenova/bge-small-zh-v1.5"');
    expect(unavailable.message).toContain('EMBEDDING_MODEL=hash');
    expect(unavailable.message).toContain('npx newsbot models download');
    expect(unavailable.message).toContain(`${config.modelCacheDir}/Xenova/bge-small-zh-v1.5`);
  });

  it('gives up on a hub that accepts the connection but sends nothing', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const server = http.createServer(() => {
      // Never answers.
    });
    server.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    );
    const { env } = await importTransformers();
    const remoteHost = env.remoteHost;
    env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    cleanups.push(() => {
      env.remoteHost = remoteHost;
    });

    const { config, cleanup } = embeddingConfig('Xenova/bge-small-zh-v1.5');
    cleanups.push(cleanup);
    const embedder = new TransformersEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir, downloadTimeoutMs: 1500 });
    const started = Date.now();
    const error = await embedder.load().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(Date.now() - started).toBeLessThan(6000);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).message).toMatch(/no data from http:\/\/127\.0\.0\.1:\d+\/.* within 1500 ms/);
    // The global fetch is restored once loading is over.
    expect(globalThis.fetch.name).toBe('fetch');
  });

  it('lets a later call try again after a failure', async (context) => {
    if (await isHubReachable()) context.skip();
    const { config, cleanup } = embeddingConfig('Xenova/bge-small-zh-v1.5', { MODEL_DOWNLOAD_TIMEOUT_MS: '3000' });
    cleanups.push(cleanup);
    const embedder = new TransformersEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir, downloadTimeoutMs: 3000 });
    await expect(embedder.load()).rejects.toBeInstanceOf(ModelUnavailableError);
    await expect(embedder.embed(['你好'], 'query')).rejects.toBeInstanceOf(ModelUnavailableError);
  });
});
