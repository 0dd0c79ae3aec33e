// The bench's generated BERT at a tiny size, through the real transformers.js adapter: shape and
// masking only (the bench times the full size; nothing here is timed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransformersEmbedder } from '../../../src/embedding/transformers-embedder.js';
import { DEFAULT_MODEL_PROFILE } from '../../../src/embedding/model-profiles.js';
import { BGE_SMALL_ZH_SHAPE, type BertShape } from '../../../bench/bge-shaped-model/bert-shape.js';
import { BGE_SHAPED_MODEL_ID, bertParameters, writeBgeShapedModel } from '../../../bench/bge-shaped-model/write-bge-shaped-model.js';
import { SAMPLE_PAGE } from '../../helpers/run-cli.js';

const TINY_SHAPE: BertShape = { ...BGE_SMALL_ZH_SHAPE, hiddenSize: 32, layers: 1, attentionHeads: 4, intermediateSize: 64, vocabularySize: 4096, maxPositions: 64 };
const PAGE = fs.readFileSync(SAMPLE_PAGE, 'utf8');

describe('writeBgeShapedModel', () => {
  let cacheDir: string;
  let written: ReturnType<typeof writeBgeShapedModel>;

  beforeAll(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-bge-shaped-'));
    written = writeBgeShapedModel({ dir: path.join(cacheDir, BGE_SHAPED_MODEL_ID), characters: PAGE, shape: TINY_SHAPE, quantized: true });
  });
  afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  it('writes the Hugging Face layout with a vocabulary of exactly vocab_size entries', () => {
    const dir = path.join(cacheDir, BGE_SHAPED_MODEL_ID);
    expect(written.files).toEqual(expect.arrayContaining(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']));
    const vocabulary = (JSON.parse(fs.readFileSync(path.join(dir, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } }).model.vocab;
    expect(Object.keys(vocabulary)).toHaveLength(TINY_SHAPE.vocabularySize);
    expect(vocabulary).toMatchObject({ '[PAD]': 0, '[UNK]': 100, '[CLS]': 101, '[SEP]': 102, '[MASK]': 103, 株: expect.any(Number) });
    // float32 weights make up the file (plus a little graph).
    expect(written.onnxBytes / 4).toBeGreaterThan(written.parameters);
    expect(written.onnxBytes / 4).toBeLessThan(written.parameters * 1.05);
  });

  it('runs through TransformersEmbedder: one CLS vector of hidden_size per text, unchanged by padding', async () => {
    const embedder = new TransformersEmbedder({ model: BGE_SHAPED_MODEL_ID, cacheDir, downloadTimeoutMs: 1000, offline: true, threads: 1, batchSize: 4, precision: 'full' });
    await embedder.load();
    expect(embedder.dimensions).toBe(TINY_SHAPE.hiddenSize);
    expect({ textsPerCall: embedder.textsPerCall, maxBatchSize: embedder.maxBatchSize }).toEqual({ textsPerCall: 4, maxBatchSize: DEFAULT_MODEL_PROFILE.maxBatchSize });
    const short = '株洲日报';
    const long = PAGE.slice(0, 200);
    const [alone] = await embedder.embed([short], 'passage');
    const batch = await embedder.embed([short, long, '湘江'], 'passage');
    expect(batch).toHaveLength(3);
    for (const vector of batch) {
      expect(vector).toHaveLength(TINY_SHAPE.hiddenSize);
      expect(vector.every(Number.isFinite)).toBe(true);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 4);
    }
    // The attention mask keeps the padded positions out: the short text's vector is the same alone or padded to the long one.
    for (const [index, value] of alone!.entries()) expect(batch[0]![index]).toBeCloseTo(value, 4);
    await expect(
      embedder.embed(
        Array.from({ length: DEFAULT_MODEL_PROFILE.maxBatchSize + 1 }, () => '一'),
        'passage',
      ),
    ).rejects.toThrow(RangeError);
  });

  it("writes an int8 model_quantized.onnx that computes the float32 model's vectors, rounded", async () => {
    // int8 weights make up the file: a quarter of float32's, plus scales and graph.
    expect(written.quantizedOnnxBytes).toBeGreaterThan(written.parameters);
    expect(written.quantizedOnnxBytes).toBeLessThan(written.parameters * 1.2);
    const options = { model: BGE_SHAPED_MODEL_ID, cacheDir, downloadTimeoutMs: 1000, offline: true, threads: 1 };
    const full = new TransformersEmbedder({ ...options, precision: 'full' });
    const quantized = new TransformersEmbedder({ ...options, precision: 'quantized' });
    await Promise.all([full.load(), quantized.load()]);
    expect(quantized.id).toMatch(/:quantized:/);
    const texts = ['株洲日报', PAGE.slice(0, 120)];
    const [fullVectors, quantizedVectors] = await Promise.all([full.embed(texts, 'query'), quantized.embed(texts, 'query')]);
    for (const [index, vector] of quantizedVectors.entries()) {
      const cosine = vector.reduce((sum, value, position) => sum + value * fullVectors[index]![position]!, 0);
      expect(cosine).toBeGreaterThan(0.98);
      expect(cosine).toBeLessThan(0.999999);
    }
  });

  it('counts bge-small-zh-v1.5 as about 24 million weights', () => {
    expect(bertParameters(BGE_SMALL_ZH_SHAPE)).toBe(23_691_264);
  });
});
