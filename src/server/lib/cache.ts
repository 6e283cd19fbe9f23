/**
 * A value computed on demand and kept for `ttlMs`. Reference data (units, catalogue, calendars) changes
 * rarely and only through administration, so every server process may keep it briefly.
 */
export function cached<K, V>(load: (key: K) => Promise<V>, ttlMs: number) {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  const get = (key: K): Promise<V> => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = load(key);
    entries.set(key, { at: Date.now(), value });
    // A failed load must not be remembered.
    value.catch(() => entries.delete(key));
    return value;
  };
  return Object.assign(get, { clear: () => entries.clear() });
}
