/**
 * The assistant's only logging: errors, once each, with a clear prefix. Messages carry the error's
 * name and message only, never page content or participant data.
 */
const PREFIX = '[CalJOBS Assistant]';
const seen = new Set<string>();

export function logErrorOnce(where: string, error: unknown): void {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  const key = `${where}|${what}`;
  if (seen.has(key)) return;
  seen.add(key);
  console.error(`${PREFIX} ${where} failed: ${what.slice(0, 200)}`);
}
