/**
 * The ONLY module that touches @vscode/webview-ui-toolkit. The toolkit is deprecated upstream
 * (archived January 2025); everything else builds controls through these functions, so its
 * successor can replace it here, in one place.
 */
import {
  provideVSCodeDesignSystem, vsCodeButton, vsCodeDivider, vsCodeDropdown, vsCodeOption, vsCodeProgressRing, vsCodeTextField,
} from '@vscode/webview-ui-toolkit';
import {
  buttonPaddingHorizontal, buttonPaddingVertical, inputHeight, typeRampBaseFontSize, typeRampBaseLineHeight,
} from '@vscode/webview-ui-toolkit/dist/design-tokens.js';

let registered = false;

/** Registers the custom elements once (only the components RNN Lab uses). */
export function registerToolkit(): void {
  if (registered) return;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDropdown(), vsCodeOption(), vsCodeTextField(), vsCodeDivider(), vsCodeProgressRing());
  registered = true;
}

/** Projector-sized controls under `root` (the toolkit sizes its components from design tokens). */
export function useLargeControls(root: HTMLElement, fontPx: number): void {
  typeRampBaseFontSize.setValueFor(root, `${fontPx}px`);
  typeRampBaseLineHeight.setValueFor(root, `${Math.round(fontPx * 1.4)}px`);
  inputHeight.setValueFor(root, String(Math.round(fontPx * 1.8)));
  buttonPaddingHorizontal.setValueFor(root, `${Math.round(fontPx * 0.8)}px`);
  buttonPaddingVertical.setValueFor(root, `${Math.round(fontPx * 0.3)}px`);
}

export interface ButtonOptions {
  readonly id?: string;
  readonly secondary?: boolean;
  readonly title?: string;
}

/** A toolkit button. */
export function button(label: string, onClick: () => void, options: ButtonOptions = {}): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (options.id) b.id = options.id;
  if (options.secondary) b.setAttribute('appearance', 'secondary');
  if (options.title) b.title = options.title;
  b.addEventListener('click', () => {
    if (!isDisabled(b)) onClick();
  });
  return b;
}

export function setDisabled(control: HTMLElement, disabled: boolean): void {
  if (disabled) control.setAttribute('disabled', '');
  else control.removeAttribute('disabled');
}

function isDisabled(control: HTMLElement): boolean {
  return control.hasAttribute('disabled');
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A labelled toolkit dropdown; `onChange` gets the chosen value. */
export function dropdown(id: string, label: string, choices: readonly Choice[], value: string, onChange: (value: string) => void): HTMLElement {
  const wrap = labelled(id, label);
  const d = document.createElement('vscode-dropdown');
  d.id = id;
  d.setAttribute('aria-label', label);
  for (const c of choices) {
    const o = document.createElement('vscode-option');
    o.setAttribute('value', c.value);
    o.textContent = c.label;
    if (c.value === value) o.setAttribute('selected', '');
    d.appendChild(o);
  }
  d.addEventListener('change', () => onChange(controlValue(d)));
  wrap.appendChild(d);
  return wrap;
}

/** A labelled toolkit text field; `onChange` gets the text when the user commits it (Enter / blur). */
export function textField(id: string, label: string, value: string, onChange: (value: string) => void): HTMLElement {
  const wrap = labelled(id, label);
  const f = document.createElement('vscode-text-field');
  f.id = id;
  f.setAttribute('value', value);
  f.setAttribute('aria-label', label);
  f.setAttribute('size', '8');
  f.addEventListener('change', () => onChange(controlValue(f)));
  wrap.appendChild(f);
  return wrap;
}

/** The current value of a toolkit dropdown or text field. */
export function controlValue(control: Element): string {
  return (control as HTMLElement & { value?: string }).value ?? '';
}

/** Sets a toolkit control's value without firing `change`. */
export function setControlValue(control: Element, value: string): void {
  (control as HTMLElement & { value: string }).value = value;
}

/** A small spinning ring: something is running (it is decorative; the text next to it says what). */
export function progressRing(): HTMLElement {
  const ring = document.createElement('vscode-progress-ring');
  ring.setAttribute('aria-hidden', 'true');
  return ring;
}

export function divider(): HTMLElement {
  return document.createElement('vscode-divider');
}

function labelled(id: string, label: string): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'control';
  const l = document.createElement('label');
  l.htmlFor = id;
  l.textContent = label;
  wrap.appendChild(l);
  return wrap;
}
