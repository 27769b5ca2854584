// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import { lazyComponent } from '../../components/common/lazy';
import { waitFor } from './cases-fixtures';

it('shows the component whose code arrived between its first render and its effect (it stayed on "Loading…")', async () => {
  let arrive!: () => void;
  const code = new Promise<() => preact.JSX.Element>((resolve) => (arrive = () => resolve(() => <p data-testid="loaded">Runbook</p>)));
  const View = lazyComponent(() => code);
  const loading = View.preload(); // fetched early, as the panel does once its list is on screen
  const container = document.createElement('div');
  document.body.append(container);
  render(<View />, container); // rendered; its effect waits for the next paint
  expect(container.textContent).toBe('Loading…');
  arrive();
  await loading; // the code is in before the effect has run
  // Its effect runs after the next paint; then the component must show.
  await waitFor(() => expect(container.querySelector('[data-testid="loaded"]')?.textContent).toBe('Runbook'), { timeoutMs: 3_000 });
  render(null, container);
  container.remove();
});

it('says so in plain words when its code cannot be loaded', async () => {
  const View = lazyComponent(() => Promise.reject(new Error('chunk missing')));
  const container = document.createElement('div');
  await act(() => {
    render(<View />, container);
  });
  await act(async () => {
    await View.preload();
  });
  expect(container.textContent).toBe('Trailguide could not load this part of the panel. Reload the page to try again.');
});
