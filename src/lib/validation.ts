import type { z } from 'zod';
import { AppError, type ErrorIssue } from './errors.js';

export function issuesOf(error: z.ZodError, prefix = ''): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.') || '(root)',
    message: issue.message,
  }));
}

export function validationError(issues: ErrorIssue[], what = 'input'): AppError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new AppError('validation_failed', `invalid ${what}: ${summary}`, issues);
}

/**
 * Validates input that does not come through an HTTP route (CLI flags, import files, the demo
 * dataset) with the same zod schema the API uses, and fails with the same error shape.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what = 'input',
  prefix = '',
): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(issuesOf(result.error, prefix), what);
  return result.data;
}
