/**
 * The clipping control's readout: clipping by the global norm acts on the five parameter gradients
 * after backpropagation, so it is shown as their norms before and after, never as a change of the
 * ‖∂L/∂h_t‖ curve (which clipping does not touch).
 */
import { shortNumber } from '../../src/demos/compare';
import { el } from '../shared/dom';
import type { ClippingReadout } from './clippingReadout';

export function clippingSection(): HTMLElement {
  return el('section', { id: 'clipping', className: 'explain' });
}

/** studentNorm: the global norm of the student's own gradients, or null when not known. */
export function renderClipping(section: HTMLElement, r: ClippingReadout, studentNorm: number | null): void {
  const heading = el('h2', { text: 'Clipping acts on the parameter gradients' });
  const mine = studentNorm === null ? '' : ` Your bptt's gradients: ‖g‖ = ${shortNumber(studentNorm)}.`;
  const intro = el('p', {
    id: 'clipping-summary',
    text: r.threshold === null
      ? `No threshold set. The engine's five parameter gradients have global norm ‖g‖ = ${shortNumber(r.normBefore)}.${mine} `
        + 'Set a clipping threshold to see what clipping does to them.'
      : r.factor < 1
        ? `‖g‖ = ${shortNumber(r.normBefore)} > ${r.threshold}: every parameter gradient is multiplied by ${shortNumber(r.factor)}, `
          + `so ‖g‖ becomes ${shortNumber(r.normAfter)}, the direction is kept and an SGD update is at most lr·${r.threshold} long.${mine}`
        : `‖g‖ = ${shortNumber(r.normBefore)} ≤ ${r.threshold}: clipping changes nothing.${mine}`,
  });
  const note = el('p', {
    className: 'muted',
    text: 'Clipping happens after backpropagation: ∂L/∂h_t is computed before it and is never rescaled, so the curve above does not move.',
  });
  section.replaceChildren(heading, intro, note);
  if (r.threshold === null) return;
  const table = el('table', { id: 'clipping-table', className: 'data' });
  table.createCaption().textContent = `Gradient norms, engine, before and after clipping at ${r.threshold}`;
  const head = table.createTHead().insertRow();
  for (const h of ['gradient', '‖g‖ before', '‖g‖ after']) head.appendChild(el('th', { text: h }));
  const body = table.createTBody();
  for (const p of [...r.perParameter.map((q) => ({ name: `d${q.name}`, before: q.before, after: q.after })), { name: 'all five (global)', before: r.normBefore, after: r.normAfter }]) {
    const row = body.insertRow();
    row.appendChild(el('th', { text: p.name }));
    row.insertCell().textContent = p.before.toExponential(4);
    row.insertCell().textContent = p.after.toExponential(4);
  }
  section.append(table);
}
