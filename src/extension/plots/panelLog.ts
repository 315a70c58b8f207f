import type { ExportRequestMessage, HostToWebview, WebviewToHost } from '../../protocol';

/** Panels kept in the log (the oldest is dropped first). */
export const MAX_PANELS = 20;
/** Messages kept per panel and direction (the oldest are dropped first; the counts stay exact). */
export const MAX_MESSAGES = 200;

/** A received message as logged: an export keeps its format, name and size, never its data (a PNG is megabytes). */
export type LoggedMessage =
  | Exclude<WebviewToHost, ExportRequestMessage>
  | (Omit<ExportRequestMessage, 'data'> & { readonly dataLength: number });

/** What one panel said and heard, for RNN Lab's tests and for diagnostics. */
export interface PanelRecord {
  readonly viewType: string;
  title: string;
  ready: boolean;
  /** The latest MAX_MESSAGES posted message types, oldest first. */
  readonly posted: HostToWebview['type'][];
  /** The latest MAX_MESSAGES received messages, oldest first. */
  readonly received: LoggedMessage[];
  /** How many messages went each way in all (including those no longer kept). */
  readonly counts: { posted: number; received: number };
  disposed: boolean;
  /** Milliseconds from the panel's creation to its webview's `ready` (null before). */
  readyAfterMs: number | null;
  /** Milliseconds from the panel's creation to the first post of each message type. */
  readonly firstPostAfterMs: Partial<Record<HostToWebview['type'], number>>;
  /** When the panel was created (Date.now()), the origin of the two timings above. */
  readonly openedAt: number;
}

function pushBounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_MESSAGES) list.splice(0, list.length - MAX_MESSAGES);
}

/** Notes a message the host posted to the panel. */
export function logPosted(record: PanelRecord, type: HostToWebview['type']): void {
  record.counts.posted++;
  pushBounded(record.posted, type);
  record.firstPostAfterMs[type] ??= Date.now() - record.openedAt;
}

/** Notes a message the panel's webview sent (an export without its data). */
export function logReceived(record: PanelRecord, message: WebviewToHost): void {
  record.counts.received++;
  if (message.type === 'export') {
    const { data, ...rest } = message;
    pushBounded(record.received, { ...rest, dataLength: data.length });
  } else {
    pushBounded(record.received, message);
  }
}

/** The latest MAX_PANELS panels opened in this session, newest last; bounded in panels and messages. */
export class PanelLog {
  private readonly records: PanelRecord[] = [];

  open(viewType: string, title: string): PanelRecord {
    const record: PanelRecord = {
      viewType, title, ready: false, posted: [], received: [], counts: { posted: 0, received: 0 }, disposed: false,
      readyAfterMs: null, firstPostAfterMs: {}, openedAt: Date.now(),
    };
    this.records.push(record);
    if (this.records.length > MAX_PANELS) this.records.shift();
    return record;
  }

  /** A JSON-safe copy. */
  snapshot(): PanelRecord[] {
    return structuredClone(this.records);
  }
}
