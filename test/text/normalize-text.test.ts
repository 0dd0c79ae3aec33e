import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from '../../src/text/normalize-text.js';

describe('normalizeForMatching', () => {
  it('folds full-width ASCII (letters, digits, punctuation) and the ideographic space to half-width', () => {
    expect(normalizeForMatching('ＡＢＣ１２３！　ｘ')).toBe('abc123! x');
    expect(normalizeForMatching('是吗？（对）')).toBe('是吗?(对)');
  });

  it('folds traditional Chinese (Taiwan and Hong Kong forms) to simplified', () => {
    expect(normalizeForMatching('臺灣的軟體產業發展迅速、市場規模擴大')).toBe('台湾的软体产业发展迅速、市场规模扩大');
    expect(normalizeForMatching('衞生署')).toBe('卫生署');
  });

  it('leaves simplified text, including characters OpenCC’s Taiwan table would rewrite, unchanged', () => {
    const simplified = '什么是著名的株洲制造。';
    expect(normalizeForMatching(simplified)).toBe(simplified);
  });

  it('lower-cases Latin letters', () => {
    expect(normalizeForMatching('BMI Top50 IPO')).toBe('bmi top50 ipo');
  });

  // Speed is measured by `newsbot bench`, not here: this checks that long text folds piece by piece.
  it('normalizes long text the same as its pieces', () => {
    const chunk = '株洲日报讯 臺灣同胞來株參觀，ＢＭＩ從31.6降至27.4。'.repeat(10);
    expect(normalizeForMatching(chunk.repeat(100))).toBe(normalizeForMatching(chunk).repeat(100));
  });
});
