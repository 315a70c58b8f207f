/**
 * Line charts with chart.js, registering only the parts RNN Lab draws: lines with points on a
 * linear x axis and a linear or logarithmic y axis, a legend and tooltips, plus a small plugin of
 * our own for marker lines (threshold, first disagreeing step, first NaN).
 */
import {
  Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Title, Tooltip,
  type ChartConfiguration, type LegendItem, type Plugin,
} from 'chart.js';
import { legendSample, resolveStyle, sampleWidth, type PointMarks, type ResolvedStyle } from './seriesStyle';
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
  /** How its points are marked (default 'auto': small dots, none on long series). */
  readonly points?: PointMarks;
  /** Drawn above the other curves (e.g. hollow markers over a line they may coincide with). */
  readonly front?: boolean;
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
        labelOnBackground(ctx, m.label, px + (ctx.textAlign === 'right' ? -4 : 4), area.top + spec.fontSize + 2, colour, spec.colours.background);
      } else {
        const py = scales.y.getPixelForValue(m.value);
        if (py < area.top || py > area.bottom) continue;
        ctx.moveTo(area.left, py);
        ctx.lineTo(area.right, py);
        ctx.stroke();
        ctx.textAlign = 'right';
        labelOnBackground(ctx, m.label, area.right - 4, py - 6, colour, spec.colours.background);
      }
    }
    ctx.restore();
  },
};

/** A marker's label on a patch of background, so neither a curve nor the marker line runs through it. */
function labelOnBackground(ctx: CanvasRenderingContext2D, text: string, x: number, baseline: number, colour: string, background: string): void {
  const m = ctx.measureText(text);
  const left = ctx.textAlign === 'right' ? x - m.width : x;
  ctx.save();
  ctx.setLineDash([]);
  ctx.fillStyle = background;
  ctx.fillRect(left - 3, baseline - m.actualBoundingBoxAscent - 2, m.width + 6, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent + 4);
  ctx.fillStyle = colour;
  ctx.fillText(text, x, baseline);
  ctx.restore();
}

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

function styles(spec: ChartSpec, colours: ThemeColours): ResolvedStyle[] {
  return spec.series.map((s, i) => resolveStyle({
    colour: colours.series[(s.colour ?? i) % colours.series.length],
    faded: s.faded ?? false,
    dashed: s.dashed ?? false,
    points: s.points ?? 'auto',
  }, s.x.length, colours));
}

/** The dataset options the look is made of (chart.js types them per chart type; the legend sees any). */
interface DrawnProps {
  readonly borderColor?: unknown; readonly borderWidth?: unknown; readonly borderDash?: unknown; readonly pointStyle?: unknown;
  readonly pointRadius?: unknown; readonly pointBackgroundColor?: unknown; readonly pointBorderWidth?: unknown;
}

/** The look a dataset is drawn with, read back from the dataset itself (so the legend cannot drift). */
function drawnStyle(d: DrawnProps): ResolvedStyle {
  const radii = Array.isArray(d.pointRadius) ? d.pointRadius.map(Number) : [Number(d.pointRadius ?? 0)];
  const radius = Math.max(0, ...radii);
  const colour = String(d.borderColor ?? '');
  return {
    colour,
    lineWidth: Number(d.borderWidth ?? 1),
    dash: Array.isArray(d.borderDash) ? d.borderDash.map(Number) : [],
    pointStyle: d.pointStyle === 'rectRot' ? 'rectRot' : 'circle',
    pointRadius: radii,
    sampleRadius: radius > 0 ? Math.max(3, radius) : 0,
    pointFill: String(d.pointBackgroundColor ?? colour),
    pointBorderWidth: Number(d.pointBorderWidth ?? 1),
  };
}

/** "hollow diamonds on a dashed line", "solid line with dots"… */
function lookInWords(look: ResolvedStyle): string {
  const line = look.dash.length > 0 ? 'dashed line' : 'solid line';
  if (look.sampleRadius === 0) return line;
  return look.pointStyle === 'rectRot' ? `hollow diamonds on a ${line}` : `${line} with dots`;
}

function configuration(spec: ChartSpec, colours: ThemeColours): ChartConfiguration<'line', LinePoint[]> {
  const fontSize = spec.fontSize ?? 13;
  const looks = styles(spec, colours);
  return {
    type: 'line',
    data: {
      datasets: spec.series.map((s, i) => {
        const look = looks[i];
        return {
          label: s.label,
          data: points(s, spec.logY),
          borderColor: look.colour,
          backgroundColor: look.colour,
          borderWidth: look.lineWidth,
          borderDash: look.dash,
          pointStyle: look.pointStyle,
          pointRadius: look.pointRadius,
          pointBackgroundColor: look.pointFill,
          pointBorderColor: look.colour,
          pointBorderWidth: look.pointBorderWidth,
          pointHitRadius: 6,
          spanGaps: false,
          // chart.js draws lower `order` on top; otherwise the first series would cover later ones.
          order: s.front ? -1 : 0,
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
        legend: {
          labels: {
            color: colours.foreground,
            font: { size: fontSize },
            usePointStyle: true,
            pointStyleWidth: sampleWidth(fontSize),
            // Each entry is a sample of its curve's own line and markers, so legend and plot match.
            generateLabels: (chart): LegendItem[] => chart.data.datasets.map((d, i) => ({
              text: d.label ?? '',
              datasetIndex: i,
              hidden: !chart.isDatasetVisible(i),
              fontColor: colours.foreground,
              lineWidth: 0,
              pointStyle: legendSample(drawnStyle(d as DrawnProps), fontSize),
            })),
          },
        },
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

  /** Screen readers get the chart's title, each curve with its look (as the legend shows it), and a pointer to the data table. */
  private describe(): void {
    const curves = this.chart.data.datasets.map((d) => `${d.label ?? ''} (${lookInWords(drawnStyle(d as DrawnProps))})`);
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', `${this.spec.title}: ${curves.join(', ')}. The numbers are in the data table.`);
    this.canvas.dataset.points = String(this.pointCount());
  }
}
