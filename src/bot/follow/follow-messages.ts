import type { BotLanguage } from '../shared/i18n/messages.js';

/** The texts of /follow, /unfollow, /following and the alerts, kept with the feature (HTML; functions take escaped text). */
export interface FollowMessages {
  followUsage: string;
  unfollowUsage: string;
  followed: (topic: string) => string;
  already: (topic: string) => string;
  limit: (maxTopics: number) => string;
  topicTooLong: (maxCharacters: number) => string;
  adminsOnly: string;
  /** The button's notices (plain text, unescaped). */
  followedNotice: (topic: string) => string;
  alreadyNotice: (topic: string) => string;
  limitNotice: (maxTopics: number) => string;
  unfollowed: (topic: string) => string;
  notFollowed: (topic: string) => string;
  none: string;
  heading: string;
  /** First line of an alert message. */
  alertHeading: (topic: string) => string;
  undated: string;
  /** Button under an alert: the article (plain text). */
  sourceButton: (n: number) => string;
}

const ZH: FollowMessages = {
  followUsage: '用法：/follow 话题，例如 /follow 湘江四桥。有新报道时我会提醒你。',
  unfollowUsage: '用法：/unfollow 话题（/following 列出已关注的话题）',
  followed: (topic) => `已关注「${topic}」：有相关新报道时会提醒你。取消：/unfollow ${topic}`,
  already: (topic) => `你已经关注了「${topic}」。`,
  limit: (maxTopics) => `最多关注 ${maxTopics} 个话题，请先用 /unfollow 取消一个。`,
  topicTooLong: (maxCharacters) => `话题太长了，请不超过 ${maxCharacters} 个字。`,
  adminsOnly: '只有群管理员可以为本群关注或取消关注话题。',
  followedNotice: (topic) => `已关注「${topic}」，有新报道时会提醒。/following 查看，/unfollow 取消。`,
  alreadyNotice: (topic) => `已经关注了「${topic}」。`,
  limitNotice: (maxTopics) => `最多关注 ${maxTopics} 个话题，请先用 /unfollow 取消一个。`,
  unfollowed: (topic) => `已取消关注「${topic}」。`,
  notFollowed: (topic) => `没有关注「${topic}」。/following 列出已关注的话题。`,
  none: '还没有关注任何话题。用 /follow 话题 关注。',
  heading: '已关注的话题：',
  alertHeading: (topic) => `关注的话题「${topic}」有新报道：`,
  undated: '日期不详',
  sourceButton: (n) => `原文 ${n}`,
};

const EN: FollowMessages = {
  followUsage: 'Usage: /follow topic, e.g. /follow 湘江四桥. I will tell you when a new report comes in.',
  unfollowUsage: 'Usage: /unfollow topic (/following lists your topics)',
  followed: (topic) => `Following "${topic}": you will hear of new reports. To stop: /unfollow ${topic}`,
  already: (topic) => `You already follow "${topic}".`,
  limit: (maxTopics) => `You can follow at most ${maxTopics} topics; /unfollow one first.`,
  topicTooLong: (maxCharacters) => `That topic is too long: at most ${maxCharacters} characters.`,
  adminsOnly: 'Only the group’s admins can follow or unfollow topics for the group.',
  followedNotice: (topic) => `Following "${topic}": you will hear of new reports. /following lists, /unfollow stops.`,
  alreadyNotice: (topic) => `Already following "${topic}".`,
  limitNotice: (maxTopics) => `You can follow at most ${maxTopics} topics; /unfollow one first.`,
  unfollowed: (topic) => `No longer following "${topic}".`,
  notFollowed: (topic) => `Not following "${topic}". /following lists your topics.`,
  none: 'No topics followed yet. Use /follow topic.',
  heading: 'Topics followed:',
  alertHeading: (topic) => `New on "${topic}":`,
  undated: 'undated',
  sourceButton: (n) => `Source ${n}`,
};

export function followMessages(language: BotLanguage): FollowMessages {
  return language === 'en' ? EN : ZH;
}
