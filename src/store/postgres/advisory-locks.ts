/**
 * Advisory lock keys (pg_advisory_lock's two-integer form): a namespace for newsbot, then one key
 * per purpose, so other applications sharing the database do not collide with ours.
 */
export const ADVISORY_LOCKS = {
  /** 'nwsb' as a 32-bit integer. */
  namespace: 0x6e777362,
  /** Held (session level) while migrations run. */
  migrations: 1,
  /** Held (transaction level) from appending to the change log until commit. */
  changeLog: 2,
  /** Held (session level) by the one worker running the digest scheduler and the feed poller. */
  backgroundJobs: 3,
  /** Held (transaction level) from linking correction notices until commit: a notice and the article it names, written at once, see each other. */
  corrections: 4,
  /**
   * 'nwsp': a second namespace, for the session lock a long-polling `serve` holds; its key is a
   * 32-bit hash of the bot token (never the token), so one poller per bot however many bots share the database.
   */
  pollingNamespace: 0x6e777370,
} as const;

/** The NOTIFY channel a write announces itself on; the payload is the new head position. */
export const CHANGE_CHANNEL = 'newsbot_changes';
