/**
 * Small SVG charts drawn here rather than by a chart library: the strict CSP of the webviews
 * forbids the inline `<style>` elements and style attributes that SVG chart libraries emit, and an
 * SVG built from elements can be copied as SVG or PNG as it is. Colours come from the theme's
 * CSS variables through classes; export inlines the computed ones.
 */
const SVG = 'http://www.w3.org/2000/svg';

type Attributes = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

const WIDTH = 320;
const HEIGHT = 260;
const M = { left: 44, right: 12, top: 12, bottom: 40 };

/** A line chart on [0, 1] × [0, 1] (ROC, precision–recall), with an optional marked point and diagonal. */
export function unitLineChart(options: {
  title: string;
  x: readonly number[];
  y: readonly number[];
  xLabel: string;
  yLabel: string;
  diagonal?: boolean;
  marker?: { x: number; y: number; label: string };
}): SVGSVGElement {
  const { root, w, h } = frame(options.title, options.xLabel, options.yLabel);
  const sx = (v: number): number => M.left + Math.max(0, Math.min(1, v)) * w;
  const sy = (v: number): number => M.top + (1 - Math.max(0, Math.min(1, v))) * h;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(svg('line', { x1: sx(tick), x2: sx(tick), y1: M.top, y2: M.top + h, class: 'grid' }));
    root.append(svg('line', { x1: M.left, x2: M.left + w, y1: sy(tick), y2: sy(tick), class: 'grid' }));
    root.append(svg('text', { x: sx(tick), y: M.top + h + 14, class: 'tick', 'text-anchor': 'middle' }, String(tick)));
    root.append(svg('text', { x: M.left - 6, y: sy(tick) + 4, class: 'tick', 'text-anchor': 'end' }, String(tick)));
  }
  if (options.diagonal) root.append(svg('line', { x1: sx(0), y1: sy(0), x2: sx(1), y2: sy(1), class: 'diagonal' }));
  const points: string[] = [];
  for (let i = 0; i < Math.min(options.x.length, options.y.length); i++) {
    const x = options.x[i] ?? NaN;
    const y = options.y[i] ?? NaN;
    if (Number.isFinite(x) && Number.isFinite(y)) points.push(`${sx(x).toFixed(1)},${sy(y).toFixed(1)}`);
  }
  root.append(svg('polyline', { points: points.join(' '), class: 'curve' }));
  if (options.marker) {
    const { x, y, label } = options.marker;
    root.append(svg('circle', { cx: sx(x), cy: sy(y), r: 4.5, class: 'marker' }, undefined));
    root.append(svg('text', { x: sx(x) + 7, y: sy(y) - 7, class: 'marker-label' }, label));
  }
  return root;
}

/** A confusion-matrix heatmap: cell shade by the row-normalised share, text the count or the share. */
export function heatmap(options: {
  title: string;
  labels: readonly string[];
  matrix: readonly (readonly number[])[];
  normalised: boolean;
}): SVGSVGElement {
  const n = options.labels.length;
  const cellSize = Math.max(22, Math.min(56, Math.floor(300 / Math.max(1, n))));
  const left = 90;
  const top = 40;
  const size = n * cellSize;
  const root = svg('svg', {
    viewBox: `0 0 ${String(left + size + 10)} ${String(top + size + 30)}`,
    width: left + size + 10,
    height: top + size + 30,
    role: 'img',
    class: 'chart heatmap',
    'data-chart': options.title,
  });
  root.append(svg('title', {}, options.title));
  root.append(svg('text', { x: left + size / 2, y: 12, class: 'axis', 'text-anchor': 'middle' }, 'predicted'));
  root.append(svg('text', { x: 10, y: top + size + 24, class: 'axis' }, 'rows: truth'));
  const short = (label: string): string => (label.length > 12 ? `${label.slice(0, 11)}…` : label);
  options.labels.forEach((label, j) => {
    root.append(
      svg(
        'text',
        { x: left + j * cellSize + cellSize / 2, y: top - 8, class: 'tick', 'text-anchor': 'middle' },
        short(label),
      ),
    );
  });
  options.matrix.forEach((row, i) => {
    const total = row.reduce((sum, c) => sum + c, 0);
    root.append(
      svg(
        'text',
        { x: left - 6, y: top + i * cellSize + cellSize / 2 + 4, class: 'tick', 'text-anchor': 'end' },
        short(options.labels[i] ?? ''),
      ),
    );
    row.forEach((count, j) => {
      const share = total === 0 ? 0 : count / total;
      const x = left + j * cellSize;
      const y = top + i * cellSize;
      root.append(
        svg('rect', {
          x,
          y,
          width: cellSize - 1,
          height: cellSize - 1,
          class: i === j ? 'cell diagonal-cell' : 'cell',
          'fill-opacity': (0.08 + 0.85 * share).toFixed(3),
          'data-cell': `${String(i)},${String(j)}`,
        }),
      );
      const text = options.normalised ? share.toFixed(2) : String(count);
      root.append(
        svg(
          'text',
          {
            x: x + cellSize / 2,
            y: y + cellSize / 2 + 4,
            class: share > 0.55 ? 'cell-text strong' : 'cell-text',
            'text-anchor': 'middle',
          },
          text,
        ),
      );
    });
  });
  return root;
}

/**
 * The chart as standalone SVG text: the theme colours the stylesheet gives each element are
 * written onto it, so the copy looks the same outside the panel.
 */
export function standaloneSvg(chart: SVGSVGElement): string {
  const clone = chart.cloneNode(true) as SVGSVGElement;
  const originals = chart.querySelectorAll('*');
  const copies = clone.querySelectorAll('*');
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const style = getComputedStyle(original);
    for (const property of [
      'fill',
      'stroke',
      'stroke-width',
      'stroke-dasharray',
      'font-size',
      'font-family',
      'fill-opacity',
    ]) {
      const value = style.getPropertyValue(property);
      if (value && !copy.hasAttribute(property)) copy.setAttribute(property, value);
    }
  });
  clone.setAttribute('xmlns', SVG);
  const background = getComputedStyle(document.body).backgroundColor;
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  clone.insertBefore(rect, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** The chart as a PNG data URL (drawn at twice its size). */
export async function pngDataUrl(chart: SVGSVGElement): Promise<string> {
  const text = standaloneSvg(chart);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
  });
  image.src = `data:image/svg+xml;base64,${base64(text)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = chart.width.baseVal.value * 2;
  canvas.height = chart.height.baseVal.value * 2;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas in this webview');
  context.scale(2, 2);
  context.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png');
}

/** UTF-8 text as base64, in chunks (a spread of a large array overflows the stack). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Axis ticks: five round-ish values over [min, max]. */
function ticks(min: number, max: number): number[] {
  if (!(max > min)) return [min];
  return [0, 0.25, 0.5, 0.75, 1].map((t) => min + t * (max - min));
}

function shortNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6 || (abs > 0 && abs < 1e-3)) return value.toExponential(1);
  return Number(value.toPrecision(3)).toString();
}

function frame(title: string, xLabel: string, yLabel: string): { root: SVGSVGElement; w: number; h: number } {
  const root = svg('svg', {
    viewBox: `0 0 ${String(WIDTH)} ${String(HEIGHT)}`,
    width: WIDTH,
    height: HEIGHT,
    role: 'img',
    class: 'chart',
    'data-chart': title,
  });
  root.append(svg('title', {}, title));
  const w = WIDTH - M.left - M.right;
  const h = HEIGHT - M.top - M.bottom;
  root.append(svg('rect', { x: M.left, y: M.top, width: w, height: h, class: 'frame' }));
  root.append(svg('text', { x: M.left + w / 2, y: HEIGHT - 6, class: 'axis', 'text-anchor': 'middle' }, xLabel));
  root.append(
    svg(
      'text',
      {
        x: 12,
        y: M.top + h / 2,
        class: 'axis',
        'text-anchor': 'middle',
        transform: `rotate(-90 12 ${String(M.top + h / 2)})`,
      },
      yLabel,
    ),
  );
  return { root, w, h };
}

/** A histogram from bin edges and counts (the residuals of a regression). */
export function histogramChart(options: {
  title: string;
  edges: readonly number[];
  counts: readonly number[];
  xLabel: string;
}): SVGSVGElement {
  const { root, w, h } = frame(options.title, options.xLabel, 'rows');
  const min = options.edges[0] ?? 0;
  const max = options.edges[options.edges.length - 1] ?? 1;
  const top = Math.max(1, ...options.counts);
  const sx = (v: number): number => M.left + (max > min ? ((v - min) / (max - min)) * w : w / 2);
  const sy = (v: number): number => M.top + (1 - v / top) * h;
  for (const tick of ticks(min, max)) {
    root.append(
      svg('text', { x: sx(tick), y: M.top + h + 14, class: 'tick', 'text-anchor': 'middle' }, shortNumber(tick)),
    );
  }
  for (const tick of ticks(0, top)) {
    root.append(
      svg(
        'text',
        { x: M.left - 6, y: sy(tick) + 4, class: 'tick', 'text-anchor': 'end' },
        shortNumber(Math.round(tick)),
      ),
    );
  }
  options.counts.forEach((count, i) => {
    const left = options.edges[i] ?? min;
    const right = options.edges[i + 1] ?? max;
    const x = sx(left);
    const width = Math.max(1, sx(right) - x - 1);
    root.append(
      svg('rect', {
        x: x.toFixed(1),
        y: sy(count).toFixed(1),
        width: width.toFixed(1),
        height: (M.top + h - sy(count)).toFixed(1),
        class: 'bar',
        'data-count': count,
      }),
    );
  });
  if (min < 0 && max > 0)
    root.append(svg('line', { x1: sx(0), x2: sx(0), y1: M.top, y2: M.top + h, class: 'diagonal' }));
  return root;
}

/** Predicted against actual, with the line where they are equal. */
export function scatterChart(options: {
  title: string;
  x: readonly number[];
  y: readonly number[];
  xLabel: string;
  yLabel: string;
}): SVGSVGElement {
  const { root, w, h } = frame(options.title, options.xLabel, options.yLabel);
  const all = [...options.x, ...options.y].filter(Number.isFinite);
  const min = all.length > 0 ? Math.min(...all) : 0;
  const max = all.length > 0 ? Math.max(...all) : 1;
  const span = max > min ? max - min : 1;
  const sx = (v: number): number => M.left + ((v - min) / span) * w;
  const sy = (v: number): number => M.top + (1 - (v - min) / span) * h;
  for (const tick of ticks(min, max)) {
    root.append(
      svg('text', { x: sx(tick), y: M.top + h + 14, class: 'tick', 'text-anchor': 'middle' }, shortNumber(tick)),
    );
    root.append(
      svg('text', { x: M.left - 6, y: sy(tick) + 4, class: 'tick', 'text-anchor': 'end' }, shortNumber(tick)),
    );
  }
  root.append(svg('line', { x1: sx(min), y1: sy(min), x2: sx(max), y2: sy(max), class: 'diagonal' }));
  for (let i = 0; i < Math.min(options.x.length, options.y.length); i++) {
    const x = options.x[i] ?? NaN;
    const y = options.y[i] ?? NaN;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      root.append(svg('circle', { cx: sx(x).toFixed(1), cy: sy(y).toFixed(1), r: 2, class: 'point' }));
    }
  }
  return root;
}
