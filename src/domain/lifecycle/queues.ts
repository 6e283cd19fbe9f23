/** The work queues an officer opens (GET /api/v1/queues/{queue}); the web's tabs are a subset per role. */
export const QUEUES = [
  'mine',
  'due_today',
  'due_soon',
  'overdue',
  'waiting_supplement',
  'awaiting_approval',
  'to_transfer',
  'to_return',
  'online',
] as const;
export type Queue = (typeof QUEUES)[number];
