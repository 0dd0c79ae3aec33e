import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../../src/text/numbers/extract-quantities.js';
import { compareQuantities } from '../../../src/text/numbers/same-quantity.js';

const quantity = (text: string) => extractQuantities(text)[0]!;

describe('compareQuantities (claim, archive)', () => {
  it.each([
    ['超过1800人次', '超1800人次', 'same'],
    ['1800人次', '超1800人次', 'same'],
    ['2600万元', '2600余万元', 'same'],
    ['超过2600万元', '2600余万元', 'same'],
    ['超过2000万元', '2600余万元', 'same'],
    ['3000万元', '2600余万元', 'different'],
    ['近2600万元', '2600余万元', 'different'],
    ['100家', '80家', 'different'],
    ['第5位', '第43位', 'different'],
    ['近万名', '35名', 'different'],
    ['2024年', '2025年', 'different'],
    ['2025年2月', '2025年', 'same'],
    ['4月22日', '2025年', 'incomparable'],
    ['100家', '100人次', 'incomparable'],
    ['80个', '80家', 'incomparable'],
    ['5%', '5家', 'incomparable'],
  ] as const)('claim %s vs archive %s: %s', (claim, archive, relation) => {
    expect(compareQuantities(quantity(claim), quantity(archive))).toBe(relation);
  });
});

describe('compareQuantities without implication (the fact check)', () => {
  const strict = { allowImplied: false } as const;

  it.each([
    ['突破100万户', '突破126万户', 'different'],
    ['超过2000万元', '2600余万元', 'different'],
    ['超过2600万元', '2600余万元', 'same'],
    ['200多个', '230多个', 'different'],
    ['超过1800人次', '超1800人次', 'same'],
  ] as const)('claim %s vs archive %s: %s', (claim, archive, relation) => {
    expect(compareQuantities(quantity(claim), quantity(archive), strict)).toBe(relation);
  });
});
