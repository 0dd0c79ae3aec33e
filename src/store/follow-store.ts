import type { ReaderDataHolder } from './reader-data.js';

/** A topic a chat follows: a private chat's reader, or a group whose admin followed it for the group. */
export interface Follow {
  /** Telegram chat id as text: the chat the alerts go to. */
  chatId: string;
  /** The topic as the reader wrote it (trimmed), searched like a /timeline topic. */
  topic: string;
  /** The reader's language when they followed it: the alerts' language. */
  language: 'zh' | 'en';
  /** ISO time: only articles ingested after it are alerts. */
  createdAt: string;
}

/** What {@link FollowStore.follow} did. */
export type FollowResult = 'added' | 'already' | 'limit';

/** An alert about one article, claimed for one chat before it is sent. */
export interface FollowAlertClaim {
  chatId: string;
  articleId: string;
  /** The day it counts against (YYYY-MM-DD in DIGEST_TIMEZONE). */
  day: string;
  topic: string;
}

/**
 * Port: followed topics and the alerts sent about them. An alert is a row keyed by (chat, article), inserted before it
 * is sent: whichever worker or restart inserts it first sends it, nobody sends it again (a send that fails after its
 * claim is lost, never repeated). The adapter is `SqlFollowStore` on either backend's `SqlClient`.
 */
export interface FollowStore extends ReaderDataHolder {
  /** Follows `topic` in `chatId` unless the chat follows it already or follows `maxTopics` topics. */
  follow(follow: Omit<Follow, 'createdAt'>, maxTopics: number): Promise<FollowResult>;
  /** Resolves whether the chat followed the topic. */
  unfollow(chatId: string, topic: string): Promise<boolean>;
  /** A chat's topics, oldest first. */
  following(chatId: string): Promise<Follow[]>;
  /** Every follow, oldest first. */
  all(): Promise<Follow[]>;
  /** Alerts claimed for a chat on a day (the daily cap counts them). */
  alertsOnDay(chatId: string, day: string): Promise<number>;
  /** Claims the alert; resolves false when some worker claimed it before (sent or being sent). */
  claimAlert(claim: FollowAlertClaim): Promise<boolean>;
}
