/** A response as kept in the browser until the server has accepted it. */
export interface SavedResponse {
  /** Made once per response; the server's idempotency key. */
  id: string;
  /** The questionnaire version the answers belong to. */
  version: number;
  data: Record<string, unknown>;
  /** The page the respondent was on (SurveyJS `currentPageNo`). */
  pageNo: number;
  /** "editing": still being filled in; "pending": completed, not yet accepted by the server. */
  status: "editing" | "pending";
  savedAt: string;
  /** The collection link code (`?c=`) the answers were completed through, if any. */
  link?: string;
  /** The single-use invitation code (`?i=`) of that link, if any. */
  invitation?: string;
}

const PREFIX = "dj-response:";

/**
 * The respondent's unfinished and unsent responses of one survey, in localStorage under
 * `dj-response:{name}:v{version}`. Storage can be missing or full (private windows, old
 * WebViews): then it keeps the response in memory and says so through `persistent`.
 */
export class ResponseStore {
  private readonly memory = new Map<string, string>();
  readonly persistent: boolean;

  constructor(
    private readonly name: string,
    private readonly storage: Storage | undefined = safeLocalStorage(),
  ) {
    this.persistent = this.storage !== undefined;
  }

  /** The response to carry on with: a pending one of any version first, else an unfinished one. */
  resumable(currentVersion: number): SavedResponse | undefined {
    const all = this.all();
    const pending = all.filter((r) => r.status === "pending").sort((a, b) => b.version - a.version);
    if (pending.length > 0) return pending.find((r) => r.version === currentVersion) ?? pending[0];
    const editing = all.filter((r) => r.status === "editing");
    return editing.find((r) => r.version === currentVersion) ?? editing.sort((a, b) => b.version - a.version)[0];
  }

  save(response: SavedResponse): void {
    const text = JSON.stringify({ ...response, savedAt: new Date().toISOString() });
    const key = this.key(response.version);
    this.memory.set(key, text);
    try {
      this.storage?.setItem(key, text);
    } catch {
      // Quota exceeded: the in-memory copy still serves this page's retries.
    }
  }

  remove(version: number): void {
    const key = this.key(version);
    this.memory.delete(key);
    try {
      this.storage?.removeItem(key);
    } catch {
      // Nothing more to do: the entry is at worst left behind.
    }
  }

  private all(): SavedResponse[] {
    const prefix = `${PREFIX}${this.name}:v`;
    const texts = new Map(this.memory);
    try {
      if (this.storage) {
        for (let i = 0; i < this.storage.length; i++) {
          const key = this.storage.key(i);
          if (key?.startsWith(prefix)) texts.set(key, this.storage.getItem(key) ?? "");
        }
      }
    } catch {
      // Unreadable storage: what this page holds in memory is all there is.
    }
    return [...texts.values()].map(parse).filter((r): r is SavedResponse => r !== undefined);
  }

  private key(version: number): string {
    return `${PREFIX}${this.name}:v${version}`;
  }
}

function parse(text: string): SavedResponse | undefined {
  try {
    const r = JSON.parse(text) as Partial<SavedResponse>;
    const ok = typeof r.id === "string" && Number.isInteger(r.version) && r.data !== null && typeof r.data === "object" && (r.status === "editing" || r.status === "pending");
    return ok ? ({ pageNo: 0, ...r } as SavedResponse) : undefined;
  } catch {
    return undefined;
  }
}

/** localStorage when it works; undefined where reading it throws or writing is refused. */
export function safeLocalStorage(): Storage | undefined {
  try {
    const storage = window.localStorage;
    const probe = "dj-probe";
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}
