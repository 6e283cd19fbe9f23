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
