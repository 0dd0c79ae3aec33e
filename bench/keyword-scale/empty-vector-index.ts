import type { VectorHit, VectorIndex } from '../../src/store/vector-index.js';

/**
 * A vector index with nothing in it, for measuring the keyword leg alone on a copied database: with the lexical embedder
 * the retriever searches vectors only when keywords find fewer than k passages, and an empty index finds none.
 */
export class EmptyVectorIndex implements VectorIndex {
  readonly dimensions = 512;
  count(): number {
    return 0;
  }
  ids(): number[] {
    return [];
  }
  add(): void {
    throw new Error('EmptyVectorIndex holds nothing');
  }
  remove(): void {}
  search(): VectorHit[] {
    return [];
  }
  save(): void {}
}
