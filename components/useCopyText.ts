import { useEffect, useRef, useState } from 'react';

export interface CopyState {
  status: string;
  /** The clipboard refused: the text is shown in a textarea (`fallbackRef`), focused and selected. */
  fallback: boolean;
}

/**
 * "Copy" with a way out when the browser refuses the clipboard: the text then stands selected in a
 * textarea for Ctrl+C. Used by the decision tree's summary and "Does it count?"'s case note. `context`
 * ties a copy to what was shown when it was made (the decision tree's step): when it changes, the
 * state is not shown (`shown` is null) until a copy is made there again.
 */
export function useCopyText(context?: string) {
  const [state, setState] = useState<(CopyState & { context?: string }) | null>(null);
  const fallbackRef = useRef<HTMLTextAreaElement | null>(null);
  const shown: CopyState | null = state && state.context === context ? state : null;

  useEffect(() => {
    if (shown?.fallback && fallbackRef.current) {
      fallbackRef.current.focus();
      fallbackRef.current.select();
    }
  }, [shown]);

  const copy = async (text: string, words: { copied: string; blocked: string }) => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      setState({ status: words.copied, fallback: false, context });
    } catch {
      setState({ status: words.blocked, fallback: true, context });
    }
  };

  return { shown, copy, reset: () => setState(null), fallbackRef };
}
