import { defineCheck } from './types';

export default defineCheck({
  id: 'agency-code-missing',
  severity: 'error',
  field: 'agencyCode',
  source: 'helpSheet',
  title: 'No Agency Code (Los Angeles County requires one)',
  run: ({ form, settings }) => {
    if (!settings.requireAgencyCode || !form.agencyCode.found || form.agencyCode.chosen) return null;
    const code = settings.agencyCode.code.trim();
    return {
      message: code
        ? `Add your Agency Code: your office's code is ${code}. Pick it with Agency Code Search.`
        : 'Add your Agency Code with the Agency Code Search link.',
      detail:
        'Los Angeles County requires an Agency Code on every credential, even though CalJOBS lets you save without one. ' +
        'Click Agency Code Search and pick your agency' +
        (code ? ` (${code}${settings.agencyCode.name ? ` - ${settings.agencyCode.name}` : ''}).` : '.'),
      ...(code ? { copy: code } : {}),
    };
  },
});
