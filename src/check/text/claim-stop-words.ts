import { CHINESE_FUNCTION_WORDS } from '../../text/stop-words.js';

/**
 * Words that carry no slot or subject in a claim: the Chinese function words of `text/stop-words.ts`, and the
 * bounds, connectives, time words and reporting verbs that news claims wrap their figures in.
 */
const CLAIM_STOP_WORDS: ReadonlySet<string> = new Set([
  ...CHINESE_FUNCTION_WORDS,
  ...`以及 已 已经 共 达 达到 到 其中 该 此 并 所 进行 据 曾 约 超过 超 近 余 多 以上 以下 左右 将近 接近 不到 不足 突破 逾 至少 大约
  同时 此外 目前 近日 日前 今天 今日 报道 称 表示 介绍 显示 已有 一共 总共 位于 成功 正式 分别 各 一 第 拥有 共有`.split(/\s+/),
]);

/** Whether a claim word is a function word to ignore when matching. */
export function isClaimStopWord(word: string): boolean {
  return CLAIM_STOP_WORDS.has(word);
}
