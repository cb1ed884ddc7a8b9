/**
 * The value a map holds for a key, made and kept on first use (an undefined value counts
 * as made). For per-language and per-file caches: formatters, hyphenators, font data.
 *
 * @param {Map<Key, Value>} map
 *   The cache.
 * @param {Key} key
 *   What to look up.
 * @param {() => Value} create
 *   Makes the value when the map has none.
 * @returns {Value}
 *   The kept value.
 */
export function getOrCreate<Key, Value>(map: Map<Key, Value>, key: Key, create: () => Value): Value {
  if (!map.has(key)) map.set(key, create());
  return map.get(key) as Value;
}
