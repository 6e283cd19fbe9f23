import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NationalStatus, SubState } from './statuses.ts';
import {
  ACTIONS,
  type Action,
  type ActorRole,
  availableActions,
  decide,
  type LifecycleState,
  TRANSITIONS,
} from './transitions.ts';
import { defaultWorkflow } from './workflow.ts';

const steps = defaultWorkflow({ amount: 3, unit: 'working_days' });
const ROLES: ActorRole[] = ['reception', 'specialist', 'leader'];
const STATUSES: NationalStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const SUBS: SubState[] = ['none', 'pre_supplement', 'apology_pending'];

const state = (over: Partial<LifecycleState> = {}): LifecycleState => ({
  status: 4,
  subState: 'none',
  stepIndex: 0,
  steps,
  rescheduled: false,
  dueSoonOrOverdue: true,
  ...over,
});

/** The legal moves of the national lifecycle (docs/domain-vn.md §2.4), written out independently of the table. */
const LEGAL: Array<[Action, NationalStatus, NationalStatus, ActorRole]> = [
  ['accept', 1, 2, 'reception'],
  ['refuse', 1, 3, 'reception'],
  ['transfer', 2, 4, 'reception'],
  ['request_supplement', 4, 5, 'specialist'],
  ['supplement_received', 5, 4, 'reception'],
  ['request_payment', 4, 6, 'specialist'],
  ['payment_received', 6, 4, 'reception'],
  ['stop', 4, 8, 'leader'],
  ['stop', 5, 8, 'leader'],
  ['stop', 6, 8, 'leader'],
  ['return_result', 9, 10, 'reception'],
  ['withdraw', 1, 7, 'reception'],
  ['withdraw', 2, 7, 'reception'],
  ['withdraw', 4, 7, 'reception'],
  ['withdraw', 5, 7, 'reception'],
  ['withdraw', 6, 7, 'reception'],
  ['confirm_withdrawal', 7, 8, 'leader'],
];

describe('lifecycle transition table', () => {
  it.each(LEGAL)('%s: %i → %i by %s', (action, from, to, role) => {
    const d = decide(action, state({ status: from }), role, 'lý do');
    expect(d).toMatchObject({ ok: true, to });
  });

  it('refuses every status change that is not in the legal list', () => {
    const legal = new Set(LEGAL.map(([a, f, , r]) => `${a}|${f}|${r}`));
    for (const action of ACTIONS) {
      for (const status of STATUSES) {
        for (const role of ROLES) {
          const d = decide(action, state({ status }), role, 'lý do');
          if (!d.ok || d.to === status) continue;
          // A status change must be one of the listed legal moves.
          expect(legal.has(`${action}|${status}|${role}`), `${action} ${status} ${role}`).toBe(true);
        }
      }
    }
  });

  it('never leaves a terminal status and never withdraws after the result was issued', () => {
    for (const action of ACTIONS) {
      for (const status of [3, 8, 9, 10] as NationalStatus[]) {
        for (const role of ROLES) {
          const d = decide(action, state({ status, stepIndex: steps.length - 1 }), role, 'x');
          if (status === 9 && action === 'return_result' && role === 'reception') continue;
          expect(d.ok, `${action} from ${status} by ${role}`).toBe(false);
        }
      }
    }
    expect(decide('withdraw', state({ status: 9 }), 'reception', 'x')).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
  });

  it('checks the role, then the reason', () => {
    expect(decide('stop', state(), 'specialist', 'x')).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED' });
    expect(decide('stop', state(), 'leader', '  ')).toEqual({ ok: false, code: 'REASON_REQUIRED' });
    expect(decide('request_supplement', state(), 'specialist')).toEqual({
      ok: false,
      code: 'REASON_REQUIRED',
    });
  });

  it('walks the workflow steps with the role of the current step', () => {
    expect(decide('complete_step', state({ stepIndex: 0 }), 'specialist')).toMatchObject({
      ok: true,
      stepIndex: 1,
    });
    expect(decide('complete_step', state({ stepIndex: 0 }), 'leader')).toEqual({
      ok: false,
      code: 'ROLE_NOT_ALLOWED',
    });
    expect(decide('complete_step', state({ stepIndex: 1 }), 'leader')).toMatchObject({
      ok: true,
      stepIndex: 2,
    });
    expect(decide('complete_step', state({ stepIndex: 2 }), 'leader')).toEqual({
      ok: false,
      code: 'LAST_STEP',
    });
    expect(decide('issue_result', state({ stepIndex: 1 }), 'leader')).toEqual({
      ok: false,
      code: 'NOT_LAST_STEP',
    });
    expect(decide('issue_result', state({ stepIndex: 2 }), 'leader')).toMatchObject({
      ok: true,
      to: 9,
    });
    expect(decide('return_step', state({ stepIndex: 1 }), 'leader', 'thiếu xác minh')).toMatchObject({
      ok: true,
      stepIndex: 0,
    });
    expect(decide('return_step', state({ stepIndex: 0 }), 'specialist', 'x')).toEqual({
      ok: false,
      code: 'NO_PREVIOUS_STEP',
    });
  });

  it('allows one re-appointment only, and only when due soon or overdue', () => {
    expect(decide('draft_apology', state(), 'specialist', 'chờ xác minh')).toMatchObject({
      ok: true,
      toSubState: 'apology_pending',
    });
    expect(decide('draft_apology', state({ dueSoonOrOverdue: false }), 'specialist', 'x')).toEqual({
      ok: false,
      code: 'NOT_DUE_YET',
    });
    expect(decide('draft_apology', state({ rescheduled: true }), 'specialist', 'x')).toEqual({
      ok: false,
      code: 'ALREADY_RESCHEDULED',
    });
    expect(decide('approve_apology', state({ subState: 'apology_pending' }), 'leader')).toMatchObject({
      ok: true,
      toSubState: 'none',
    });
    expect(decide('approve_apology', state(), 'leader')).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION' });
    // While an apology waits, the workflow does not move.
    expect(decide('complete_step', state({ subState: 'apology_pending' }), 'specialist')).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
  });

  it('property: any decision that succeeds lands on a national status reachable from the table', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...SUBS),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(...ROLES),
        fc.boolean(),
        (action, status, subState, stepIndex, role, rescheduled) => {
          const d = decide(action, state({ status, subState, stepIndex, rescheduled }), role, 'x');
          if (!d.ok) return true;
          const spec = TRANSITIONS[action];
          return (
            (spec.from as readonly number[]).includes(status) &&
            (spec.to === 'same' ? d.to === status : d.to === spec.to)
          );
        },
      ),
    );
  });

  it('lists the actions a role may take now', () => {
    expect(availableActions(state({ status: 2 }), 'reception')).toEqual(['transfer', 'withdraw']);
    expect(availableActions(state({ status: 4, stepIndex: 0 }), 'specialist')).toEqual(
      expect.arrayContaining([
        'complete_step',
        'request_supplement',
        'request_payment',
        'draft_apology',
        'assign',
      ]),
    );
    expect(availableActions(state({ status: 10 }), 'reception')).toEqual([]);
  });
});

describe('default workflow', () => {
  it('splits the time limit into appraise, approve and sign', () => {
    expect(
      defaultWorkflow({ amount: 3, unit: 'working_days' }).map((s) => [s.key, s.role, s.allowance.amount]),
    ).toEqual([
      ['appraise', 'specialist', 20],
      ['approve', 'leader', 2],
      ['sign', 'leader', 2],
    ]);
    const sameDay = defaultWorkflow({ amount: 0, unit: 'same_day' });
    expect(sameDay.reduce((n, s) => n + s.allowance.amount, 0)).toBe(4);
  });
});
