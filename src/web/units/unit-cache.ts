/**
 * The units the page has already read, by id: a select shows the name of its chosen unit without
 * asking again, and a row names its parent. Read once per page load; the admin's edits put the
 * new record in.
 */
import { client, unwrap } from '../api/client.ts';
import type { UnitRecord } from '../api/types.ts';

const known = new Map<string, UnitRecord>();
const asked = new Map<string, Promise<UnitRecord | null>>();

export function rememberUnits(units: readonly UnitRecord[]): void {
  for (const unit of units) known.set(unit.id, unit);
}

export function knownUnit(id: string): UnitRecord | undefined {
  return known.get(id);
}

/** The unit, from the cache or GET /api/units/:id; null when the user may not see it (or it is gone). */
export function loadUnit(id: string): Promise<UnitRecord | null> {
  const unit = known.get(id);
  if (unit) return Promise.resolve(unit);
  let pending = asked.get(id);
  if (!pending) {
    pending = unwrap(client.GET('/api/units/{id}', { params: { path: { id } } })).then(
      (u) => {
        known.set(u.id, u);
        return u;
      },
      () => null,
    );
    asked.set(id, pending);
  }
  return pending;
}
