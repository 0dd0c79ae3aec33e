// What a reader sees of a printed correction in the bot, the same in both modes (SQLite archive, PostgreSQL worker).
import { expect, test } from 'vitest';
import { makeArticle } from '../../helpers/open-test-archive.js';
import type { BotHarness } from '../harness.js';

export const SEWAGE = makeArticle('sewage', '河西污水处理厂扩建完工', ['河西污水处理厂扩建工程完工，全市日污水处理能力达到56万吨，出水水质达到一级A标准。'], {
  date: '2026-08-01',
});
export const NOTICE = makeArticle('notice', '更正', ['更正：8月1日本报刊发的《河西污水处理厂扩建完工》一文中，“日污水处理能力达到56万吨”应为“65万吨”。特此更正。'], {
  date: '2026-08-03',
});
const CORRECTION_LINE = '更正于 2026-08-03：“日污水处理能力达到56万吨”应为“日污水处理能力达到65万吨”（/source notice）';
const plain = (html: string): string => html.replace(/<[^>]+>/g, '');

/** The tests, on a harness (started in the caller's beforeAll) whose archive holds `SEWAGE` and `NOTICE`. */
export function sourceCorrectionTests(harness: () => BotHarness): void {
  test('/source of the corrected article says when and how it was corrected', async () => {
    const [reply] = await harness().sendPrivateMessage('/source sewage');
    expect(plain(reply!.text)).toContain(CORRECTION_LINE);
  });

  test("the answer gives the corrected figure, cites the notice, and the corrected article's source card says 更正于", async () => {
    const [answer] = await harness().sendPrivateMessage('全市日污水处理能力达到多少万吨？');
    expect(plain(answer!.text)).toContain('65万吨');
    expect(plain(answer!.text)).not.toMatch(/^[^（]*56万吨/);
    expect(plain(answer!.text)).toContain('2026年8月3日更正');
    const card = await harness().pressButton(answer!, /^src:\d+:1$/);
    expect(plain(card.replies[0]!.text)).toContain(CORRECTION_LINE);
  });
}
