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
} as const;

/** The NOTIFY channel a write announces itself on; the payload is the new head position. */
export const CHANGE_CHANNEL = 'newsbot_changes';
