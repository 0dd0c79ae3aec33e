import { describe, expect, it } from 'vitest';
import type { EmbedKind, Embedder } from '../../../src/embedding/embedder.js';
import { HashEmbedder } from '../../../src/embedding/hash-embedder.js';
import { StandInPassageEmbedder } from '../../../bench/real-model-share/stand-in-passage-embedder.js';
import { TimedEmbedder } from '../../../bench/real-model-share/timed-embedder.js';

/** A semantic "model" that records what it is asked and answers with a constant vector. */
class RecordingModel implements Embedder {
  readonly id = 'some/model@main:full:cls';
  readonly dimensions = 64;
  readonly maxBatchSize = 32;
  readonly maxConcurrency = 1;
  readonly semantic = true;
  readonly maxInputChars = 512;
  readonly kinds: EmbedKind[] = [];

  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    this.kinds.push(kind);
    return Promise.resolve(texts.map(() => new Float32Array(this.dimensions).fill(1 / Math.sqrt(this.dimensions))));
  }
}

describe('StandInPassageEmbedder', () => {
  it("takes the model's identity, so the index and the retriever treat it as the model", () => {
    const standIn = new StandInPassageEmbedder(new RecordingModel());
    expect({ id: standIn.id, dimensions: standIn.dimensions, semantic: standIn.semantic, maxInputChars: standIn.maxInputChars }).toEqual({
      id: 'some/model@main:full:cls',
      dimensions: 64,
      semantic: true,
      maxInputChars: 512,
    });
  });

  it('embeds passages with the hash embedder at the model dimensions and queries with the model', async () => {
    const model = new RecordingModel();
    const standIn = new StandInPassageEmbedder(model);
    const [passage] = await standIn.embed(['株洲市今年一季度地区生产总值同比增长5.8%'], 'passage');
    expect(model.kinds).toEqual([]);
    expect(Array.from(passage!)).toEqual(Array.from(new HashEmbedder({ dimensions: 64 }).embedOne('株洲市今年一季度地区生产总值同比增长5.8%')));
    const [query] = await standIn.embed(['株洲GDP增长多少？'], 'query');
    expect(model.kinds).toEqual(['query']);
    expect(query![0]).toBeCloseTo(1 / 8, 6);
  });
});

describe('TimedEmbedder', () => {
  it('adds up calls and time until taken, then starts again', async () => {
    const timed = new TimedEmbedder(new RecordingModel());
    await timed.embed(['一'], 'query');
    await timed.embed(['二'], 'query');
    const taken = timed.take();
    expect(taken.calls).toBe(2);
    expect(taken.ms).toBeGreaterThanOrEqual(0);
    expect(timed.take()).toEqual({ ms: 0, calls: 0 });
  });
});
