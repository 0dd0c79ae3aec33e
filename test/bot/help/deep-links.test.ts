// `t.me/<bot>?start=<payload>` through the Bot API emulator: `src_…` opens an article's source, `tl_…` a story's
// timeline (kind + base64url of the UTF-8 value, at most 64 characters); anything else gets the usual greeting.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deepLink, deepLinkPayload, parseDeepLinkPayload } from '../../../src/bot/shared/deep-link-payload.js';
import { makeArticle } from '../../helpers/open-test-archive.js';
import { type BotHarness, BOT_USERNAME, startBotHarness } from '../harness.js';

const BRIDGE = makeArticle('bridge-2025/04#a&b', '湘江四桥建设进展', ['湘江四桥建设完成第一阶段工程，施工人员达到120人。'], { date: '2025-04-15' });
const WELCOME = /^你好/;

describe('deep link payloads', () => {
  test('an id or a topic round-trips in [A-Za-z0-9_-], at most 64 characters; what does not fit is refused', () => {
    const payload = deepLinkPayload({ kind: 'src', value: BRIDGE.id })!;
    expect(payload).toMatch(/^src_[A-Za-z0-9_-]+$/);
    expect(parseDeepLinkPayload(payload)).toEqual({ kind: 'src', value: BRIDGE.id });
    expect(parseDeepLinkPayload(deepLinkPayload({ kind: 'tl', value: '湘江四桥' })!)).toEqual({ kind: 'tl', value: '湘江四桥' });
    expect(deepLinkPayload({ kind: 'tl', value: '湘'.repeat(15) })!.length).toBeLessThanOrEqual(64);
    expect(deepLinkPayload({ kind: 'tl', value: '湘'.repeat(16) })).toBeNull();
    expect(deepLinkPayload({ kind: 'src', value: '' })).toBeNull();
    expect(deepLink('NewsBot', { kind: 'tl', value: 'a' })).toBe('https://t.me/NewsBot?start=tl_YQ');
    for (const bad of ['src_', 'xx_YQ', 'tl_YQ=', 'tl_//', `tl_${'A'.repeat(70)}`, 'tl_gA', 'tl_YR']) expect(parseDeepLinkPayload(bad), bad).toBeNull();
  });
});

describe('/start with a deep link', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({ ingestSamplePage: false, articles: [BRIDGE], env: { RATE_LIMIT_PER_MINUTE: '1000' } });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('src_… opens that article’s source, as /source <id> does', async () => {
    const link = deepLink(BOT_USERNAME, { kind: 'src', value: BRIDGE.id })!;
    const payload = new URL(link).searchParams.get('start')!;
    const [page, ...rest] = await harness.sendPrivateMessage(`/start ${payload}`, { userId: 8301 });
    expect(rest).toEqual([]);
    expect(page!.text).toContain('湘江四桥建设进展');
    expect(page!.text).toContain('施工人员达到120人');
    const [bySource] = await harness.sendPrivateMessage(`/source ${BRIDGE.id}`, { userId: 8301 });
    expect(page!.text).toBe(bySource!.text);
  });

  test('tl_… opens the story’s timeline', async () => {
    const [timeline] = await harness.sendPrivateMessage(`/start ${deepLinkPayload({ kind: 'tl', value: '湘江四桥' })}`, { userId: 8302 });
    expect(timeline!.text).toContain('「湘江四桥」相关报道');
    expect(timeline!.text).toContain('2025-04-15');
    // Its first page offers the same link to share.
    const share = timeline!.buttons.flat().find((button) => button.url !== undefined);
    expect(share).toEqual({ text: '分享这条时间线', callbackData: undefined, url: deepLink(BOT_USERNAME, { kind: 'tl', value: '湘江四桥' }) });
  });

  test('an unknown article is said so (escaped); a payload the bot never made gets the greeting', async () => {
    const [missing] = await harness.sendPrivateMessage(`/start ${deepLinkPayload({ kind: 'src', value: '<b>gone</b>' })}`, { userId: 8303 });
    expect(missing!.text).toContain('&lt;b&gt;gone&lt;/b&gt;');
    const [greeting] = await harness.sendPrivateMessage('/start ref_campaign', { userId: 8303 });
    expect(greeting!.text).toMatch(WELCOME);
  });
});
