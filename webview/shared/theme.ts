/**
 * Chart colours from the theme's --vscode-* variables (light, dark and high contrast), read again
 * whenever VS Code switches theme (it changes the body's class).
 */
export interface ThemeColours {
  readonly foreground: string;
  /** The editor's background: hollow markers are filled with it, marker labels sit on it. */
  readonly background: string;
  readonly grid: string;
  /** Distinct series colours, in order. */
  readonly series: readonly string[];
  readonly error: string;
  readonly highContrast: boolean;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

let cached: ThemeColours | null = null;

/** The current theme's colours (read once per theme: getComputedStyle forces a style recalculation). */
export function themeColours(): ThemeColours {
  cached ??= readThemeColours();
  return cached;
}

function readThemeColours(): ThemeColours {
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  const foreground = cssVar('--vscode-foreground', '#444444');
  return {
    foreground,
    background: cssVar('--vscode-editor-background', '#ffffff'),
    grid: cssVar('--vscode-contrastBorder', '') || cssVar('--vscode-panel-border', 'rgba(128,128,128,0.35)'),
    series: [
      cssVar('--vscode-charts-blue', '#3794ff'),
      cssVar('--vscode-charts-orange', '#d18616'),
      cssVar('--vscode-charts-green', '#388a34'),
      cssVar('--vscode-charts-purple', '#a074c4'),
      cssVar('--vscode-charts-red', '#e51400'),
      cssVar('--vscode-charts-yellow', '#bf8803'),
    ],
    error: cssVar('--vscode-errorForeground', '#e51400'),
    highContrast,
  };
}

/** Calls `onChange` when VS Code switches between light, dark and high-contrast themes. */
export function onThemeChange(onChange: () => void): void {
  new MutationObserver(() => {
    cached = null;
    onChange();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
