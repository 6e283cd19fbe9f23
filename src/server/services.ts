import type { Db } from './db/client.ts';
import { createCalendarService } from './modules/calendar/service.ts';
import { createCatalogService } from './modules/catalog/service.ts';
import { createSessionCache } from './modules/identity/service.ts';
import { createUnitsService } from './modules/units/service.ts';

/** Services that keep per-process caches of reference data. */
export function createServices(db: Db, now: () => Date) {
  const units = createUnitsService(db);
  const catalog = createCatalogService(db, units);
  const calendar = createCalendarService(db, units, now);
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
