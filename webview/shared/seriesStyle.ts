/**
 * How one curve looks: line width and dash, and how its points are marked. Curves that may lie
 * exactly on top of each other (the student's bptt on the engine's) stay distinguishable because
 * one is a plain line and the other hollow diamonds over a thin dashed line. The legend draws a
 * sample of exactly this look, so it always matches the plot.
 */
import type { ThemeColours } from './theme';

/** How a series marks its points: 'auto' small dots (none on long series), 'none', or 'hollow' diamonds. */
export type PointMarks = 'auto' | 'none' | 'hollow';

export interface SeriesLook {
  readonly colour: string;
  readonly faded: boolean;
  readonly dashed: boolean;
  readonly points: PointMarks;
}

export interface ResolvedStyle {
  readonly colour: string;
  readonly lineWidth: number;
  readonly dash: number[];
  readonly pointStyle: 'circle' | 'rectRot';
  /** One radius per point (0 = not marked). */
  readonly pointRadius: number[];
  /** Radius in the legend sample (0 = no marker). */
  readonly sampleRadius: number;
  readonly pointFill: string;
  readonly pointBorderWidth: number;
}

/** Long hollow series mark about this many points (always the last one), so the line stays readable. */
const HOLLOW_MARKS = 60;

export function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (!hex) return colour;
  const n = parseInt(hex[1], 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function resolveStyle(look: SeriesLook, count: number, colours: ThemeColours): ResolvedStyle {
  const hc = colours.highContrast;
  const colour = look.faded ? withAlpha(look.colour, 0.45) : look.colour;
  if (look.points === 'hollow') {
    const every = Math.max(1, Math.ceil(count / HOLLOW_MARKS));
    const radius = hc ? 6 : 5;
    return {
      colour,
      lineWidth: hc ? 2 : 1.5,
      dash: [4, 4],
      pointStyle: 'rectRot',
      pointRadius: Array.from({ length: count }, (_, i) => ((count - 1 - i) % every === 0 ? radius : 0)),
      sampleRadius: radius,
      pointFill: colours.background,
      pointBorderWidth: hc ? 2.5 : 2,
    };
  }
  const dotted = look.points === 'auto' && count <= 60;
  const radius = dotted ? 2.5 : 0;
  return {
    colour,
    lineWidth: look.faded ? 1.5 : hc ? 3 : 2,
    dash: look.dashed ? [8, 5] : [],
    pointStyle: 'circle',
    pointRadius: new Array<number>(count).fill(radius),
    sampleRadius: dotted ? 3 : 0,
    pointFill: colour,
    pointBorderWidth: 1,
  };
}

const samples = new Map<string, HTMLCanvasElement>();

/** A small picture of the curve's look (line, dash, marker) for its legend entry; cached. */
export function legendSample(style: ResolvedStyle, fontSize: number): HTMLCanvasElement {
  const key = JSON.stringify([style.colour, style.lineWidth, style.dash, style.pointStyle, style.sampleRadius, style.pointFill, style.pointBorderWidth, fontSize]);
  const cached = samples.get(key);
  if (cached) return cached;
  const canvas = document.createElement('canvas');
  canvas.width = sampleWidth(fontSize);
  canvas.height = Math.round(fontSize * 1.2);
  const ctx = canvas.getContext('2d');
  if (ctx) {
    const y = canvas.height / 2;
    ctx.strokeStyle = style.colour;
    ctx.lineWidth = style.lineWidth;
    ctx.setLineDash(style.dash);
    ctx.beginPath();
    ctx.moveTo(1, y);
    ctx.lineTo(canvas.width - 1, y);
    ctx.stroke();
    if (style.sampleRadius > 0) {
      const x = canvas.width / 2;
      const r = Math.min(style.sampleRadius, y - style.pointBorderWidth);
      ctx.setLineDash([]);
      ctx.lineWidth = style.pointBorderWidth;
      ctx.fillStyle = style.pointFill;
      ctx.beginPath();
      if (style.pointStyle === 'rectRot') {
        ctx.moveTo(x, y - r);
        ctx.lineTo(x + r, y);
        ctx.lineTo(x, y + r);
        ctx.lineTo(x - r, y);
        ctx.closePath();
      } else {
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
    }
  }
  if (samples.size > 64) samples.clear();
  samples.set(key, canvas);
  return canvas;
}

/** Width of a legend sample: long enough to show a dash pattern. */
export function sampleWidth(fontSize: number): number {
  return Math.round(fontSize * 2.6);
}
