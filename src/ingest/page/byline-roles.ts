/**
 * Role words that introduce names in bylines and photo credits. Longer forms first so the regex
 * alternation prefers them; prefixes such as "江城晚报全媒体" or "首席" are matched separately.
 */
export const BYLINE_ROLES = ['全媒体记者', '摄影记者', '记者', '通讯员', '实习生', '编辑', '摄影'] as const;

/** `BYLINE_ROLES` as a regex alternation. */
export const BYLINE_ROLE_PATTERN = BYLINE_ROLES.join('|');
