const CASELESS = /^[0-9a-f:._-]+$/i;

function same(wanted: unknown, stored: unknown): boolean {
  if (wanted === stored) {
    return true;
  }
  if (wanted === null || wanted === undefined) {
    return stored === null || stored === undefined;
  }
  if (typeof wanted === "string" && typeof stored === "string") {
    // UUIDs and MAC addresses come back normalised to lower case.
    return CASELESS.test(wanted) && wanted.toLowerCase() === stored.toLowerCase();
  }
  if (Array.isArray(wanted)) {
    return Array.isArray(stored) && wanted.length === stored.length && wanted.every((w, i) => same(w, stored[i]));
  }
  if (typeof wanted === "object" && typeof stored === "object" && stored !== null && !Array.isArray(stored)) {
    return differences(wanted as Record<string, unknown>, stored as Record<string, unknown>).length === 0;
  }
  return false;
}

/** Fields of `wanted` (ignoring `undefined` ones) whose value differs from `stored`. */
export function differences(wanted: Record<string, unknown>, stored: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(wanted)) {
    if (wanted[key] !== undefined && !same(wanted[key], stored[key])) {
      out.push(key);
    }
  }
  return out;
}
