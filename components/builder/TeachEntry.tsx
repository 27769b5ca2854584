import { LazyBuilderView as BuilderView } from './LazyBuilderView';
import { builderOpen, openBuilder } from './builder-open';

/** On a page Trailguide doesn't know yet: the only thing the panel offers. */
export function TeachIntro() {
  if (builderOpen.value) return <BuilderView />;
  return (
    <section class="teach-intro" aria-labelledby="teach-heading">
      <h1 id="teach-heading">Trailguide doesn't know this page yet</h1>
      <p>
        If this is an activity or audit log, you can teach Trailguide where its search box and results are. It takes about two
        minutes, and afterwards every runbook works here.
      </p>
      <button class="button" data-testid="teach-page" onClick={openBuilder}>Teach Trailguide this page</button>
    </section>
  );
}

/** Under the runbook list: re-teach a page that changed, or teach a better adapter. */
export function TeachLink() {
  return (
    <p class="teach-link small muted">
      Something on this page not found?{' '}
      <button class="link-button" data-testid="teach-page" onClick={openBuilder}>Teach Trailguide this page</button>
    </p>
  );
}
