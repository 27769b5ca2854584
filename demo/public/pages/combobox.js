// Event-type picker: a custom combobox (button + popup listbox with a
// type-to-filter box), like the select components of React/Vue UI kits.
// The popup is mounted only while open, as those kits do.

import { h, icon } from '../lib/dom.js';
import { renderValue, takeChangedValue, trackValue } from '../lib/controlled.js';

let uid = 0;

/**
 * createEventTypePicker({ getValue, onSelect, label })
 * returns { el, render(options), close(), isOpen() }
 * options: [{ code, label }]
 */
export function createEventTypePicker({ getValue, onSelect, label = 'Event type' }) {
  const id = `event-type-${++uid}`;
  const listId = `${id}-listbox`;
  let options = [];
  let open = false;
  let filter = '';
  let activeIndex = 0;

  const valueText = h('span', { class: 'combo-value' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'combo-button input',
      role: 'combobox',
      'aria-haspopup': 'listbox',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'aria-label': label,
      'data-testid': 'event-type',
      id,
    },
    valueText,
    icon('chevronDown', 'icon combo-chevron'),
  );
  const root = h('div', { class: 'combo' }, button);
  let popup = null;
  let filterInput = null;
  let list = null;

  const anyOption = () => ({ code: '', label: 'Any event type' });
  function visibleOptions() {
    const needle = filter.trim().toLowerCase();
    const all = [anyOption(), ...options];
    if (!needle) return all;
    return all.filter((o) => o.code && (o.label.toLowerCase().includes(needle) || o.code.toLowerCase().includes(needle)));
  }

  function labelFor(code) {
    if (!code) return 'Any event type';
    return options.find((o) => o.code === code)?.label ?? code;
  }

  function openPopup() {
    if (open) return;
    open = true;
    filter = '';
    const current = getValue();
    const visible = visibleOptions();
    activeIndex = Math.max(0, visible.findIndex((o) => o.code === current));
    filterInput = h('input', {
      type: 'text',
      class: 'combo-filter',
      'aria-label': 'Filter event types',
      placeholder: 'Filter event types…',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-controls': listId,
      'aria-autocomplete': 'list',
    });
    trackValue(filterInput);
    filterInput.addEventListener('input', () => {
      const next = takeChangedValue(filterInput);
      if (next === null) return;
      filter = next;
      activeIndex = 0;
      renderList();
    });
    filterInput.addEventListener('keydown', onPopupKeydown);
    list = h('ul', { role: 'listbox', id: listId, class: 'combo-list', 'aria-label': 'Event types', tabindex: '-1' });
    list.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the filter box
    list.addEventListener('click', (e) => {
      const item = e.target instanceof Element ? e.target.closest('[role="option"]') : null;
      if (item) choose(item.getAttribute('data-value') ?? '');
    });
    list.addEventListener('mousemove', (e) => {
      const item = e.target instanceof Element ? e.target.closest('[role="option"]') : null;
      if (!item) return;
      const index = Number(item.getAttribute('data-index'));
      if (index !== activeIndex) {
        activeIndex = index;
        updateActive();
      }
    });
    popup = h('div', { class: 'combo-popup' }, h('div', { class: 'combo-filter-wrap' }, icon('search', 'icon combo-filter-icon'), filterInput), list);
    root.append(popup);
    button.setAttribute('aria-expanded', 'true');
    renderList();
    document.addEventListener('mousedown', onOutside, true);
    filterInput.focus();
  }

  function closePopup({ focusButton = false } = {}) {
    if (!open) return;
    open = false;
    popup?.remove();
    popup = null;
    filterInput = null;
    list = null;
    button.setAttribute('aria-expanded', 'false');
    button.removeAttribute('aria-activedescendant');
    document.removeEventListener('mousedown', onOutside, true);
    if (focusButton) button.focus();
  }

  function choose(code) {
    onSelect(code);
    closePopup({ focusButton: true });
    render();
  }

  function onOutside(e) {
    if (e.target instanceof Node && root.contains(e.target)) return;
    closePopup();
  }

  function renderList() {
    if (!list || !filterInput) return;
    renderValue(filterInput, filter);
    const current = getValue();
    const visible = visibleOptions();
    if (activeIndex >= visible.length) activeIndex = Math.max(0, visible.length - 1);
    list.innerHTML = '';
    if (!visible.length) {
      list.append(h('li', { class: 'combo-empty', role: 'presentation' }, 'No event types match'));
      filterInput.removeAttribute('aria-activedescendant');
      return;
    }
    visible.forEach((o, index) => {
      const selected = o.code === current;
      list?.append(
        h(
          'li',
          {
            role: 'option',
            id: `${id}-opt-${index}`,
            'data-value': o.code,
            'data-index': String(index),
            'aria-selected': selected ? 'true' : 'false',
            class: `combo-option${o.code ? '' : ' combo-option-any'}`,
          },
          o.label,
          o.code ? h('code', { class: 'combo-code', 'aria-hidden': 'true' }, o.code) : null,
        ),
      );
    });
    updateActive();
  }

  function updateActive() {
    if (!list || !filterInput) return;
    for (const li of list.querySelectorAll('[role="option"]')) {
      li.classList.toggle('is-active', Number(li.getAttribute('data-index')) === activeIndex);
    }
    const active = list.querySelector(`[data-index="${activeIndex}"]`);
    if (active) {
      filterInput.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView?.({ block: 'nearest' });
    }
  }

  function onPopupKeydown(e) {
    const visible = visibleOptions();
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      activeIndex = Math.min(visible.length - 1, activeIndex + 1);
      updateActive();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      activeIndex = Math.max(0, activeIndex - 1);
      updateActive();
    } else if (e.key === 'Home' && e.altKey) {
      activeIndex = 0;
      updateActive();
    } else if (e.key === 'Enter') {
      e.preventDefault(); // never submits the surrounding form
      e.stopPropagation();
      const picked = visible[activeIndex];
      if (picked) choose(picked.code);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closePopup({ focusButton: true });
    } else if (e.key === 'Tab') {
      closePopup();
    }
  }

  button.addEventListener('click', () => (open ? closePopup({ focusButton: true }) : openPopup()));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || ((e.key === 'Enter' || e.key === ' ') && !open)) {
      e.preventDefault();
      e.stopPropagation();
      openPopup();
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      closePopup({ focusButton: true });
    }
  });

  function render(nextOptions) {
    if (nextOptions) options = nextOptions;
    const code = getValue();
    valueText.textContent = labelFor(code);
    valueText.classList.toggle('is-placeholder', !code);
    button.setAttribute('data-value', code);
    if (open) renderList();
  }

  render();
  return {
    el: root,
    render,
    close: () => closePopup(),
    isOpen: () => open,
  };
}
