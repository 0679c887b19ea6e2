import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/lib/rules/catalogue/catalogue';
import { pageIndexSource } from '@/lib/rules/catalogue/page-index-source';

describe('the page index (what the content script carries of the catalogue)', () => {
  it('is generated from the catalogue and up to date', async () => {
    // Fails when an entry changed and page-index.ts did not: write it again with `-u`.
    await expect(pageIndexSource(CATALOGUE)).toMatchFileSnapshot('../../lib/rules/catalogue/page-index.ts');
  });
});
