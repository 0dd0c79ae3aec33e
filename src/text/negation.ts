/** Negating words (没有, 未, 不是, 并非…), leaving out words that merely contain them (未来, 未成年人). */
const NEGATION = /没有|未(?!来|成年|知|婚)|不是|并非|从未|不曾|并未/;

/** Whether a text negates what it states (a crude, word-level test). */
export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}
