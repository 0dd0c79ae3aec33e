import type { KeywordHit } from '../article-store.js';

/**
 * The `limit` best of a stream of scored ids (higher score first, then lower id), kept in a binary heap whose root is the
 * worst kept: offering costs one comparison for most ids once the heap is full.
 */
export class TopScores {
  private readonly heap: KeywordHit[] = [];

  constructor(private readonly limit: number) {}

  offer(id: number, score: number): void {
    const { heap } = this;
    if (heap.length < this.limit) {
      heap.push({ id, score });
      this.siftUp(heap.length - 1);
    } else if (this.limit > 0 && (score > heap[0]!.score || (score === heap[0]!.score && id < heap[0]!.id))) {
      heap[0] = { id, score };
      this.siftDown(0);
    }
  }

  /** The kept ids, best first. */
  best(): KeywordHit[] {
    return [...this.heap].sort((left, right) => (better(left, right) ? -1 : 1));
  }

  private siftUp(start: number): void {
    const { heap } = this;
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!better(heap[parent]!, heap[index]!)) break;
      [heap[parent], heap[index]] = [heap[index]!, heap[parent]!];
      index = parent;
    }
  }

  private siftDown(start: number): void {
    const { heap } = this;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let worst = index;
      if (left < heap.length && better(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && better(heap[worst]!, heap[right]!)) worst = right;
      if (worst === index) return;
      [heap[worst], heap[index]] = [heap[index]!, heap[worst]!];
      index = worst;
    }
  }
}

/** Whether `left` ranks above `right`: a higher score, or the same score and a lower id. */
function better(left: KeywordHit, right: KeywordHit): boolean {
  return left.score > right.score || (left.score === right.score && left.id < right.id);
}
