import { describe, expect, it } from 'vitest';
import { readQuestionTime } from '../../../src/text/time/read-question-time.js';
import { reportDatePhrase } from '../../../src/text/time/report-date-phrase.js';

const now = new Date('2026-10-20T09:00:00+08:00');
const read = (question: string) => readQuestionTime(question, { now });

describe('readQuestionTime', () => {
  it('takes "now" words out of the question and marks it as asking for the current state', () => {
    expect(read('全市现在有多少辆出租车？')).toEqual({ text: '全市有多少辆出租车？', withPeriod: '全市有多少辆出租车？', period: null, now: true });
    expect(read('截至目前全市有多少家城市书房？').text).toBe('全市有多少家城市书房？');
    expect(read('How many taxis are there now?')).toMatchObject({ text: 'How many taxis are there?', now: true });
    expect(read('What is the latest figure for taxis?').now).toBe(true);
  });

  it('reads named periods against the clock, in Chinese and English', () => {
    expect(read('2025年全市有多少辆出租车？')).toMatchObject({ text: '全市有多少辆出租车？', period: { from: '2025-01-01', to: '2025-12-31' } });
    expect(read('去年全市有多少辆出租车？').period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(read('今年5月开了几家店？').period).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(read('上个月开了几家店？').period).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(read('上周开了几家店？').period).toEqual({ from: '2026-10-12', to: '2026-10-18' });
    expect(read('How many shops opened last year?')).toMatchObject({ text: 'How many shops opened?', period: { from: '2025-01-01', to: '2025-12-31' } });
    expect(read('How many shops opened in March 2026?').period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(read('How many shops opened in 2024?').period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('keeps the period in `withPeriod`: 2025年 may be the year of the figure, reported later', () => {
    expect(read('株洲2025年新增省级专精特新中小企业多少家？').withPeriod).toBe('株洲2025年新增省级专精特新中小企业多少家？');
  });

  it('leaves a question without time words as it is', () => {
    expect(read('How long is the Hecheng bridge?')).toEqual({ text: 'How long is the Hecheng bridge?', withPeriod: 'How long is the Hecheng bridge?', period: null, now: false });
    expect(read('体重管理中心精准管理了多少人？').period).toBeNull();
  });
});

describe('reportDatePhrase', () => {
  it("says the date of a report in the reply's language, and nothing for an undated one", () => {
    expect(reportDatePhrase('2026-10-15', 'zh')).toBe('据2026年10月15日报道，');
    expect(reportDatePhrase('2026-10-15', 'en')).toBe('(reported 15 Oct 2026)');
    expect(reportDatePhrase(null, 'zh')).toBeNull();
    expect(reportDatePhrase('sometime', 'en')).toBeNull();
  });
});
