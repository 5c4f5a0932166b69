/**
 * Objects keyed by user text (question names, choice values, matrix rows, population categories):
 * `obj[key]` on such an object finds what every object inherits for `toString`, `constructor`,
 * ..., and `obj["__proto__"] = v` replaces its prototype instead of storing anything (issue 11).
 */

/**
 * The object's own property `key`, never an inherited one.
 * @example own({}, "toString") // undefined
 */
export function own<T = unknown>(record: unknown, key: string): T | undefined {
  return typeof record === "object" && record !== null && Object.hasOwn(record, key) ? ((record as Record<string, T>)[key] as T) : undefined;
}

/**
 * Stores `value` as the object's own property `key`, `__proto__` included (as `JSON.parse` does).
 * @example setOwn({}, "__proto__", 1) // { ["__proto__"]: 1 }, an own key
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
