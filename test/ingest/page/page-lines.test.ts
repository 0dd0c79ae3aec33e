import { describe, expect, it } from 'vitest';
import { isFurnitureLine } from '../../../src/ingest/page/is-furniture-line.js';
import { isKicker } from '../../../src/ingest/page/is-kicker.js';
import { isPhotoCredit } from '../../../src/ingest/page/is-photo-credit.js';
import { parseByline } from '../../../src/ingest/page/parse-byline.js';
import { endsSentence } from '../../../src/ingest/page/sentence-end.js';
import { splitsWord } from '../../../src/ingest/page/splits-word.js';

describe('parseByline', () => {
  it('reads role/name bylines with an organisation prefix, several roles and several names', () => {
    expect(parseByline('江城晚报全媒体记者/林小舟')).toEqual(['林小舟']);
    expect(parseByline('江城晚报全媒体记者/林小舟 通讯员/白石')).toEqual(['林小舟', '白石']);
    expect(parseByline('通讯员/白石 唐果')).toEqual(['白石', '唐果']);
    expect(parseByline('记者／林小舟　实习生／马丁')).toEqual(['林小舟', '马丁']);
    expect(parseByline('本报记者 / 林小舟、唐果')).toEqual(['林小舟', '唐果']);
    expect(parseByline('（江城晚报记者/林小舟）')).toEqual(['林小舟']);
  });

  it('rejects prose that mentions a reporter', () => {
    expect(parseByline('记者/林小舟在现场看到，工人们正在施工。')).toBeNull();
    expect(parseByline('林小舟 白石')).toBeNull();
    expect(parseByline('新桥今天正式通车')).toBeNull();
  });
});

describe('isPhotoCredit', () => {
  it('recognises caption lines ending in a credit', () => {
    expect(isPhotoCredit('孩子们在新建的图书馆里读书。记者/林小舟 摄')).toBe(true);
    expect(isPhotoCredit('（通讯员 白石 摄）')).toBe(true);
    expect(isPhotoCredit('航拍新桥。林小舟 摄')).toBe(true);
  });

  it('does not take prose about photography for a credit', () => {
    expect(isPhotoCredit('游客们纷纷拿出手机拍摄')).toBe(false);
    expect(isPhotoCredit('江城晚报全媒体记者/林小舟')).toBe(false);
  });
});

describe('isFurnitureLine', () => {
  it('drops site name + address + hotline lines, and bare addresses or numbers', () => {
    expect(isFurnitureLine('江城新闻网 www.jiangcheng.example.cn 新闻热线: 66668888')).toBe(true);
    expect(isFurnitureLine('https://news.example.com/today')).toBe(true);
    expect(isFurnitureLine('电话：0731-66668888')).toBe(true);
  });

  it('keeps prose that mentions a hotline or a website', () => {
    expect(isFurnitureLine('市民可拨打热线66668888咨询，或登录www.example.cn查询。')).toBe(false);
    expect(isFurnitureLine('全年接待游客2025万人次')).toBe(false);
  });
});

describe('isKicker', () => {
  const next = '## 绿道建设\n今年新增绿道30公里，串起沿江公园。';
  it('accepts a short teaser after a complete paragraph', () => {
    expect(isKicker('新增绿道30公里、口袋公园12个……', '上一段结束了。', next)).toBe(true);
    expect(isKicker('城市更新进行时', '上一段结束了。', next)).toBe(true);
    expect(isKicker('今年新增绿道30公里，串起沿江公园', '上一段结束了。', next)).toBe(true);
  });

  it('rejects a line that continues the previous paragraph, a full sentence or a long line', () => {
    expect(isKicker('城市更新进行时', '上一段没有结束，', next)).toBe(false);
    expect(isKicker('工作人员随后对现场进行了清理。', '上一段结束了。', next)).toBe(false);
    expect(isKicker('项目涵盖道路、桥梁', '上一段结束了。', next)).toBe(false);
    expect(isKicker('这'.repeat(70), '上一段结束了。', next)).toBe(false);
  });
});

describe('endsSentence and splitsWord', () => {
  it('knows where a paragraph may end', () => {
    for (const text of ['结束了。', '真的吗？', '他说：“好。”', '等等……', '（完）']) expect(endsSentence(text)).toBe(true);
    for (const text of ['主要分布在', '提质升级54', '比如，']) expect(endsSentence(text)).toBe(false);
  });

  it('detects a word cut by a line break', () => {
    expect(splitsWord('外国语学', '校和师范附中')).toBe(true);
    expect(splitsWord('三年改造的成绩单', '去年，这里还是')).toBe(false);
    expect(splitsWord('Top', '50')).toBe(true);
  });
});
