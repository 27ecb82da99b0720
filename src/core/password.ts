import { AppError } from './errors.js';

/** Password rules: long enough to resist guessing, checked at every edge that sets one. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN)
    problems.push(`密码至少 ${PASSWORD_MIN} 位 (at least ${PASSWORD_MIN} characters)`);
  if (password.length > PASSWORD_MAX) problems.push(`密码最多 ${PASSWORD_MAX} 位 (at most ${PASSWORD_MAX} characters)`);
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password))
    problems.push('密码须同时包含字母和数字 (must contain letters and digits)');
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('密码不能包含用户名 (must not contain the username)');
  return problems;
}

export function assertPasswordAcceptable(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `密码不符合要求：${problems.join('；')}。 Password rejected.`, {
      field: 'password',
      problems,
    });
  }
}
