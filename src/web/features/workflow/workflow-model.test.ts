import { describe, expect, it } from 'vitest';
import type { Dossier, TimelineEvent } from '../../api/types';
import { availableDocuments, ROLE_QUEUES } from './workflow-model';

function dossier(patch: Partial<Dossier>): Dossier {
  return {
    code: 'H82.050-250701-0001',
    status: 2,
    subState: 'none',
    supplementRequests: 0,
    ...patch,
  } as Dossier;
}

function event(action: string): TimelineEvent {
  return { action } as TimelineEvent;
}

describe('availableDocuments', () => {
  it('offers only the refusal slip for a dossier refused at intake', () => {
    expect(availableDocuments(dossier({ status: 3 }), [event('refuse')])).toEqual(['refusal-slip']);
  });

  it('offers the supplement slip before acceptance, without a receipt', () => {
    expect(availableDocuments(dossier({ status: 1, subState: 'pre_supplement' }))).toEqual([
      'supplement-slip',
    ]);
  });

  it('follows the dossier through processing', () => {
    expect(availableDocuments(dossier({ status: 2 }))).toEqual(['receipt']);
    expect(availableDocuments(dossier({ status: 4 }), [event('intake'), event('transfer')])).toEqual([
      'receipt',
      'control-slip',
    ]);
    expect(
      availableDocuments(dossier({ status: 5, supplementRequests: 1 }), [
        event('transfer'),
        event('request_supplement'),
      ]),
    ).toEqual(['receipt', 'supplement-slip', 'control-slip']);
    expect(availableDocuments(dossier({ status: 8 }), [event('transfer'), event('stop')])).toEqual([
      'receipt',
      'control-slip',
      'stop-notice',
    ]);
  });

  it('offers the apology letter once one was drafted', () => {
    expect(
      availableDocuments(dossier({ status: 4, subState: 'apology_pending' }), [event('transfer')]),
    ).toContain('apology');
    expect(
      availableDocuments(dossier({ status: 10 }), [event('transfer'), event('draft_apology')]),
    ).toContain('apology');
  });
});

describe('ROLE_QUEUES', () => {
  it('gives each commune role its own queues, first one the default tab', () => {
    expect(ROLE_QUEUES.reception[0]).toBe('to_transfer');
    expect(ROLE_QUEUES.specialist[0]).toBe('mine');
    expect(ROLE_QUEUES.leader).toContain('awaiting_approval');
  });
});
