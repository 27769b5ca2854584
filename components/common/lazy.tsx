import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is fetched on first use, so the panel's first paint
 * (the runbook list) does not wait for the runbook view, builder and escalation
 * code. `preload()` fetches it early, e.g. once the list is on screen.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let Loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  let failed = false;
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        Loaded = component;
      },
      () => {
        failed = true;
      },
    ));

  function Lazy(props: P) {
    const [, setTick] = useState(0);
    const shownLoaded = Loaded !== null;
    useEffect(() => {
      // Effects run after a paint (later still in a frame not yet shown): the code may have
      // arrived between this render and now, and then only a new render shows it.
      if (shownLoaded) return;
      let live = true;
      void preload().then(() => live && setTick((n) => n + 1));
      return () => {
        live = false;
      };
    }, []);
    if (Loaded) return <Loaded {...props} />;
    if (failed) return <p role="alert" class="error">Trailguide could not load this part of the panel. Reload the page to try again.</p>;
    return <p role="status" class="muted">Loading…</p>;
  }
  return Object.assign(Lazy, { preload });
}
