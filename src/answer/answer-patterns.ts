import type { ExpectedAnswer } from './question-profile.js';

const NUMERAL = '[0-9０-９一二三四五六七八九十百千万亿两零〇]';
const PATTERNS: Record<Exclude<ExpectedAnswer, null>, RegExp> = {
  number: new RegExp(`[0-9０-９]|${NUMERAL}+[个家户元件名位人次年月日号届项所座条台辆吨斤米岁倍成层期批轮场部种类]|首位|第一|榜首|冠军|千亿|百亿`),
  date: /[0-9０-９]{4}年|[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{0,3}日?|[0-9]{4}-[0-9]{2}|(今|去|明|前)年|(昨|今|明)天|上午|下午|近日|春节|年底|年初/,
  // A title before a name, or an organisation (谁 is often a company or a court).
  person:
    /(记者|经理|主任|书记|市长|局长|院长|董事长|总裁|主席|教授|医生|负责人|组长|总监|厂长|校长)[\p{Script=Han}]{2,3}|[\p{Script=Han}]{2,}(公司|集团|法院|政府|协会|学校|大学|医院|研究院|委员会)|[A-Z][a-z]+ [A-Z][a-z]+/u,
  place: /(省|市|县|区|镇|乡|村|街道|路|广场|公园|中心|大厦|馆|学校|医院|园区)/,
};

/** Dates, removed before looking for a quantity: 4月23日 does not answer 多少. */
const DATE = /[0-9０-９]{1,4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}[日号])?)?|[0-9０-９]{1,2}月[0-9０-９]{1,2}[日号]?|[0-9０-９]{1,2}[日号]/g;

/** Whether a sentence holds the kind of fact the question asks for. */
export function hasExpectedAnswer(sentence: string, expects: ExpectedAnswer): boolean {
  if (expects === null) return false;
  return PATTERNS[expects].test(expects === 'number' ? sentence.replace(DATE, '') : sentence);
}
