import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '@/lib/checks';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it.each(CHECKS.map((check) => [check.id, check.severity] as const))('documents the check %s (%s)', (id, severity) => {
    const row = README.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
    expect(row, `README check table has no row for ${id}`).toBeDefined();
    expect(row).toContain(`| ${severity} |`);
  });

  it('shows the two commands', () => {
    expect(README).toContain('npm start');
    expect(README).toContain('npm test');
  });
});
