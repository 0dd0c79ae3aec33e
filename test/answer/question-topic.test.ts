import { describe, expect, it } from 'vitest';
import { questionTopic } from '../../src/answer/question-topic.js';

describe('questionTopic', () => {
  it('keeps the nouns and names of a question, those standing together written together', () => {
    expect(questionTopic('湘江四桥什么时候通车？')).toBe('湘江四桥 通车');
    expect(questionTopic('城南夜市有多少个摊位？')).toBe('城南夜市 摊位');
  });

  it('stops at 16 characters and says null when the question names nothing', () => {
    expect([...(questionTopic('株洲有几个国家中小企业特色产业集群？') ?? '')].length).toBeLessThanOrEqual(16);
    expect(questionTopic('是什么？')).toBeNull();
  });
});
