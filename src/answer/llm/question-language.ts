const HAN = /\p{Script=Han}/u;

/** The language to answer in: Chinese when the question contains any Han character, else English. */
export function questionLanguage(question: string): 'zh' | 'en' {
  return HAN.test(question) ? 'zh' : 'en';
}
