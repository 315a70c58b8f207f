/**
 * Line charts with chart.js, registering only the parts RNN Lab draws: lines with points on a
 * linear x axis and a linear or logarithmic y axis, a legend and tooltips, plus a small plugin of
 * our own for marker lines (threshold, first disagreeing step, first NaN).
 */
import {
  Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Title, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import { themeColours, type ThemeColours } from './theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Title, Tooltip);

export interface ChartSeries {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Index into the theme's series colours (defaults to the series' position). */
  readonly colour?: number;
  readonly dashed?: boolean;
  /** Faded, for earlier runs overlaid under the current one. */
  readonly faded?: boolean;
}

export interface Marker {
  readonly axis: 'x' | 'y';
  readonly value: number;
  readonly label: string;
  /** Drawn in the theme's error colour. */
  readonly alert?: boolean;
}

export interface ChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly logY: boolean;
  readonly series: readonly ChartSeries[];
  readonly markers?: readonly Marker[];
  readonly yMin?: number;
  readonly yMax?: number;
  /** Base font size in px (demos use projector-sized text). */
  readonly fontSize?: number;
}

type LinePoint = { x: number; y: number };

const markerPlugin: Plugin<'line'> = {
  id: 'rnnLabMarkers',
  afterDatasetsDraw(chart) {
    const spec = (chart.options.plugins as { rnnLabMarkers?: { markers: readonly Marker[]; colours: ThemeColours; fontSize: number } }).rnnLabMarkers;
    if (!spec) return;
    const { ctx, chartArea: area, scales } = chart;
    ctx.save();
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 2;
    ctx.font = `${spec.fontSize}px ${getComputedStyle(document.body).fontFamily}`;
    for (const m of spec.markers) {
      const colour = m.alert ? spec.colours.error : spec.colours.foreground;
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.beginPath();
      if (m.axis === 'x') {
        const px = scales.x.getPixelForValue(m.value);
        if (px < area.left || px > area.right) continue;
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.textAlign = px > (area.left + area.right) / 2 ? 'right' : 'left';
        ctx.fillText(m.label, px + (ctx.textAlign === 'right' ? -4 : 4), area.top + spec.fontSize + 2);
      } else {
        const py = scales.y.getPixelForValue(m.value);
        if (py < area.top || py > area.bottom) continue;
        ctx.moveTo(area.left, py);
        ctx.lineTo(area.right, py);
        ctx.stroke();
        ctx.textAlign = 'right';
        ctx.fillText(m.label, area.right - 4, py - 4);
      }
    }
    ctx.restore();
  },
};

/** Non-finite values are gaps on the chart (a log axis cannot show 0, NaN or ±Infinity either). */
function points(s: ChartSeries, logY: boolean): LinePoint[] {
  return s.x.map((x, i) => {
    const y = s.y[i];
    return { x, y: Number.isFinite(y) && (!logY || y > 0) ? y : NaN };
  });
}

/** Log-axis labels at powers of ten only, in short form: 1e-7 … 0.01, 0.1, 1, 10, 100 … 1e+6. */
function logTick(value: number | string): string {
  const v = Number(value);
  const exponent = Math.log10(v);
  if (!(v > 0) || Math.abs(exponent - Math.round(exponent)) > 1e-9) return '';
  const e = Math.round(exponent);
  return e >= -2 && e <= 4 ? String(10 ** e) : `1e${e > 0 ? '+' : ''}${e}`;
}

function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (!hex) return colour;
  const n = parseInt(hex[1], 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function configuration(spec: ChartSpec, colours: ThemeColours): ChartConfiguration<'line', LinePoint[]> {
  const fontSize = spec.fontSize ?? 13;
  const width = colours.highContrast ? 3 : 2;
  return {
    type: 'line',
    data: {
      datasets: spec.series.map((s, i) => {
        const base = colours.series[(s.colour ?? i) % colours.series.length];
        const colour = s.faded ? withAlpha(base, 0.45) : base;
        return {
          label: s.label,
          data: points(s, spec.logY),
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: s.faded ? 1 : width,
          borderDash: s.dashed ? [8, 5] : [],
          pointRadius: s.x.length > 60 ? 0 : 2.5,
          pointHitRadius: 6,
          spanGaps: false,
        };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      color: colours.foreground,
      font: { size: fontSize },
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: {
          type: 'linear',
          title: { display: true, text: spec.xLabel, color: colours.foreground, font: { size: fontSize } },
          ticks: { color: colours.foreground, font: { size: fontSize } },
          grid: { color: colours.grid },
        },
        y: {
          type: spec.logY ? 'logarithmic' : 'linear',
          min: spec.yMin,
          max: spec.yMax,
          title: { display: true, text: spec.yLabel, color: colours.foreground, font: { size: fontSize } },
          ticks: spec.logY
            ? { color: colours.foreground, font: { size: fontSize }, callback: logTick, autoSkip: true }
            : { color: colours.foreground, font: { size: fontSize } },
          grid: { color: colours.grid },
        },
      },
      plugins: {
        title: { display: spec.title !== '', text: spec.title, color: colours.foreground, font: { size: fontSize + 2, weight: 'bold' } },
        legend: { labels: { color: colours.foreground, font: { size: fontSize }, boxWidth: fontSize * 2 } },
        tooltip: { enabled: true },
        ...({ rnnLabMarkers: { markers: spec.markers ?? [], colours, fontSize } } as object),
      },
    },
    plugins: [markerPlugin],
  };
}

function optionsKey(spec: ChartSpec, colours: ThemeColours): string {
  // Everything but the data decides the options.
  return JSON.stringify([spec.title, spec.xLabel, spec.yLabel, spec.logY, spec.yMin, spec.yMax, spec.fontSize, spec.markers, colours]);
}

/** One chart on one canvas; `show` replaces what it draws (no animation, so it is immediate). */
export class LineChart {
  private chart: Chart<'line', LinePoint[]>;
  private spec: ChartSpec;
  /** What the options were built from: when only the data changes, options are left alone. */
  private optionsKey: string;

  constructor(readonly canvas: HTMLCanvasElement, spec: ChartSpec) {
    this.spec = spec;
    const colours = themeColours();
    this.optionsKey = optionsKey(spec, colours);
    this.chart = new Chart(canvas, configuration(spec, colours));
    this.describe();
  }

  show(spec: ChartSpec, colours: ThemeColours = themeColours()): void {
    this.spec = spec;
    const next = configuration(spec, colours);
    this.chart.data = next.data;
    // Re-resolving chart.js options is the expensive part of an update: skip it when unchanged.
    const key = optionsKey(spec, colours);
    if (key !== this.optionsKey) {
      this.chart.options = next.options ?? {};
      this.optionsKey = key;
    }
    this.chart.update('none');
    this.describe();
  }

  /** Re-reads the theme's colours (after VS Code switched theme). */
  retheme(): void {
    this.show(this.spec, themeColours());
  }

  /** How many points are plotted (non-finite gaps included), over all series. */
  pointCount(): number {
    return this.chart.data.datasets.reduce((n, d) => n + d.data.length, 0);
  }

  seriesCount(): number {
    return this.chart.data.datasets.length;
  }

  /** The chart as a PNG data: URL, on the theme's background so it reads outside VS Code too. */
  toPng(): string {
    const out = document.createElement('canvas');
    out.width = this.canvas.width;
    out.height = this.canvas.height;
    const ctx = out.getContext('2d');
    if (!ctx) return this.canvas.toDataURL('image/png');
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor || '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(this.canvas, 0, 0);
    return out.toDataURL('image/png');
  }

  /** Screen readers get the chart's title and a pointer to the data table. */
  private describe(): void {
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', `${this.spec.title}: ${this.spec.series.map((s) => s.label).join(', ')}. The numbers are in the data table.`);
    this.canvas.dataset.points = String(this.pointCount());
  }
}
