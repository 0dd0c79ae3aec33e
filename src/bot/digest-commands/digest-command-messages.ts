import type { BotLanguage } from '../shared/i18n/messages.js';
import { escapeHtml } from '../../telegram/escape-html.js';

/** Texts of the digest commands (Telegram HTML; functions escape what they interpolate). */
export interface DigestCommandMessages {
  readonly groupsOnly: string;
  readonly adminsOnly: string;
  readonly adminCheckFailed: string;
  subscribed(nextRun: string): string;
  alreadySubscribed(nextRun: string): string;
  readonly unsubscribed: string;
  readonly notSubscribed: string;
  readonly channelUsage: string;
  channelNotFound(name: string): string;
  notAChannel(name: string): string;
  botNotChannelAdmin(name: string): string;
  channelAdded(title: string, nextRun: string): string;
  channelRemoved(title: string): string;
  channelNotSubscribed(name: string): string;
  readonly digestUsage: string;
  noArticles(date: string): string;
  readonly descriptions: Readonly<Record<'subscribe' | 'unsubscribe' | 'digest' | 'addchannel' | 'removechannel', string>>;
}

export const DIGEST_MESSAGES_ZH: DigestCommandMessages = {
  groupsOnly: '每日新闻摘要可以订阅到群组：把我加入群组后，由群管理员发送 /subscribe。想现在看看？发送 /digest 查看今天的摘要。',
  adminsOnly: '抱歉，只有本群管理员可以订阅或退订每日摘要。',
  adminCheckFailed: '暂时无法确认您的管理员身份，请稍后再试。',
  subscribed: (nextRun) => `已订阅：本群将每天收到新闻摘要。下一次：${escapeHtml(nextRun)}。`,
  alreadySubscribed: (nextRun) => `本群已经订阅了每日摘要。下一次：${escapeHtml(nextRun)}。`,
  unsubscribed: '已退订：本群不再收到每日摘要。',
  notSubscribed: '本群没有订阅每日摘要。',
  channelUsage: '用法：<code>/addchannel @频道名</code> 或 <code>/removechannel @频道名</code>。添加前请先把我设为该频道的管理员（可发布消息）。',
  channelNotFound: (name) => `找不到频道 ${escapeHtml(name)}。请确认名称正确，并已把我加为该频道管理员。`,
  notAChannel: (name) => `${escapeHtml(name)} 不是频道。群组请由群管理员在群里发送 /subscribe。`,
  botNotChannelAdmin: (name) => `我还不是 ${escapeHtml(name)} 的管理员（或没有发布消息的权限）。请先在频道设置里把我设为管理员。`,
  channelAdded: (title, nextRun) => `已添加频道「${escapeHtml(title)}」：每天发送新闻摘要。下一次：${escapeHtml(nextRun)}。`,
  channelRemoved: (title) => `已停止向频道「${escapeHtml(title)}」发送每日摘要。`,
  channelNotSubscribed: (name) => `频道 ${escapeHtml(name)} 没有订阅每日摘要。`,
  digestUsage: '用法：<code>/digest</code> 查看今天的摘要，或 <code>/digest 2026-04-23</code> 查看某一天。',
  noArticles: (date) => `${escapeHtml(date)} 没有文章，暂无摘要。`,
  descriptions: {
    subscribe: '在本群订阅每日新闻摘要（管理员）',
    unsubscribe: '退订每日新闻摘要（管理员）',
    digest: '查看今天的新闻摘要',
    addchannel: '向频道发送每日摘要',
    removechannel: '停止向频道发送每日摘要',
  },
};

export const DIGEST_MESSAGES_EN: DigestCommandMessages = {
  groupsOnly: 'The daily news digest is for groups: add me to a group and have an admin send /subscribe there. Want a look now? Send /digest for today’s digest.',
  adminsOnly: 'Sorry, only this group’s admins can subscribe to or unsubscribe from the daily digest.',
  adminCheckFailed: 'I could not check whether you are an admin just now; please try again in a moment.',
  subscribed: (nextRun) => `Subscribed: this group will get the news digest every day. Next one: ${escapeHtml(nextRun)}.`,
  alreadySubscribed: (nextRun) => `This group is already subscribed to the daily digest. Next one: ${escapeHtml(nextRun)}.`,
  unsubscribed: 'Unsubscribed: this group will no longer get the daily digest.',
  notSubscribed: 'This group is not subscribed to the daily digest.',
  channelUsage: 'Usage: <code>/addchannel @channelname</code> or <code>/removechannel @channelname</code>. Make me an admin of the channel (allowed to post) first.',
  channelNotFound: (name) => `I cannot find the channel ${escapeHtml(name)}. Check the name and that I was added as an admin there.`,
  notAChannel: (name) => `${escapeHtml(name)} is not a channel. For a group, an admin sends /subscribe in the group.`,
  botNotChannelAdmin: (name) => `I am not an admin of ${escapeHtml(name)} (or may not post there). Make me an admin in the channel settings first.`,
  channelAdded: (title, nextRun) => `Channel “${escapeHtml(title)}” added: it will get the news digest every day. Next one: ${escapeHtml(nextRun)}.`,
  channelRemoved: (title) => `The daily digest is no longer sent to “${escapeHtml(title)}”.`,
  channelNotSubscribed: (name) => `The channel ${escapeHtml(name)} is not subscribed to the daily digest.`,
  digestUsage: 'Usage: <code>/digest</code> for today’s digest, or <code>/digest 2026-04-23</code> for another day.',
  noArticles: (date) => `No articles on ${escapeHtml(date)}, so there is no digest.`,
  descriptions: {
    subscribe: 'Subscribe this group to the daily digest (admins)',
    unsubscribe: 'Unsubscribe from the daily digest (admins)',
    digest: 'Today’s news digest',
    addchannel: 'Send the daily digest to a channel',
    removechannel: 'Stop the daily digest in a channel',
  },
};

/** The digest command texts in the reader's language (`ctx.language`). */
export function digestMessagesFor(language: BotLanguage): DigestCommandMessages {
  return language === 'en' ? DIGEST_MESSAGES_EN : DIGEST_MESSAGES_ZH;
}
