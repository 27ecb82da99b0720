import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { assertPasswordAcceptable, passwordProblems } from './password.js';

describe('password rules', () => {
  it('accepts a long password with letters and digits', () => {
    expect(passwordProblems('harbour-bridge-42', 'alice')).toEqual([]);
  });

  it('names every problem, in Chinese first', () => {
    expect(passwordProblems('short1', 'bob')[0]).toMatch(/^密码至少 10 位/);
    expect(passwordProblems('onlyletters-here', 'bob')).toHaveLength(1);
    expect(passwordProblems('alice-2026-secret', 'alice')[0]).toMatch(/用户名/);
    expect(passwordProblems(`${'a1'.repeat(65)}`, 'bob')[0]).toMatch(/最多/);
  });

  it('throws a validation error that lists the problems', () => {
    try {
      assertPasswordAcceptable('abc', 'x');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION');
      expect(((error as AppError).details as { problems: string[] }).problems.length).toBeGreaterThan(0);
    }
  });
});
