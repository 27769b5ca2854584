import { batch, signal } from '@preact/signals';

/**
 * Whether the builder is open, kept apart from the builder's own state so the
 * panel's first paint does not load the builder (and zod) just to read a flag.
 */
export const builderOpen = signal(false);

const onOpen: (() => void)[] = [];

/** The builder registers what to reset each time it opens (once its code has loaded). */
export function whenBuilderOpens(reset: () => void): void {
  onOpen.push(reset);
}

export function openBuilder(): void {
  batch(() => {
    builderOpen.value = true;
    for (const reset of onOpen) reset();
  });
}
