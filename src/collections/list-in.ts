/**
 * The list a map holds under `key`, made empty when it holds none: for grouping rows by a key with
 * `push`. (Writing `map.set(k, [...(map.get(k) ?? []), row])` instead copies the group at every
 * row, which made a calibration's tens of thousands of durations take seconds.)
 */
export function listIn<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}
