// Audit log page: filter bar (controlled inputs), results table, pagination
// and the row-detail drawer. The URL is the source of truth for applied
// filters; the form holds a draft that only input/change events update.

import { escapeHtml, formatTime, h, icon, numberFormat } from '../lib/dom.js';
import { humanTime, humanTimesWanted } from '../lib/human-time.js';
import { renderValue, takeChangedValue, trackValue } from '../lib/controlled.js';
import { createEventTypePicker } from './combobox.js';

const FILTER_KEYS = ['q', 'actor', 'action', 'from', 'to'];
const TEXT_FIELDS = ['q', 'actor', 'from', 'to'];
const DEFAULT_PAGE_SIZE = 50;

const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Turns a from/to value from the URL into what a datetime-local input can show (UTC). */
export function toInputDateTime(value, { end = false } = {}) {
  if (!value) return '';
  if (LOCAL_MINUTE.test(value)) return value;
  if (DATE_ONLY.test(value)) return `${value}T${end ? '23:59' : '00:00'}`;
  const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
  if (Number.isNaN(ms)) return '';
  return new Date(ms).toISOString().slice(0, 16);
}

function readLocation() {
  const params = new URLSearchParams(location.search);
  const applied = {};
  for (const key of FILTER_KEYS) applied[key] = (params.get(key) ?? '').trim();
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  applied.page = Number.isFinite(page) && page > 0 ? page : 1;
  const pageSize = Number.parseInt(params.get('pageSize') ?? '', 10);
  const latency = Number.parseInt(params.get('latency') ?? '', 10);
  return {
    applied,
    pageSize: Number.isFinite(pageSize) && pageSize > 0 ? pageSize : DEFAULT_PAGE_SIZE,
    latency: Number.isFinite(latency) && latency > 0 ? latency : 0,
    // Test servers only: the API holds each answer until the test releases this token.
    hold: params.get('hold') ?? '',
  };
}

function draftFrom(applied) {
  return {
    q: applied.q,
    actor: applied.actor,
    action: applied.action,
    from: toInputDateTime(applied.from),
    to: toInputDateTime(applied.to, { end: true }),
  };
}

/** The page URL for a set of filters; parameters the page doesn't know (latency, pageSize…) are kept. */
export function auditUrl(filters, currentSearch = location.search) {
  const current = new URLSearchParams(currentSearch);
  const next = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = (filters[key] ?? '').trim();
    if (value) next.set(key, value);
  }
  if (filters.page && filters.page > 1) next.set('page', String(filters.page));
  for (const [key, value] of current) {
    if (!FILTER_KEYS.includes(key) && key !== 'page') next.append(key, value);
  }
  const query = next.toString();
  return `/audit${query ? `?${query}` : ''}`;
}

function humanKey(key) {
  return key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function plain(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Renders a details value: change lists as "field: from → to" lines, arrays as lists, the rest as text. */
function detailValue(value) {
  if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'field' in v)) {
    return h(
      'ul',
      { class: 'change-list' },
      value.map((c) => h('li', {}, h('code', {}, c.field), ': ', h('span', { class: 'change-from' }, plain(c.from)), ' → ', h('span', { class: 'change-to' }, plain(c.to)))),
    );
  }
  if (Array.isArray(value)) return value.map(plain).join(', ');
  return plain(value);
}

export function mountAuditPage(container, ctx) {
  const initial = readLocation();
  const state = {
    draft: draftFrom(initial.applied),
    applied: initial.applied,
    pageSize: initial.pageSize,
    latency: initial.latency,
    hold: initial.hold,
    status: 'loading',
    result: null,
    error: '',
    actions: [],
    selectedId: null,
  };
  let requestSeq = 0;
  let controller = null;
  let destroyed = false;

  // ---- Filter bar -------------------------------------------------------
  const qInput = h('input', {
    type: 'search',
    name: 'q',
    id: 'audit-q',
    class: 'input input-with-icon',
    'aria-label': 'Search events',
    placeholder: 'Search events',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const actorInput = h('input', {
    type: 'text',
    name: 'actor',
    id: 'audit-actor',
    class: 'input',
    'aria-label': 'Actor',
    placeholder: 'user@company.com',
    autocomplete: 'off',
    spellcheck: 'false',
    inputmode: 'email',
  });
  const fromInput = h('input', { type: 'datetime-local', name: 'from', id: 'audit-from', class: 'input', 'aria-label': 'From', step: '60' });
  const toInput = h('input', { type: 'datetime-local', name: 'to', id: 'audit-to', class: 'input', 'aria-label': 'To', step: '60' });
  const inputs = { q: qInput, actor: actorInput, from: fromInput, to: toInput };
  for (const el of Object.values(inputs)) trackValue(el);
  // ?dates=locked: a console whose date boxes refuse typed values (read-only, and they put
  // their own value back), so tests can see Trailguide report the dates as not set.
  const datesLocked = () => new URLSearchParams(location.search).get('dates') === 'locked';
  if (datesLocked()) {
    for (const el of [fromInput, toInput]) {
      el.setAttribute('readonly', '');
      el.setAttribute('title', 'The date range is fixed on this console');
    }
  }

  const picker = createEventTypePicker({
    getValue: () => state.draft.action,
    onSelect: (code) => {
      state.draft.action = code;
      renderFilters();
    },
  });

  const clearLink = h('a', { href: '/audit', class: 'btn btn-ghost', 'data-testid': 'clear-filters' }, 'Clear');
  const applyButton = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'apply-filters' }, 'Apply filters');

  const field = (labelText, forId, control, extraClass = '') =>
    h('div', { class: `field ${extraClass}` }, h('label', { class: 'field-label', for: forId, 'aria-hidden': 'true' }, labelText), control);

  const form = h(
    'form',
    { role: 'search', class: 'filters', 'aria-label': 'Filter audit events', 'data-testid': 'audit-filters', novalidate: true },
    field('Search', 'audit-q', h('div', { class: 'input-icon-wrap' }, icon('search', 'icon input-icon'), qInput), 'field-grow'),
    field('Actor', 'audit-actor', actorInput, 'field-actor'),
    h('div', { class: 'field field-type' }, h('span', { class: 'field-label', 'aria-hidden': 'true' }, 'Event type'), picker.el),
    h('div', { class: 'field-range' }, field('From (UTC)', 'audit-from', fromInput, 'field-date'), field('To (UTC)', 'audit-to', toInput, 'field-date')),
    h('div', { class: 'field field-actions' }, h('span', { class: 'field-label', 'aria-hidden': 'true' }, '\u00a0'), h('div', { class: 'filter-buttons' }, applyButton, clearLink)),
  );

  function onFieldEvent(e) {
    const target = e.target;
    if (!(target instanceof HTMLInputElement)) return;
    const name = target.name;
    if (!TEXT_FIELDS.includes(name) || inputs[name] !== target) return;
    if ((name === 'from' || name === 'to') && datesLocked()) {
      renderValue(target, state.draft[name]);
      return;
    }
    const next = takeChangedValue(target);
    if (next === null) return; // nothing the app didn't already know
    state.draft[name] = next;
    renderFilters();
  }
  form.addEventListener('input', onFieldEvent);
  form.addEventListener('change', onFieldEvent);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.isComposing) return;
    if (e.target instanceof HTMLInputElement && Object.values(inputs).includes(e.target)) {
      e.preventDefault();
      apply();
    }
  });

  function apply() {
    picker.close();
    // Reads the state, never the DOM.
    const url = auditUrl({ ...state.draft, page: 1 });
    ctx.navigate(url);
  }

  function syncClearHref() {
    clearLink.setAttribute('href', auditUrl({}));
  }

  function renderFilters() {
    for (const key of TEXT_FIELDS) renderValue(inputs[key], state.draft[key]);
    picker.render();
  }

  // ---- Results ------------------------------------------------------------
  const count = h('p', { class: 'result-count', 'data-testid': 'result-count', 'aria-live': 'polite' });
  const tzNote = h('p', { class: 'tz-note' }, icon('calendar'), 'Times in UTC');
  const body = h('div', { class: 'results-body' });
  const prevButton = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', 'aria-label': 'Previous page', 'data-testid': 'prev-page' }, icon('chevronLeft'), 'Previous');
  const nextButton = h('button', { type: 'button', class: 'btn btn-secondary btn-sm', 'aria-label': 'Next page', 'data-testid': 'next-page' }, 'Next', icon('chevronRight'));
  const pageIndicator = h('span', { class: 'page-indicator', 'data-testid': 'page-indicator' });
  const pagination = h('nav', { class: 'pagination', 'aria-label': 'Pagination' }, prevButton, pageIndicator, nextButton);
  const results = h(
    'div',
    { class: 'results card', id: 'audit-results', 'data-testid': 'audit-results', 'aria-busy': 'true', 'data-state': 'loading' },
    h('div', { class: 'results-toolbar' }, count, tzNote),
    body,
    pagination,
  );

  prevButton.addEventListener('click', () => goToPage(state.applied.page - 1));
  nextButton.addEventListener('click', () => goToPage(state.applied.page + 1));

  function goToPage(page) {
    if (page < 1) return;
    ctx.navigate(auditUrl({ ...state.applied, page }));
  }

  function renderResults() {
    const { status, result } = state;
    const loading = status === 'loading';
    results.setAttribute('aria-busy', loading ? 'true' : 'false');
    const dataState = status === 'ready' && result && result.events.length === 0 ? 'empty' : status;
    results.setAttribute('data-state', dataState);
    body.innerHTML = '';

    if (loading) {
      count.textContent = '';
      count.classList.add('is-pending');
      body.append(
        h(
          'div',
          { class: 'state state-loading', 'data-testid': 'loading-state' },
          h('span', { class: 'spinner', 'aria-hidden': 'true' }),
          h('span', {}, 'Loading events…'),
        ),
        skeleton(),
      );
      pagination.hidden = true;
      return;
    }
    count.classList.remove('is-pending');

    if (status === 'error') {
      count.textContent = '';
      const retry = h('button', { type: 'button', class: 'btn btn-secondary' }, 'Try again');
      retry.addEventListener('click', () => load());
      body.append(
        h(
          'div',
          { class: 'state state-error', role: 'alert', 'data-testid': 'error-state' },
          icon('alert', 'icon state-icon'),
          h('h2', {}, "Couldn't load events"),
          h('p', {}, state.error || 'Something went wrong while loading the audit log.'),
          retry,
        ),
      );
      pagination.hidden = true;
      return;
    }

    if (!result) return;
    const { total, page, pageSize, pages, events } = result;
    if (events.length === 0) {
      count.textContent = total === 0 ? 'No events' : `No events on page ${numberFormat.format(page)} (${numberFormat.format(total)} in total)`;
      const anyFilter = FILTER_KEYS.some((k) => state.applied[k]);
      body.append(
        h(
          'div',
          { class: 'state state-empty', 'data-testid': 'empty-state' },
          icon('inbox', 'icon state-icon'),
          h('h2', {}, 'No events match these filters'),
          h(
            'p',
            {},
            anyFilter
              ? 'Try a wider date range, check the spelling of the actor’s email, or pick “Any event type”.'
              : 'Nothing has been recorded for your organization yet.',
          ),
          anyFilter ? h('a', { href: auditUrl({}), class: 'btn btn-secondary' }, 'Clear all filters') : null,
        ),
      );
      pagination.hidden = total === 0;
    } else {
      const first = (page - 1) * pageSize + 1;
      const last = first + events.length - 1;
      count.textContent = `Showing ${numberFormat.format(first)}–${numberFormat.format(last)} of ${numberFormat.format(total)} ${total === 1 ? 'event' : 'events'}`;
      body.append(renderTable(events));
      pagination.hidden = false;
    }
    prevButton.disabled = page <= 1;
    nextButton.disabled = page >= pages;
    pageIndicator.textContent = `Page ${numberFormat.format(page)} of ${numberFormat.format(pages)}`;
  }

  function skeleton() {
    const rows = Array.from({ length: 6 }, () => '<div class="skeleton-row"><span></span><span></span><span></span><span></span></div>').join('');
    return h('div', { class: 'skeleton', 'aria-hidden': 'true', html: rows });
  }

  function labelFor(code) {
    return state.actions.find((a) => a.code === code)?.label ?? code;
  }

  function renderTable(events) {
    const human = humanTimesWanted();
    const rows = events
      .map((e, i) => {
        const failed = e.result !== 'success';
        return (
          `<tr data-event-id="${escapeHtml(e.id)}" tabindex="0"${e.id === state.selectedId ? ' class="is-selected"' : ''}>` +
          (human
            ? `<td class="col-time"><span class="human-time">${escapeHtml(humanTime(e.time, i))}</span></td>`
            : `<td class="col-time"><time datetime="${escapeHtml(e.time)}">${escapeHtml(formatTime(e.time))}</time></td>`) +
          `<td class="col-actor">${escapeHtml(e.actor)}</td>` +
          `<td class="col-action"><span class="event-label">${escapeHtml(labelFor(e.action))}</span> <code>${escapeHtml(e.action)}</code></td>` +
          `<td class="col-target" title="${escapeHtml(e.target)}">${escapeHtml(e.target)}</td>` +
          `<td class="col-ip" data-country="${escapeHtml(e.country)}" title="Country: ${escapeHtml(e.country)}">${escapeHtml(e.ip)}</td>` +
          `<td class="col-result" data-result="${escapeHtml(e.result)}"><span class="badge ${failed ? 'badge-danger' : 'badge-success'}">${failed ? 'Failure' : 'Success'}</span></td>` +
          '</tr>'
        );
      })
      .join('');
    const wrap = h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Audit events', tabindex: '-1' });
    wrap.innerHTML =
      '<table class="audit-table"><thead><tr>' +
      '<th scope="col" class="col-time">Time</th><th scope="col" class="col-actor">Actor</th><th scope="col" class="col-action">Event</th>' +
      '<th scope="col" class="col-target">Target</th><th scope="col" class="col-ip">IP address</th><th scope="col" class="col-result">Result</th>' +
      `</tr></thead><tbody>${rows}</tbody></table>`;
    return wrap;
  }

  body.addEventListener('click', (e) => {
    const row = e.target instanceof Element ? e.target.closest('tr[data-event-id]') : null;
    if (!row) return;
    const selection = window.getSelection?.();
    if (selection && String(selection) && !selection.isCollapsed) return; // the user is selecting text
    openDrawer(row.getAttribute('data-event-id'));
  });
  body.addEventListener('keydown', (e) => {
    const row = e.target instanceof Element ? e.target.closest('tr[data-event-id]') : null;
    if (!row || e.target !== row) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openDrawer(row.getAttribute('data-event-id'));
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const sibling = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      if (sibling instanceof HTMLElement) sibling.focus();
    }
  });

  // ---- Drawer -------------------------------------------------------------
  let drawer = null;
  let scrim = null;
  let returnFocus = null;

  function openDrawer(id) {
    const event = state.result?.events.find((e) => e.id === id);
    if (!event) return;
    closeDrawer({ restoreFocus: false });
    state.selectedId = id;
    for (const tr of body.querySelectorAll('tr.is-selected')) tr.classList.remove('is-selected');
    const row = [...body.querySelectorAll('tr[data-event-id]')].find((tr) => tr.getAttribute('data-event-id') === id);
    row?.classList.add('is-selected');
    returnFocus = row instanceof HTMLElement ? row : null;

    const closeButton = h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Close details', 'data-testid': 'drawer-close' }, icon('close'));
    closeButton.addEventListener('click', () => closeDrawer());
    const json = JSON.stringify(event, null, 2);
    const copyButton = h('button', { type: 'button', class: 'btn btn-secondary btn-sm' }, icon('copy'), 'Copy JSON');
    copyButton.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(json);
        ctx.toast('Event JSON copied');
      } catch {
        ctx.toast('Copy failed — select the JSON and copy it yourself');
      }
    });
    const failed = event.result !== 'success';
    const row_ = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
    const detailRows = Object.entries(event.details ?? {}).map(([k, v]) => row_(humanKey(k), detailValue(v)));
    const filterActor = h('a', { href: auditUrl({ actor: event.actor }), class: 'link' }, 'Show all events by this actor');
    drawer = h(
      'aside',
      { class: 'drawer', role: 'dialog', 'aria-modal': 'false', 'aria-label': 'Event details', 'data-testid': 'event-drawer', 'data-event-id': event.id },
      h(
        'header',
        { class: 'drawer-header' },
        h('div', {}, h('p', { class: 'drawer-eyebrow' }, 'Event details'), h('h2', { class: 'drawer-title' }, labelFor(event.action)), h('code', { class: 'drawer-code' }, event.action)),
        closeButton,
      ),
      h(
        'div',
        { class: 'drawer-body' },
        h(
          'dl',
          { class: 'detail-list' },
          row_('Time', h('time', { datetime: event.time }, `${formatTime(event.time)} UTC`)),
          row_('Actor', event.actor),
          row_('Actor ID', h('code', {}, event.actorId)),
          row_('Target', event.target),
          row_('Result', h('span', { class: `badge ${failed ? 'badge-danger' : 'badge-success'}` }, failed ? 'Failure' : 'Success')),
          row_('IP address', `${event.ip} (${event.country})`),
          row_('User agent', h('span', { class: 'ua' }, event.userAgent)),
          row_('Event ID', h('code', {}, event.id)),
        ),
        detailRows.length ? h('h3', { class: 'drawer-section' }, 'Details') : null,
        detailRows.length ? h('dl', { class: 'detail-list' }, detailRows) : null,
        h('div', { class: 'drawer-section-row' }, h('h3', { class: 'drawer-section' }, 'Raw event'), copyButton),
        h('pre', { class: 'json', 'data-testid': 'event-json', tabindex: '0' }, json),
        h('p', { class: 'drawer-links' }, filterActor),
      ),
    );
    scrim = h('div', { class: 'drawer-scrim', 'data-testid': 'drawer-scrim' });
    scrim.addEventListener('click', () => closeDrawer());
    drawer.addEventListener('click', (e) => {
      if (e.target instanceof Element && e.target.closest('a[href]')) closeDrawer({ restoreFocus: false });
    });
    section.append(scrim, drawer);
    closeButton.focus();
  }

  function closeDrawer({ restoreFocus = true } = {}) {
    if (!drawer) return;
    scrim?.remove();
    scrim = null;
    drawer.remove();
    drawer = null;
    state.selectedId = null;
    for (const tr of body.querySelectorAll('tr.is-selected')) tr.classList.remove('is-selected');
    if (restoreFocus && returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
  }

  function onDocumentKeydown(e) {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (picker.isOpen()) {
      picker.close();
      return;
    }
    if (drawer) {
      e.preventDefault();
      closeDrawer();
    }
  }
  document.addEventListener('keydown', onDocumentKeydown);

  // ---- Loading ------------------------------------------------------------
  async function load() {
    const seq = ++requestSeq;
    controller?.abort();
    controller = new AbortController();
    state.status = 'loading';
    state.error = '';
    closeDrawer({ restoreFocus: false });
    renderResults();
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (state.applied[key]) params.set(key, state.applied[key]);
    params.set('page', String(state.applied.page));
    params.set('pageSize', String(state.pageSize));
    if (state.latency) params.set('latency', String(state.latency));
    if (state.hold) params.set('hold', state.hold);
    try {
      const response = await fetch(`/api/events?${params}`, { signal: controller.signal, headers: { accept: 'application/json' } });
      const data = await response.json().catch(() => null);
      if (!response.ok) throw new Error(data?.error ?? `The server answered ${response.status}.`);
      if (seq !== requestSeq || destroyed) return;
      state.result = data;
      state.status = 'ready';
    } catch (error) {
      if (seq !== requestSeq || destroyed || error?.name === 'AbortError') return;
      state.status = 'error';
      state.error = error instanceof Error ? error.message : String(error);
    }
    renderResults();
  }

  // ---- Page ---------------------------------------------------------------
  const exportButton = h('button', { type: 'button', class: 'btn btn-secondary' }, icon('download'), 'Export');
  exportButton.addEventListener('click', () => ctx.toast('Export started — we’ll email you a CSV when it’s ready.'));

  const section = h(
    'section',
    { id: 'audit-log', 'data-page': 'audit-log', class: 'page page-audit', 'aria-labelledby': 'audit-heading' },
    h(
      'header',
      { class: 'page-header' },
      h(
        'div',
        {},
        h('h1', { id: 'audit-heading' }, 'Audit log'),
        h('p', { class: 'page-subtitle' }, 'Sign-ins, permission changes and admin actions across your organization for the last 180 days.'),
      ),
      h('div', { class: 'page-actions' }, exportButton),
    ),
    form,
    results,
  );
  container.append(section);

  renderFilters();
  syncClearHref();
  renderResults();
  ctx.api
    .actions()
    .then((actions) => {
      if (destroyed) return;
      state.actions = actions;
      picker.render(actions);
      if (state.status === 'ready') renderResults();
    })
    .catch(() => {
      /* labels fall back to codes */
    });
  void load();

  return {
    /** Called when the URL changes while this page stays mounted (Apply, paging, back/forward). */
    update() {
      const next = readLocation();
      state.applied = next.applied;
      state.pageSize = next.pageSize;
      state.latency = next.latency;
      state.hold = next.hold;
      state.draft = draftFrom(next.applied);
      picker.close();
      renderFilters();
      syncClearHref();
      void load();
      const top = section.querySelector('.results');
      if (top && typeof top.scrollIntoView === 'function' && window.scrollY > top.offsetTop) top.scrollIntoView({ block: 'start' });
    },
    destroy() {
      destroyed = true;
      controller?.abort();
      picker.close();
      document.removeEventListener('keydown', onDocumentKeydown);
    },
  };
}
