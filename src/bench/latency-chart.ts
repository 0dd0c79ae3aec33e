/** One corpus size of the chart: its chunk count and latencies in milliseconds. */
export interface ChartPoint {
  chunks: number;
  searchP50: number;
  searchP95: number;
  askP50: number;
  askP95: number;
}

export interface LatencyChartOptions {
  /** Dashed horizontal goal lines, e.g. `[{ label: 'ask p95 goal', ms: 50 }]`. */
  goals?: readonly { label: string; ms: number }[];
  /** A line under the title (e.g. the machine). */
  subtitle?: string;
}

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { top: 76, right: 170, bottom: 52, left: 60 } as const;
const SERIES = [
  { key: 'searchP50', label: 'search p50', color: '#1f77b4', dash: '' },
  { key: 'searchP95', label: 'search p95', color: '#1f77b4', dash: '6 4' },
  { key: 'askP50', label: 'ask p50', color: '#d62728', dash: '' },
  { key: 'askP95', label: 'ask p95', color: '#d62728', dash: '6 4' },
] as const;

/** An SVG line chart of query latency against corpus size (linear axes, so growth shows as it is). */
export function latencyChart(points: readonly ChartPoint[], options: LatencyChartOptions = {}): string {
  const sorted = [...points].sort((left, right) => left.chunks - right.chunks);
  const goals = options.goals ?? [];
  const maxChunks = Math.max(1, ...sorted.map((point) => point.chunks));
  const maxMs = niceCeiling(Math.max(1, ...sorted.flatMap((point) => SERIES.map((series) => point[series.key])), ...goals.map((goal) => goal.ms)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (chunks: number): number => MARGIN.left + (chunks / maxChunks) * plotWidth;
  const y = (ms: number): number => MARGIN.top + plotHeight - (ms / maxMs) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15" font-weight="bold">Query latency against corpus size (newsbot bench, EMBEDDING_MODEL=hash)</text>`,
  ];
  if (options.subtitle) parts.push(`<text x="${MARGIN.left}" y="40" fill="#555">${escapeXml(options.subtitle)}</text>`);
  for (let step = 0; step <= 5; step += 1) {
    const ms = (maxMs * step) / 5;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(ms).toFixed(1)}" y2="${y(ms).toFixed(1)}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${(y(ms) + 4).toFixed(1)}" text-anchor="end">${formatNumber(ms)}</text>`,
    );
  }
  for (const point of sorted) {
    parts.push(`<text x="${x(point.chunks).toFixed(1)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${formatChunks(point.chunks)}</text>`);
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle">chunks in the archive</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">milliseconds</text>`,
  );
  for (const goal of goals) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(goal.ms).toFixed(1)}" y2="${y(goal.ms).toFixed(1)}" stroke="#2ca02c" stroke-dasharray="2 3"/>`,
      `<text x="${MARGIN.left + plotWidth + 6}" y="${(y(goal.ms) + 4).toFixed(1)}" fill="#2ca02c">${escapeXml(goal.label)}</text>`,
    );
  }
  SERIES.forEach((series, index) => {
    const path = sorted.map((point) => `${x(point.chunks).toFixed(1)},${y(point[series.key]).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="2" stroke-dasharray="${series.dash}"/>`);
    for (const point of sorted) {
      parts.push(
        `<circle cx="${x(point.chunks).toFixed(1)}" cy="${y(point[series.key]).toFixed(1)}" r="3" fill="${series.color}"><title>${series.label} at ${point.chunks} chunks: ${point[series.key]} ms</title></circle>`,
      );
    }
    // The legend is one row under the title, clear of the goal labels in the right margin.
    const legendX = MARGIN.left + index * 120;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 26}" y1="58" y2="58" stroke="${series.color}" stroke-width="2" stroke-dasharray="${series.dash}"/>`,
      `<text x="${legendX + 32}" y="62">${series.label}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** The next 1, 2 or 5 × 10^n at or above `value`. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function formatChunks(chunks: number): string {
  return chunks >= 1000 ? `${Math.round(chunks / 1000)}k` : String(chunks);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
