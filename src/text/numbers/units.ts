import type { QuantityKind } from './quantity.js';

/** How a written unit normalizes: the unit compared, its kind, and the factor to the base unit. */
export interface UnitInfo {
  unit: string;
  kind: QuantityKind;
  factor: number;
}

const unit = (name: string, kind: QuantityKind, factor = 1): UnitInfo => ({ unit: name, kind, factor });

/**
 * Units written after a number, mapped to the unit they are compared as. Person classifiers
 * (名, 位) count people (人); metric lengths, masses and areas convert to 米, 公斤, 平方米.
 */
const UNITS: Record<string, UnitInfo> = {
  元: unit('元', 'money'),
  美元: unit('美元', 'money'),
  港元: unit('港元', 'money'),
  欧元: unit('欧元', 'money'),
  日元: unit('日元', 'money'),
  '%': unit('%', 'percent'),
  '％': unit('%', 'percent'),
  个百分点: unit('百分点', 'percent'),
  百分点: unit('百分点', 'percent'),
  毫米: unit('米', 'measure', 0.001),
  厘米: unit('米', 'measure', 0.01),
  米: unit('米', 'measure'),
  千米: unit('米', 'measure', 1000),
  公里: unit('米', 'measure', 1000),
  克: unit('公斤', 'measure', 0.001),
  公斤: unit('公斤', 'measure'),
  千克: unit('公斤', 'measure'),
  斤: unit('公斤', 'measure', 0.5),
  吨: unit('公斤', 'measure', 1000),
  平方米: unit('平方米', 'measure'),
  平米: unit('平方米', 'measure'),
  平方公里: unit('平方米', 'measure', 1e6),
  平方千米: unit('平方米', 'measure', 1e6),
  公顷: unit('平方米', 'measure', 1e4),
  亩: unit('亩', 'measure'),
  立方米: unit('立方米', 'measure'),
  升: unit('升', 'measure'),
  毫升: unit('升', 'measure', 0.001),
  千瓦时: unit('千瓦时', 'measure'),
  度电: unit('千瓦时', 'measure'),
  千瓦: unit('千瓦', 'measure'),
  兆瓦: unit('千瓦', 'measure', 1000),
  瓦: unit('千瓦', 'measure', 0.001),
  个月: unit('个月', 'measure'),
  年: unit('年', 'measure'),
  天: unit('天', 'measure'),
  小时: unit('小时', 'measure'),
  分钟: unit('分钟', 'measure'),
  秒: unit('秒', 'measure'),
  周: unit('周', 'measure'),
  周岁: unit('岁', 'measure'),
  岁: unit('岁', 'measure'),
  倍: unit('倍', 'measure'),
  人次: unit('人次', 'count'),
  人: unit('人', 'count'),
  名: unit('人', 'count'),
  位: unit('人', 'count'),
  家: unit('家', 'count'),
  个: unit('个', 'count'),
  户: unit('户', 'count'),
  件: unit('件', 'count'),
  项: unit('项', 'count'),
  所: unit('所', 'count'),
  例: unit('例', 'count'),
  次: unit('次', 'count'),
  辆: unit('辆', 'count'),
  台: unit('台', 'count'),
  套: unit('套', 'count'),
  座: unit('座', 'count'),
  条: unit('条', 'count'),
  场: unit('场', 'count'),
  批: unit('批', 'count'),
  只: unit('只', 'count'),
  头: unit('头', 'count'),
  株: unit('株', 'count'),
  棵: unit('棵', 'count'),
  张: unit('张', 'count'),
  份: unit('份', 'count'),
  本: unit('本', 'count'),
  部: unit('部', 'count'),
  篇: unit('篇', 'count'),
  种: unit('种', 'count'),
  类: unit('类', 'count'),
  处: unit('处', 'count'),
  间: unit('间', 'count'),
  栋: unit('栋', 'count'),
  层: unit('层', 'count'),
  届: unit('届', 'count'),
  支: unit('支', 'count'),
  架: unit('架', 'count'),
  艘: unit('艘', 'count'),
  款: unit('款', 'count'),
  枚: unit('枚', 'count'),
  宗: unit('宗', 'count'),
  起: unit('起', 'count'),
  轮: unit('轮', 'count'),
  期: unit('期', 'count'),
  强: unit('强', 'count'),
  周年: unit('周年', 'measure'),
};

/** Written units, longest first, so 平方公里 wins over 平方 and 人次 over 人. */
export const UNIT_NAMES: readonly string[] = Object.keys(UNITS).sort((a, b) => b.length - a.length);

/** Unit information for a written unit, or null when it is not one. */
export function lookUpUnit(written: string): UnitInfo | null {
  return UNITS[written] ?? null;
}

/** Classifiers usable after 第 in ordinals and rankings (第43位, 第五届, 第26个). */
export const ORDINAL_UNITS: readonly string[] = ['位', '名', '届', '个', '次', '批', '期', '轮', '季度', '条', '项', '家', '例', '座'];

/**
 * Whether two normalized units measure the same thing. Units compare as written (家 is not 个: papers keep
 * their classifier, and 80家 驿站 must not match 80个 学位); unit-less ranks match any rank (第一 = 第一位).
 */
export function unitsCompatible(first: string | null, second: string | null, kind: QuantityKind): boolean {
  if (first === second) return true;
  if (kind === 'ordinal') return first === null || second === null || (isRankUnit(first) && isRankUnit(second));
  return false;
}

function isRankUnit(name: string): boolean {
  return name === '位' || name === '名';
}
