import { describe, expect, it } from 'vitest';
import { paginateMessages } from '../../../src/bot/sources/paginate-messages.js';

const parts = (count: number) => Array.from({ length: count }, (_, index) => `part ${index + 1}`);

describe('paginateMessages', () => {
  it('keeps up to 5 messages on one page', () => {
    expect(paginateMessages([])).toEqual([]);
    expect(paginateMessages(parts(1))).toEqual([['part 1']]);
    expect(paginateMessages(parts(5))).toEqual([parts(5)]);
  });

  it('splits longer texts into pages of 4, nothing dropped or repeated', () => {
    const pages = paginateMessages(parts(23));
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(pages.flat()).toEqual(parts(23));
  });

  it('takes other bounds', () => {
    expect(paginateMessages(parts(7), { maxMessages: 2, messagesPerPage: 3 }).map((page) => page.length)).toEqual([3, 3, 1]);
  });
});
