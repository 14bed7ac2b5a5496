/**
 * Deletes every entry of `map` whose value matches `doomed` and returns how many went (the shared
 * loop of the stores' `prune` and of their sweeps as the map grows).
 *
 * @example const pruned = deleteWhere(this.#counters, (v) => v.resets_at < before);
 */
export function deleteWhere<K, V>(map: Map<K, V>, doomed: (value: V) => boolean): number {
  let deleted = 0;
  for (const [key, value] of map) {
    if (doomed(value)) {
      map.delete(key);
      deleted += 1;
    }
  }
  return deleted;
}
