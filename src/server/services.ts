import type { Db } from './db/client.ts';
import { createCalendarService } from './modules/calendar/service.ts';
import { createCatalogService } from './modules/catalog/service.ts';
import { createSessionCache } from './modules/identity/service.ts';
import { createUnitsService } from './modules/units/service.ts';

/**
 * Services that keep per-process caches of reference data. `_now` is kept for the callers: the
 * calendar no longer depends on today (it loads any year it is asked about).
 */
export function createServices(db: Db, _now: () => Date) {
  const units = createUnitsService(db);
  const catalog = createCatalogService(db, units);
  const calendar = createCalendarService(db, units);
  return {
    sessions: createSessionCache(),
    units,
    catalog,
    calendar,
    invalidateReference() {
      units.invalidate();
      catalog.invalidate();
      calendar.invalidate();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
