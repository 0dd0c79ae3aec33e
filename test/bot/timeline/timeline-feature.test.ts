// `/timeline <topic>` through the Bot API emulator: the story's reports oldest first, a page at a time, the "more"
// button bound to the chat it was drawn in.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeArticle } from '../../helpers/open-test-archive.js';
import { type BotHarness, type BotReply, startBotHarness } from '../harness.js';
import { TIMELINE_PAGE } from '../../../src/bot/timeline/timeline-feature.js';

const READER = 8201;
const STRANGER = 8202;
/** Ten reports of one story, a month apart, given newest first, and one article on something else. */
const STORY = Array.from({ length: 10 }, (_, index) => {
  const month = String(index + 1).padStart(2, '0');
  return makeArticle(`bridge-${month}`, `湘江四桥建设进展第${index + 1}期`, [`湘江四桥建设完成第${index + 1}阶段工程，施工人员达到${100 + index}人。`], {
    date: `2025-${month}-15`,
    url: `https://news.example/bridge/${month}`,
  });
}).reverse();
/** A message's text as the reader sees it (the emulator keeps the HTML). */
const plain = (reply: BotReply): string => reply.text.replace(/<[^>]+>/g, '');
const OTHER = makeArticle('bakery', '面包节开幕', ['第三届面包节在神农公园开幕，吸引游客两万余人。'], { date: '2025-05-01' });

describe('/timeline', () => {
  let harness: BotHarness;
  let first: BotReply;
  let strangersMessage: BotReply;

  beforeAll(async () => {
    harness = await startBotHarness({ ingestSamplePage: false, articles: [...STORY, OTHER], env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    [first] = (await harness.sendPrivateMessage('/timeline 湘江四桥', { userId: READER })) as [BotReply];
    [strangersMessage] = (await harness.sendPrivateMessage('/start', { userId: STRANGER })) as [BotReply];
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('lists the first page of reports oldest first, one dated line each with its title linked', () => {
    const lines = plain(first).split('\n');
    expect(lines[0]).toBe('「湘江四桥」相关报道（按时间先后）：');
    expect(lines.slice(1)).toHaveLength(TIMELINE_PAGE);
    expect(lines[1]).toBe('2025-01-15 湘江四桥建设完成第1阶段工程，施工人员达到100人。 《湘江四桥建设进展第1期》');
    expect(lines[TIMELINE_PAGE]).toMatch(/^2025-08-15 /);
    expect(first.text).not.toContain('面包节');
    expect(first.text).toContain('<a href="https://news.example/bridge/01">');
  });

  test('the "more" button lists the rest, in the chat it was drawn in and for its reader only', async () => {
    const button = first.buttons.flat().find((candidate) => candidate.callbackData?.startsWith('tl:'));
    expect(button?.callbackData).toMatch(/^tl:[A-Za-z0-9_-]{22}$/);
    const stolen = await harness.pressCallbackData(strangersMessage, button!.callbackData!, { userId: STRANGER });
    expect(stolen.replies).toEqual([]);
    const more = await harness.pressButton(first, /^tl:/, { userId: READER });
    expect(more.replies).toHaveLength(1);
    expect(
      plain(more.replies[0]!)
        .split('\n')
        .map((line) => line.slice(0, 10)),
    ).toEqual(['2025-09-15', '2025-10-15']);
    expect(more.replies[0]!.buttons.flat()).toEqual([]);
  });

  test('says how to use it without a topic', async () => {
    const [reply] = await harness.sendPrivateMessage('/timeline', { userId: READER });
    expect(reply!.text).toMatch(/^用法：\/timeline/);
  });
});
