import type { FillStep } from '../../utils/engine/plan';
import { strategyFor } from '../../utils/engine/strategies';

/** A fill step for strategy tests. */
export function fillStep(partial: Partial<FillStep> & Pick<FillStep, 'value'>): FillStep {
  return { fields: ['field'], label: 'Field', kind: 'text', selectors: ['body'], ...partial };
}

/** Mounts markup and returns the first element matching `selector` in it. */
export function mount(html: string, selector: string): Element {
  document.body.innerHTML = html;
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector} in the markup`);
  return element;
}

/** The id of the strategy the registry picks for an element. */
export function picked(element: Element, step: FillStep): string {
  return strategyFor(element, step).id;
}
