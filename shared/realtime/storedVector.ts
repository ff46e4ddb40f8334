/**
 * Reading `doc:stored` notices. Each notice is what one server process knows storage holds of
 * the document (what it wrote or loaded), so with several processes a notice from one may
 * lack the clients whose edits another stored. Every notice is a lower bound of a set that
 * only grows, so the client keeps the highest clock per client over all notices.
 */

/** Per client, the higher clock of `known` and `notice` (a new map; `known` may be null). */
export function mergeStoredVectors(
  known: ReadonlyMap<number, number> | null,
  notice: ReadonlyMap<number, number>,
): Map<number, number> {
  const merged = new Map(known ?? []);
  for (const [client, clock] of notice) {
    if (clock > (merged.get(client) ?? 0)) merged.set(client, clock);
  }
  return merged;
}

/** Whether `stored` holds every change of `clientId` up to (not including) `clock`. */
export function coversClock(
  stored: ReadonlyMap<number, number> | null,
  clientId: number,
  clock: number,
): boolean {
  return clock === 0 || (stored?.get(clientId) ?? 0) >= clock;
}

/**
 * Whether `stored` covers every client's clock in `required` (client id → clock): used for the
 * changes a browser brought back from its own offline copy, made by earlier tabs' client ids.
 */
export function coversVector(
  stored: ReadonlyMap<number, number> | null,
  required: ReadonlyMap<number, number>,
): boolean {
  for (const [clientId, clock] of required) {
    if (!coversClock(stored, clientId, clock)) return false;
  }
  return true;
}
