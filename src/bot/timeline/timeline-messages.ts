import type { BotLanguage } from '../shared/i18n/messages.js';

/** The texts of `/timeline`, kept with the feature. */
export interface TimelineMessages {
  usage: string;
  heading: (topic: string) => string;
  undated: string;
  none: (topic: string) => string;
  moreButton: string;
  /** A link button that opens this timeline for whoever it is shared with (`t.me/<bot>?start=tl_…`). */
  shareButton: string;
  expired: string;
}

const ZH: TimelineMessages = {
  usage: '用法：/timeline 话题，例如 /timeline 湘江四桥',
  heading: (topic) => `「${topic}」相关报道（按时间先后）：`,
  undated: '日期不详',
  none: (topic) => `资料库中没有找到关于「${topic}」的报道。`,
  moreButton: '更多报道',
  shareButton: '分享这条时间线',
  expired: '这个按钮已过期，请重新发送 /timeline。',
};

const EN: TimelineMessages = {
  usage: 'Usage: /timeline topic, e.g. /timeline 湘江四桥',
  heading: (topic) => `Reports on "${topic}", oldest first:`,
  undated: 'undated',
  none: (topic) => `No reports on "${topic}" in the archive.`,
  moreButton: 'More reports',
  shareButton: 'Share this timeline',
  expired: 'This button has expired; send /timeline again.',
};

export function timelineMessages(language: BotLanguage): TimelineMessages {
  return language === 'en' ? EN : ZH;
}
