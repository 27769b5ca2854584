import type { ClearStep, FillStep } from '../plan';

/**
 * kept: read back after the write, after blur and once more after the app had time
 * to re-render, and the control shows the value. not-kept: it shows something else.
 * unchecked: the value could not be read back (the control vanished, or shows nothing
 * Trailguide can read).
 */
export type FieldStatus = 'kept' | 'not-kept' | 'unchecked';

export interface InsertOptions {
  /** How long to wait for a control that renders late. */
  findTimeoutMs?: number;
  /** How long to wait for a combobox's options to appear. */
  popupTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface Written {
  /** What the control should show afterwards (an option's label for comboboxes). */
  expect: string[];
  problem?: string;
  /**
   * The widget commits only once the step's other fields are set too (a range's start): check
   * it again after them instead of now.
   */
  pending?: boolean;
}

/**
 * One widget family: how to recognise it from the element the adapter's selectors found
 * (and the step's declared kind), how to write a value the way that library accepts it,
 * and how to check the effect. verify reads what the widget itself shows as chosen (a chip,
 * a hidden input, aria-selected, a picker's sections) — never a trigger text the library
 * clears after a choice.
 */
export interface WidgetStrategy {
  id: string;
  recognises(element: Element, step: FillStep): boolean;
  write(doc: Document, element: Element, step: FillStep, options: InsertOptions): Promise<Written> | Written;
  verify(doc: Document, element: Element, step: FillStep, expect: readonly string[]): FieldStatus;
  /**
   * What the widget holds as a filter now, in words ('' for nothing), read the way verify reads
   * it — so a fresh search (reset) sees a value a library keeps outside its input. Strategies
   * without it leave this to insert.ts's generic reading.
   */
  shown?(element: Element): string;
  /**
   * Empties the widget the way its library lets go of a choice (a fresh search), and checks the
   * effect in the library's own state as the DOM shows it — not by an emptied text box. Without
   * it, insert.ts empties the control generically and reads it back.
   */
  clear?(doc: Document, element: Element, step: ClearStep, options: InsertOptions): Promise<ClearDone>;
}

/** A strategy's clear: done and checked, or not, with why (", its list …" — joined to "Could not clear the X list (it still shows Y)"). */
export type ClearDone = { cleared: true } | { cleared: false; why: string };
