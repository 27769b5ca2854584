import { lazyComponent } from '../common/lazy';

/** The builder's code (selectors, live tests, zod) loads only when someone starts teaching. */
export const LazyBuilderView = lazyComponent(() => import('./BuilderView').then((m) => m.BuilderView));
