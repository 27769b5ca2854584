// Users page: the people in the organization, with a search box.

import { escapeHtml, formatTime, h, hueFor, icon, initials, numberFormat, relativeTime } from '../lib/dom.js';
import { renderValue, takeChangedValue, trackValue } from '../lib/controlled.js';

export function mountUsersPage(container, ctx) {
  const state = { search: '', users: null, now: Date.now(), error: '' };
  let destroyed = false;

  const search = h('input', {
    type: 'search',
    name: 'user-search',
    class: 'input input-with-icon',
    'aria-label': 'Search users',
    placeholder: 'Search by name, email or organization',
    autocomplete: 'off',
  });
  trackValue(search);
  search.addEventListener('input', () => {
    const next = takeChangedValue(search);
    if (next === null) return;
    state.search = next;
    render();
  });

  const count = h('p', { class: 'result-count', 'aria-live': 'polite' });
  const body = h('div', { class: 'results-body' });
  const invite = h('button', { type: 'button', class: 'btn btn-primary' }, icon('plus'), 'Invite user');
  invite.addEventListener('click', () => ctx.toast('Invitations are turned off in this demo.'));

  const section = h(
    'section',
    { id: 'users', 'data-page': 'users', class: 'page', 'aria-labelledby': 'users-heading' },
    h(
      'header',
      { class: 'page-header' },
      h('div', {}, h('h1', { id: 'users-heading' }, 'Users'), h('p', { class: 'page-subtitle' }, 'Everyone with access to Acme, including people at your customers’ organizations.')),
      h('div', { class: 'page-actions' }, invite),
    ),
    h('div', { class: 'toolbar' }, h('div', { class: 'input-icon-wrap toolbar-search' }, icon('search', 'icon input-icon'), search)),
    h('div', { class: 'results card' }, h('div', { class: 'results-toolbar' }, count), body),
  );
  container.append(section);

  function render() {
    renderValue(search, state.search);
    body.innerHTML = '';
    if (state.error) {
      count.textContent = '';
      body.append(h('div', { class: 'state state-error', role: 'alert' }, icon('alert', 'icon state-icon'), h('h2', {}, "Couldn't load users"), h('p', {}, state.error)));
      return;
    }
    if (!state.users) {
      count.textContent = '';
      body.append(h('div', { class: 'state state-loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', {}, 'Loading users…')));
      return;
    }
    const needle = state.search.trim().toLowerCase();
    const users = needle ? state.users.filter((u) => `${u.name}\n${u.email}\n${u.org}\n${u.role}`.toLowerCase().includes(needle)) : state.users;
    count.textContent = `${numberFormat.format(users.length)} ${users.length === 1 ? 'user' : 'users'}`;
    if (!users.length) {
      body.append(h('div', { class: 'state state-empty' }, icon('inbox', 'icon state-icon'), h('h2', {}, 'No users found'), h('p', {}, 'Check the spelling, or search by email domain.')));
      return;
    }
    const rows = users
      .map(
        (u) =>
          `<tr data-user-id="${escapeHtml(u.id)}">` +
          `<td class="col-name"><span class="person"><span class="avatar" style="--hue:${hueFor(u.email)}" aria-hidden="true">${escapeHtml(initials(u.name))}</span><span class="person-name">${escapeHtml(u.name)}</span></span></td>` +
          `<td class="col-email">${escapeHtml(u.email)}</td>` +
          `<td class="col-role"><span class="role role-${escapeHtml(u.role.toLowerCase())}">${escapeHtml(u.role)}</span></td>` +
          `<td class="col-org">${escapeHtml(u.org)}</td>` +
          `<td class="col-status"><span class="status status-${escapeHtml(u.status.toLowerCase())}">${escapeHtml(u.status)}</span></td>` +
          `<td class="col-last">${u.lastSignIn ? `<time datetime="${escapeHtml(u.lastSignIn)}" title="${escapeHtml(formatTime(u.lastSignIn))} UTC">${escapeHtml(relativeTime(u.lastSignIn, state.now))}</time>` : '<span class="muted">Never</span>'}</td>` +
          '</tr>',
      )
      .join('');
    const wrap = h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Users', tabindex: '-1' });
    wrap.innerHTML =
      '<table class="data-table users-table"><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th>' +
      `<th scope="col">Organization</th><th scope="col">Status</th><th scope="col">Last sign-in</th></tr></thead><tbody>${rows}</tbody></table>`;
    body.append(wrap);
  }

  render();
  fetch('/api/users', { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      return response.json();
    })
    .then((data) => {
      if (destroyed) return;
      state.users = data.users;
      if (data.now) state.now = Date.parse(data.now);
      render();
    })
    .catch((error) => {
      if (destroyed) return;
      state.error = error instanceof Error ? error.message : String(error);
      render();
    });

  return {
    destroy() {
      destroyed = true;
    },
  };
}
