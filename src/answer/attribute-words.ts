import type { ExpectedAnswer } from './expected-answer.js';

/** What an attribute word tells about the answer: its kind, and for a number the unit it comes in. */
export interface AttributeHint {
  expects: ExpectedAnswer;
  measure?: string;
}

/**
 * Words that name the attribute asked about rather than the thing it belongs to ("获奖者的年龄多大？").
 * The answering sentence rarely repeats them ("今年20岁的她"), so they hint at the answer's kind
 * instead of counting as evidence the sentence must hold.
 */
export const ATTRIBUTE_WORDS: ReadonlyMap<string, AttributeHint> = new Map<string, AttributeHint>([
  ['年龄', { expects: 'number', measure: '岁' }],
  ['岁数', { expects: 'number', measure: '岁' }],
  ['年纪', { expects: 'number', measure: '岁' }],
  ['时间', { expects: 'date' }],
  ['日期', { expects: 'date' }],
  ['年份', { expects: 'date' }],
  ['地点', { expects: 'place' }],
  ['地方', { expects: 'place' }],
  ['位置', { expects: null }],
  ['原因', { expects: 'reason' }],
  ['缘故', { expects: 'reason' }],
  ['理由', { expects: 'reason' }],
  ['定义', { expects: 'definition' }],
  ['含义', { expects: 'definition' }],
  ['意思', { expects: 'definition' }],
  ['性别', { expects: null }],
  ['特点', { expects: null }],
  ['特征', { expects: null }],
  ['特色', { expects: null }],
  ['成分', { expects: null }],
  ['用途', { expects: null }],
  ['名字', { expects: null }],
  ['名称', { expects: null }],
  ['身份', { expects: null }],
  ['职务', { expects: null }],
  ['颜色', { expects: null }],
  ['数量', { expects: 'number' }],
  // Categories the answer is an instance of (哪个国家 → 法国, 什么职位 → 刑部郎中): the answer names one, not the category.
  ['国家', { expects: 'place' }],
  ['地区', { expects: 'place' }],
  ['地址', { expects: 'place' }],
  ['出生地', { expects: 'place' }],
  ['时期', { expects: 'date' }],
  ['年代', { expects: 'date' }],
  ['职业', { expects: null }],
  ['职位', { expects: null }],
  ['类型', { expects: null }],
  ['类别', { expects: null }],
  ['种类', { expects: null }],
  ['作用', { expects: null }],
  ['功能', { expects: null }],
  ['内容', { expects: null }],
  ['形状', { expects: null }],
  ['语言', { expects: null }],
  ['科目', { expects: null }],
]);
