import { useEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * Clickjacking guard (issue 7). A page could cover the panel's iframe with
 * something else, make it transparent or move it under the pointer, and trick
 * the agent into copying or opening. IntersectionObserver v2 reports
 * `isVisible: false` while the element is covered, transformed, filtered or not
 * fully opaque; while that is so, copy and open are switched off and the agent
 * is told why. Where v2 is missing we fall back to "on screen and tab visible".
 */
export interface ActionsAllowed {
  allowed: boolean;
  /** Plain words for the agent when actions are off. */
  reason: string | null;
}

export const HIDDEN_REASON =
  'Copy and open are paused because Trailguide’s panel is covered or hidden by the page. Close anything on top of the panel or scroll it fully into view, then try again.';
export const CHECKING_REASON = 'Checking that the panel is fully visible…';

interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

function supportsVisibilityTracking(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

export function useActionsAllowed(ref: RefObject<Element>): ActionsAllowed {
  const [state, setState] = useState<ActionsAllowed>(() =>
    supportsVisibilityTracking() ? { allowed: false, reason: CHECKING_REASON } : { allowed: !pageHidden(), reason: pageHidden() ? HIDDEN_REASON : null },
  );

  useEffect(() => {
    let onScreen = true;
    const publish = () => {
      const allowed = onScreen && !pageHidden();
      setState({ allowed, reason: allowed ? null : HIDDEN_REASON });
    };
    document.addEventListener('visibilitychange', publish);

    const element = ref.current;
    let observer: IntersectionObserver | undefined;
    if (element && typeof IntersectionObserver === 'function') {
      const onEntries = (entries: IntersectionObserverEntry[]) => {
        const entry = entries.at(-1) as VisibilityEntry | undefined;
        if (!entry) return;
        onScreen = typeof entry.isVisible === 'boolean' ? entry.isVisible : entry.isIntersecting;
        publish();
      };
      try {
        // trackVisibility needs delay ≥ 100 ms; older engines ignore the unknown options.
        observer = new IntersectionObserver(onEntries, { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit);
      } catch {
        observer = new IntersectionObserver(onEntries, { threshold: [0, 1] });
      }
      observer.observe(element);
    } else {
      publish();
    }
    return () => {
      document.removeEventListener('visibilitychange', publish);
      observer?.disconnect();
    };
  }, [ref]);

  return state;
}
