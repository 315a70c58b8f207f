/** Tiny DOM helpers so the views read as structure, not as createElement calls. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: { className?: string; id?: string; text?: string } = {}, ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (attrs.className) e.className = attrs.className;
  if (attrs.id) e.id = attrs.id;
  if (attrs.text !== undefined) e.textContent = attrs.text;
  e.append(...children);
  return e;
}

/** The element the app renders into: <main id="app"> when the page has one, else a new one. */
export function appRoot(): HTMLElement {
  const existing = document.getElementById('app');
  if (existing) return existing;
  const main = el('main', { id: 'app' });
  document.body.appendChild(main);
  return main;
}

/** A canvas inside a sized box (chart.js sizes the canvas to its parent). */
export function chartBox(id: string, className = 'chart'): { box: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = el('canvas', { id });
  const box = el('div', { className }, canvas);
  return { box, canvas };
}
