import type { HostToWebview, WebviewToHost } from '../../protocol';

/** What one panel said and heard, for the internal test command and for diagnostics. */
export interface PanelRecord {
  readonly viewType: string;
  title: string;
  ready: boolean;
  readonly posted: HostToWebview['type'][];
  readonly received: WebviewToHost[];
  disposed: boolean;
  /** Milliseconds from the panel's creation to its webview's `ready` (null before). */
  readyAfterMs: number | null;
  /** Milliseconds from the panel's creation to the first post of each message type. */
  readonly firstPostAfterMs: Partial<Record<HostToWebview['type'], number>>;
  /** When the panel was created (Date.now()), the origin of the two timings above. */
  readonly openedAt: number;
}

/** Every panel opened in this session (bounded), newest last. */
export class PanelLog {
  private readonly records: PanelRecord[] = [];

  open(viewType: string, title: string): PanelRecord {
    const record: PanelRecord = {
      viewType, title, ready: false, posted: [], received: [], disposed: false,
      readyAfterMs: null, firstPostAfterMs: {}, openedAt: Date.now(),
    };
    this.records.push(record);
    if (this.records.length > 20) this.records.shift();
    return record;
  }

  /** A JSON-safe copy (big payloads such as PNG data are shortened). */
  snapshot(): unknown {
    return this.records.map((r) => ({
      ...r,
      received: r.received.map((m) => (m.type === 'export' ? { ...m, data: `${m.data.slice(0, 40)}… (${m.data.length} chars)` } : m)),
    }));
  }
}
