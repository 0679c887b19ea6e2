import { Assistant } from '@/lib/assistant';
import { logErrorOnce } from '@/lib/log';

export default defineContentScript({
  matches: ['https://www.caljobs.ca.gov/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    try {
      new Assistant(ctx).start();
    } catch (error) {
      logErrorOnce('starting', error);
    }
  },
});
