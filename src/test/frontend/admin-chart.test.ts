import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Chart.js draws on a canvas, which happy-dom has not: a stand-in records what the element asks of it. */
const charts = vi.hoisted(() => [] as { config: any; updates: number; destroyed: boolean; canvas: unknown }[]);
const registered = vi.hoisted(() => [] as unknown[]);

vi.mock('chart.js', () => {
  class Chart {
    static register(...parts: unknown[]) {
      registered.push(...parts);
    }
    record: { config: any; updates: number; destroyed: boolean; canvas: unknown };
    constructor(canvas: unknown, config: any) {
      this.record = { config, updates: 0, destroyed: false, canvas };
      charts.push(this.record);
    }
    set data(data: unknown) {
      this.record.config = { ...this.record.config, data };
    }
    update() {
      this.record.updates++;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { Chart, BarController: 'bar', BarElement: 'bar-element', CategoryScale: 'category', LinearScale: 'linear',
    Legend: 'legend', Tooltip: 'tooltip' };
});

const { toConfig } = await import('../../../frontend/admin-chart');
await import('chart.js'); // loaded once, as a page would after its first chart: the element's own import then resolves at once

const week = {
  labels: ['2026-11-24', '2026-11-25'],
  series: [
    { name: 'Answered', values: [3, 1] },
    { name: 'Declined', values: [0, 2] },
  ],
};

async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('admin-chart', () => {
  beforeEach(() => {
    charts.length = 0;
    document.body.innerHTML = '';
  });

  it('draws the days as stacked bars, one dataset per outcome', async () => {
    const chart = document.createElement('admin-chart') as any;
    document.body.append(chart);
    chart.data = JSON.stringify(week);
    await settle();

    expect(charts).toHaveLength(1);
    expect(charts[0].canvas).toBe(chart.querySelector('canvas'));
    expect(charts[0].config.type).toBe('bar');
    expect(charts[0].config.data.labels).toEqual(week.labels);
    expect(charts[0].config.data.datasets.map((set: any) => [set.label, set.data, set.stack])).toEqual([
      ['Answered', [3, 1], 'calls'],
      ['Declined', [0, 2], 'calls'],
    ]);
    expect(registered).toEqual(expect.arrayContaining(['bar', 'bar-element', 'category', 'linear']));
  });

  it('redraws the same chart for a new range and lets it go when removed', async () => {
    const chart = document.createElement('admin-chart') as any;
    document.body.append(chart);
    chart.data = JSON.stringify(week);
    await settle();
    chart.data = JSON.stringify({ labels: ['2026-11-25'], series: [{ name: 'Answered', values: [7] }] });
    await settle();

    expect(charts).toHaveLength(1);
    expect(charts[0].updates).toBe(1);
    expect(charts[0].config.data.labels).toEqual(['2026-11-25']);
    chart.remove();
    expect(charts[0].destroyed).toBe(true);
  });

  it('takes data the server set before the element was defined', async () => {
    const early = document.createElement('div');
    early.innerHTML = '<admin-chart></admin-chart>';
    const chart = early.firstElementChild as any;
    expect(chart.data).toBeUndefined();
    document.body.append(early);
    await settle();
    expect(charts).toHaveLength(0); // nothing to draw yet: no chart, and Chart.js need not load
    expect(toConfig(week).options?.scales?.y).toMatchObject({ stacked: true, beginAtZero: true });
  });
});
