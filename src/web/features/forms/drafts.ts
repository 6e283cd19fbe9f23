/**
 * Drafts of the wizard, saved as the user types. The store is an interface: in the browser it is
 * localStorage (keyed by procedure and form version, so a new version never reads an old draft's
 * answers as its own); the citizen's server drafts plug in through the same two calls.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface WizardDraft {
  answers: Record<string, unknown>;
  step: number;
  /** Downscaled photos per procedure document id, as data: URLs (kept when storage allows). */
  documents: Record<string, { fileName: string; dataUrl: string }>;
  savedAt: string;
}

export interface DraftStore {
  load(key: string): Promise<WizardDraft | null>;
  save(key: string, draft: WizardDraft): Promise<void>;
  clear(key: string): Promise<void>;
}

export function draftKey(procedureCode: string, formVersion: number): string {
  return `motcua.draft.${procedureCode}.v${formVersion}`;
}

function isDraft(v: unknown): v is WizardDraft {
  const d = v as WizardDraft | null;
  return !!d && typeof d === 'object' && typeof d.answers === 'object' && typeof d.step === 'number';
}

/** localStorage: survives closing the page and losing the connection. */
export const browserDraftStore: DraftStore = {
  async load(key) {
    try {
      const raw = window.localStorage.getItem(key);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      return isDraft(parsed) ? { ...parsed, documents: parsed.documents ?? {} } : null;
    } catch {
      return null;
    }
  },
  async save(key, draft) {
    try {
      window.localStorage.setItem(key, JSON.stringify(draft));
    } catch {
      // Storage full (photos are large): keep the answers, drop the photos from the draft.
      try {
        window.localStorage.setItem(key, JSON.stringify({ ...draft, documents: {} }));
      } catch {
        // Private mode or storage disabled: the wizard still works, only without a draft.
      }
    }
  },
  async clear(key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  },
};

const SAVE_DELAY_MS = 400;

/**
 * Loads the draft once, then saves every change after a short pause (and at once when the page is
 * hidden, e.g. the phone switches app). `saveDraft` is the swappable part: pass another DraftStore.
 */
export function useDraft(key: string | undefined, store: DraftStore = browserDraftStore) {
  const [loaded, setLoaded] = useState<{ key: string; draft: WizardDraft | null } | null>(null);
  const pending = useRef<WizardDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!key) return;
    let live = true;
    void store.load(key).then((draft) => {
      if (live) setLoaded({ key, draft });
    });
    return () => {
      live = false;
    };
  }, [key, store]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (key && pending.current) void store.save(key, pending.current);
    pending.current = null;
  }, [key, store]);

  const saveDraft = useCallback(
    (draft: Omit<WizardDraft, 'savedAt'>) => {
      pending.current = { ...draft, savedAt: new Date().toISOString() };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  const clearDraft = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = null;
    if (key) await store.clear(key);
  }, [key, store]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return {
    isLoaded: loaded?.key === key,
    draft: loaded && loaded.key === key ? loaded.draft : null,
    saveDraft,
    clearDraft,
  };
}

/** Where the last save went: the citizen's account on the server, or only this device (offline). */
export type DraftSaveState = { where: 'server'; at: string } | { where: 'device' };

/** The wizard's step rides along with the answers in the server draft under this (non-question) key. */
const STEP_KEY = 'wizardStep';

/**
 * A signed-in citizen's drafts: the answers (and the step) go to their account on the server, so the
 * filing goes on from another phone; the photos stay on this device (too large to save on each pause),
 * and a copy of everything stays in localStorage for when the connection drops. Loading prefers the
 * server's answers.
 */
export function serverDraftStore(
  procedureCode: string,
  formVersion: number,
  onSaved: (state: DraftSaveState) => void,
): DraftStore {
  const url = `/api/v1/citizen/drafts/${encodeURIComponent(procedureCode)}`;
  return {
    async load(key) {
      const local = await browserDraftStore.load(key);
      try {
        const res = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } });
        if (!res.ok) return local;
        const body = (await res.json()) as { data: Record<string, unknown>; updatedAt: string };
        const { [STEP_KEY]: step, ...answers } = body.data;
        if (Object.keys(answers).length === 0) return local;
        return {
          answers,
          step: typeof step === 'number' ? step : (local?.step ?? 0),
          documents: local?.documents ?? {},
          savedAt: body.updatedAt,
        };
      } catch {
        return local;
      }
    },
    async save(key, draft) {
      await browserDraftStore.save(key, draft);
      try {
        const res = await fetch(url, {
          method: 'PUT',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ data: { ...draft.answers, [STEP_KEY]: draft.step }, formVersion }),
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const saved = (await res.json()) as { updatedAt: string };
        onSaved({ where: 'server', at: saved.updatedAt });
      } catch {
        onSaved({ where: 'device' });
      }
    },
    async clear(key) {
      await browserDraftStore.clear(key);
      try {
        // An empty draft is no draft (the server deletes it itself once the dossier is filed).
        await fetch(url, {
          method: 'PUT',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ data: {}, formVersion }),
        });
      } catch {
        // Offline: the next save overwrites it.
      }
    },
  };
}

/** Kept in memory only: at the counter a citizen's answers are not left on the desk's computer. */
export function memoryDraftStore(): DraftStore {
  const drafts = new Map<string, WizardDraft>();
  return {
    async load(key) {
      return drafts.get(key) ?? null;
    },
    async save(key, draft) {
      drafts.set(key, draft);
    },
    async clear(key) {
      drafts.delete(key);
    },
  };
}
