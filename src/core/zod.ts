import { z } from 'zod';

// zod 4 compiles fast parsers with `new Function` unless told not to; an
// extension's CSP forbids that and `web-ext lint` flags it. Every schema of
// the project imports `z` from here so that the setting is always applied.
z.config({ jitless: true });

export { z };

/** Formats a zod error as one line naming the offending field(s). */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > limit ? ` (+${error.issues.length - limit} more)` : '';
  return parts.join('; ') + more;
}
