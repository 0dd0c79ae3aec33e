/** Words that ask for the slot; a question holding one brings its own question with it. */
export const QUESTION_WORD = /多少|几|什么|谁|哪|怎么|怎样|如何|为什么|为何|何时|是否|吗/;

/** A question that opens by pointing back (他/她/它/该/这家…), optionally after 那/那么. */
export const LEADING_REFERENCE = /^(?:那么|那)?(?:他们|她们|它们|他|她|它|其|该|此|这个|这家|这所|这位|这项|这些|那个|那家|那所|那位)/;

/** A leading reference to a person (他/她…), which means the one the previous answer named, if it named one. */
export const LEADING_PERSON = /^(?:那么|那)?(?:他们|她们|他|她)/;

/** Question words that ask for a named one: who, or which company, school, person… */
export const ASKS_FOR_NAME = /谁|哪位|何人|哪家|哪所|哪个|哪一家|哪一位|什么人|什么公司|什么单位|什么企业/;

/** A question that asked which one (哪家企业, 哪所学校): its answer names the thing a later 它/该/这家 means. */
export const ASKS_WHICH = /哪家|哪所|哪个|哪一家|哪一所|哪一个|什么公司|什么单位|什么企业/;

/** The kinds of words an elliptical follow-up swaps (那去年呢？, 市级的呢？), each found in the earlier question to be replaced. */
export const SWAPPABLE_KINDS: readonly RegExp[] = [
  /(?:今年|去年|前年|明年|后年|上半年|下半年|本月|上月|下月|本周|上周|\d{4}年(?:\d{1,2}月)?|\d{1,2}月(?:份)?)/,
  /(?:国家级|省级|市级|县级|区级|国家|全国|全省|全市|全区|省|市|县|区)/,
  /(?:男性|女性|男|女)/,
  /(?:小学|初中|高中|大学|幼儿园)/,
];

/** Leading and trailing words of an ellipsis that are not its content. */
export const ELLIPSIS_OPENERS = /^(?:那么|那|还有|而|另外)/;
export const ELLIPSIS_CLOSERS = /(?:的)?呢$/;
