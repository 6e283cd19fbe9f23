import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { type DemoAccount, seedDemo } from './demo.ts';
import { seedDemoFeedback } from './feedback.ts';
import { seedDemoNotices } from './notices.ts';
import { loadReferenceData } from './reference.ts';
import { seedInspectionStory } from './story.ts';

export interface Seeded {
  /** Demo mode only: the demo accounts and their password. */
  demo?: { password: string; accounts: DemoAccount[] };
  /** True when the inspection story was written by this call (it is written once). */
  story: boolean;
}

/**
 * Reference data from data/ (when the files changed), and in demo mode the demo centers, accounts, notices
 * and the inspection story. Every step only adds what is missing, so it runs at every start.
 */
export async function seedDatabase(database: Database, config: Config): Promise<Seeded> {
  await loadReferenceData(database.db);
  if (config.mode !== 'demo') return { story: false };
  const demo = await seedDemo(database.db, config);
  await seedDemoNotices(database.db);
  const story = await seedInspectionStory(database, config);
  await seedDemoFeedback(database, config);
  return { demo, story };
}
