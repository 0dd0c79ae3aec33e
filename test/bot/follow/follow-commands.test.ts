// /follow, /unfollow, /following through the real bot (telegraf over HTTP to the loopback Bot API): in /help in both
// languages, for a group by its admins only, topics escaped; and the alert message's HTML escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFollowAlerts } from '../../../src/bot/follow/render-follow-alerts.js';
import { GROUP_CHAT_ID, startBotHarness, type BotHarness } from '../harness.js';

const ADMIN = 2001;
const MEMBER = 2002;

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ ingestSamplePage: true });
  harness.api.handleMethod('getChatMember', (payload) => ({
    status: payload.user_id === ADMIN ? 'administrator' : 'member',
    user: { id: payload.user_id, is_bot: false, first_name: 'Reader' },
  }));
}, 30_000);

afterAll(async () => {
  await harness?.stop();
});

describe('/follow, /unfollow, /following', () => {
  it('are in /help in Chinese and English', async () => {
    const [chinese] = await harness.sendPrivateMessage('/help');
    for (const command of ['/follow', '/unfollow', '/following']) expect(chinese!.text).toContain(command);
    expect(chinese!.text).toContain('关注话题');
    const [english] = await harness.sendPrivateMessage('/help', { languageCode: 'en' });
    for (const command of ['/follow', '/unfollow', '/following']) expect(english!.text).toContain(command);
    expect(english!.text).toContain('Follow a topic');
  });

  it('escapes the topic, and answers usage without one', async () => {
    expect((await harness.sendPrivateMessage('/follow'))[0]!.text).toContain('用法：/follow 话题');
    const [reply] = await harness.sendPrivateMessage('/follow <b>桥</b> & 路', { userId: 3001 });
    expect(reply!.parseMode).toBe('HTML');
    expect(reply!.raw.text).toContain('&lt;b&gt;桥&lt;/b&gt; &amp; 路');
    const [list] = await harness.sendPrivateMessage('/following', { userId: 3001 });
    expect(list!.raw.text).toContain('• &lt;b&gt;桥&lt;/b&gt; &amp; 路');
  });

  it('follows what an answered question is about from the "关注此话题" button under the answer', async () => {
    const [answer] = await harness.sendPrivateMessage('株洲有几个国家中小企业特色产业集群？', { userId: 3002 });
    const button = answer!.buttons.flat().find((candidate) => candidate.text === '关注此话题');
    expect(button?.callbackData).toBe('follow:株洲 中小企业特色产业集群');
    const pressed = await harness.pressButton(answer!, '关注此话题', { userId: 3002 });
    expect(pressed.callbackAnswer?.text).toContain('已关注「株洲 中小企业特色产业集群」');
    expect((await harness.archive.state.follows.following('3002')).map((follow) => follow.topic)).toEqual(['株洲 中小企业特色产业集群']);
    const [english] = await harness.sendPrivateMessage('株洲有几个国家中小企业特色产业集群？', { userId: 3003, languageCode: 'en' });
    expect(english!.buttons.flat().map((candidate) => candidate.text)).toContain('Follow');
  });

  it('lets a group’s admins follow for the group, not its other members', async () => {
    const [refused] = await harness.sendGroupMessage('/follow 湘江四桥', { userId: MEMBER });
    expect(refused!.text).toContain('只有群管理员');
    const [followed] = await harness.sendGroupMessage('/follow 湘江四桥', { userId: ADMIN });
    expect(followed!.text).toContain('已关注「湘江四桥」');
    const [list] = await harness.sendGroupMessage('/following', { userId: MEMBER });
    expect(list!.text).toContain('湘江四桥');
    expect((await harness.archive.state.follows.following(String(GROUP_CHAT_ID))).map((follow) => follow.topic)).toEqual(['湘江四桥']);
    expect((await harness.sendGroupMessage('/unfollow 湘江四桥', { userId: MEMBER }))[0]!.text).toContain('只有群管理员');
  });
});

describe('renderFollowAlerts', () => {
  it('escapes titles, sentences, topics and links, numbers the articles and gives each a source button', () => {
    const follow = { chatId: '1', topic: '<i>桥</i>', language: 'zh' as const, createdAt: '2026-01-01T00:00:00.000Z' };
    const { html, keyboard } = renderFollowAlerts([
      { follow, entry: { articleId: 'a-1', title: 'A <b> & B', date: '2026-02-18', text: '1 < 2 & 3', url: 'https://news.example/?a=1&b="2"' } },
      { follow, entry: { articleId: 'a-2', title: '第二篇', date: null, text: '无日期', url: null } },
    ]);
    expect(html).toBe(
      [
        '关注的话题「&lt;i&gt;桥&lt;/i&gt;」有新报道：',
        '1. <b><a href="https://news.example/?a=1&amp;b=%222%22">《A &lt;b&gt; &amp; B》</a></b> 2026-02-18',
        '1 &lt; 2 &amp; 3',
        '2. <b>《第二篇》</b> 日期不详',
        '无日期',
      ].join('\n'),
    );
    expect(keyboard).toEqual({
      inline_keyboard: [
        [
          { text: '原文 1', callback_data: 'srcpage:1:a-1' },
          { text: '原文 2', callback_data: 'srcpage:1:a-2' },
        ],
      ],
    });
  });
});
