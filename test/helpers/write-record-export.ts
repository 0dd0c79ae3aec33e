import fs from 'node:fs';
import path from 'node:path';

/** Writes `export.jsonl` in `folder`: `count` short invented news records (a community service station each). */
export function writeRecordExport(folder: string, count: number): string {
  const records = Array.from({ length: count }, (_, index) => ({
    id: `r${index}`,
    title: `第${index}号新闻：株洲第${index}个社区服务站启用`,
    body: `这是第${index}篇报道。社区服务站提供${index % 97}项便民服务。`.repeat(12),
  }));
  const file = path.join(folder, 'export.jsonl');
  fs.writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n'));
  return file;
}
