/**
 * <admin-chart>: the analytics view's calls per day, stacked by outcome. The server sets `data` (JSON: day labels
 * and one series of counts per outcome). Chart.js is imported on the first draw, as a chunk of its own, so nothing
 * of it reaches a page that has no chart (the call screens least of all).
 */
import type { Chart, ChartConfiguration } from 'chart.js';

export type ChartData = { labels: string[]; series: { name: string; values: number[] }[] };

/** Answered, declined, missed, other: green, amber, red, grey, readable in light and dark themes. */
const COLORS = ['#16a34a', '#f59e0b', '#dc2626', '#64748b'];

export function toConfig(data: ChartData): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((series, i) => ({
        label: series.name,
        data: series.values,
        backgroundColor: COLORS[i % COLORS.length],
        stack: 'calls',
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}

let library: Promise<typeof import('chart.js')> | undefined;

/** Chart.js once per page, with only the parts a stacked bar chart needs registered. */
function chartJs(): Promise<typeof import('chart.js')> {
  library ??= import('chart.js').then((lib) => {
    lib.Chart.register(lib.BarController, lib.BarElement, lib.CategoryScale, lib.LinearScale, lib.Legend, lib.Tooltip);
    return lib;
  });
  return library;
}

export class AdminChart extends HTMLElement {
  private chart?: Chart<'bar', number[], string>;
  private readonly canvas = document.createElement('canvas');
  private shown?: ChartData;

  set data(json: string) {
    this.shown = JSON.parse(json) as ChartData;
    void this.draw();
  }

  connectedCallback(): void {
    // The server may have set `data` before this element was defined: that value shadows the setter until moved.
    if (Object.prototype.hasOwnProperty.call(this, 'data')) {
      const early = (this as unknown as { data: string }).data;
      delete (this as unknown as { data?: string }).data;
      this.data = early;
    }
    if (!this.canvas.isConnected) {
      this.appendChild(this.canvas);
    }
    void this.draw();
  }

  disconnectedCallback(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private async draw(): Promise<void> {
    if (!this.isConnected || !this.shown) {
      return;
    }
    const lib = await chartJs();
    const data = this.shown;
    if (!this.isConnected || !data) {
      return;
    }
    if (this.chart) {
      this.chart.data = toConfig(data).data; // a new range: the same chart, redrawn
      this.chart.update();
    } else {
      this.chart = new lib.Chart(this.canvas, toConfig(data));
    }
  }
}

customElements.define('admin-chart', AdminChart);
