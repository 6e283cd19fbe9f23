import { describe, expect, it } from 'vitest';
import { practicePath } from './practice-mode';

describe('practice mode paths', () => {
  it('sends the staff screens to the training center, sign-in and the center itself to the real server', () => {
    expect(practicePath('/api/v1/dossiers', true)).toBe('/api/v1/practice/api/v1/dossiers');
    expect(practicePath('/api/v1/auth/me', true)).toBe('/api/v1/practice/api/v1/auth/me');
    expect(practicePath('/api/v1/auth/logout', true)).toBe('/api/v1/auth/logout');
    expect(practicePath('/api/v1/practice/exercises', true)).toBe('/api/v1/practice/exercises');
    expect(practicePath('/api/v1/dossiers', false)).toBe('/api/v1/dossiers');
  });
});
