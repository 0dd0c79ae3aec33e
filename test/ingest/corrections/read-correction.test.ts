import { describe, expect, it } from 'vitest';
import { readCorrection } from '../../../src/ingest/corrections/read-correction.js';

describe('readCorrection', () => {
  it('reads a printed Chinese notice: the quoted title, the day named, the statement and its correction', () => {
    expect(
      readCorrection({ title: '更正', date: '2026-08-03', paragraphs: ['更正：8月1日本报刊发的《河西污水处理厂扩建完工》一文中，“日污水处理能力达到56万吨”应为“65万吨”。'] }),
    ).toEqual({ quotedTitle: '河西污水处理厂扩建完工', namedDate: '2026-08-01', url: null, wrong: '日污水处理能力达到56万吨', corrected: '日污水处理能力达到65万吨' });
  });

  it('reads 勘误 and English notices, with a link', () => {
    expect(readCorrection({ title: '勘误', date: '2026-01-05', paragraphs: ['12月30日《新年音乐会》一文中，"18时"应为"19时"。'] })).toMatchObject({
      namedDate: '2025-12-30',
      wrong: '18时',
      corrected: '19时',
    });
    expect(
      readCorrection({
        title: 'Correction',
        date: '2026-03-02',
        paragraphs: ['Correction: the article at https://news.example/7 said "1,200 seats"; it should have said "2,100 seats".'],
      }),
    ).toMatchObject({ url: 'https://news.example/7', wrong: '1,200 seats', corrected: '2,100 seats' });
  });

  it('leaves an ordinary article alone', () => {
    expect(readCorrection({ title: '神农公园改造', date: null, paragraphs: ['神农公园改造工程启动。'] })).toBeNull();
  });
});
