/**
 * Whether two JSON values are equal by value: object keys in any order, arrays in order. For data that went
 * through an editor and came back (`Diagnostic.data`): Neovim 0.7 returns an object's keys in another order, so
 * comparing JSON texts would call the same value different.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = Object.keys(aRecord).filter((key) => aRecord[key] !== undefined);
  const otherKeys = Object.keys(bRecord).filter((key) => bRecord[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => Object.hasOwn(bRecord, key) && sameJson(aRecord[key], bRecord[key]));
}
