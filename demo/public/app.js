// Acme Admin — demo audit console. Shell, client-side router and boot.

import { h, hueFor, icon, initials } from './lib/dom.js';
import { mountAuditPage } from './pages/audit.js';
import { mountBillingPage, mountNotFoundPage } from './pages/restricted.js';
import { mountSettingsPage } from './pages/settings.js';
import { mountUsersPage } from './pages/users.js';

const CURRENT_USER = { name: 'Riley Morgan', email: 'riley.morgan@acme.example', role: 'Support' };

const ROUTES = [
  { path: '/users', title: 'Users', nav: 'Users', icon: 'users', mount: mountUsersPage },
  { path: '/settings', title: 'Settings', nav: 'Settings', icon: 'settings', mount: mountSettingsPage },
  { path: '/audit', title: 'Audit log', nav: 'Audit log', icon: 'audit', mount: mountAuditPage },
  { path: '/billing', title: 'Billing', nav: 'Billing', icon: 'billing', mount: mountBillingPage },
];
const NOT_FOUND = { path: '', title: 'Page not found', mount: mountNotFoundPage };

function normalisePath(pathname) {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed || '/';
}

function matchRoute(pathname) {
  return ROUTES.find((r) => r.path === normalisePath(pathname)) ?? NOT_FOUND;
}

let actionsPromise = null;
const api = {
  actions() {
    actionsPromise ??= fetch('/api/actions', { headers: { accept: 'application/json' } })
      .then((r) => {
        if (!r.ok) throw new Error(`actions: ${r.status}`);
        return r.json();
      })
      .then((data) => data.actions)
      .catch((error) => {
        actionsPromise = null;
        throw error;
      });
    return actionsPromise;
  },
};

function buildShell(root) {
  const navLinks = ROUTES.map((route) =>
    h('li', {}, h('a', { href: route.path, class: 'nav-link', 'data-nav': route.path.slice(1), title: route.nav }, icon(route.icon), h('span', {}, route.nav))),
  );
  const breadcrumbCurrent = h('span', { class: 'crumb-current', 'aria-current': 'page' });
  const main = h('main', { id: 'main', class: 'main', tabindex: '-1' });
  const toasts = h('div', { class: 'toast-region', 'aria-live': 'polite', 'aria-atomic': 'false' });
  const shell = h(
    'div',
    { class: 'app' },
    h('a', { href: '#main', class: 'skip-link', 'data-no-route': 'true' }, 'Skip to content'),
    h(
      'aside',
      { class: 'sidebar' },
      h(
        'a',
        { href: '/audit', class: 'brand', 'aria-label': 'Acme Admin home' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true', html: '<svg viewBox="0 0 24 24" width="18" height="18"><path d="M12 3 3 20h4.2l1.6-3.2h6.4l1.6 3.2H21L12 3zm0 6.4 2 4.2h-4l2-4.2z" fill="currentColor"/></svg>' }),
        h('span', { class: 'brand-name' }, 'Acme Admin'),
      ),
      h('div', { class: 'org-switch', title: 'Organization' }, h('span', { class: 'org-dot', 'aria-hidden': 'true' }), h('span', {}, 'Acme Inc.'), h('span', { class: 'org-plan' }, 'Enterprise')),
      h('nav', { class: 'nav', 'aria-label': 'Main' }, h('p', { class: 'nav-heading' }, 'Organization'), h('ul', {}, navLinks)),
      h('div', { class: 'sidebar-footer' }, h('p', {}, 'Acme Admin · v4.18.2'), h('p', {}, 'Demo data')),
    ),
    h(
      'div',
      { class: 'main-column' },
      h(
        'header',
        { class: 'topbar' },
        h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('span', {}, 'Acme Inc.'), h('span', { class: 'crumb-sep', 'aria-hidden': 'true' }, '/'), breadcrumbCurrent),
        h(
          'div',
          { class: 'topbar-right' },
          h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Notifications' }, icon('bell')),
          h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Help' }, icon('help')),
          h(
            'div',
            { class: 'user-chip' },
            h('span', { class: 'avatar', style: `--hue:${hueFor(CURRENT_USER.email)}`, 'aria-hidden': 'true' }, initials(CURRENT_USER.name)),
            h('span', { class: 'user-chip-text' }, h('strong', {}, CURRENT_USER.name), h('small', {}, CURRENT_USER.role)),
          ),
        ),
      ),
      main,
    ),
    toasts,
  );
  root.replaceChildren(shell);
  return {
    main,
    setCurrent(route) {
      breadcrumbCurrent.textContent = route.title;
      for (const link of shell.querySelectorAll('.nav-link')) {
        if (link.getAttribute('href') === route.path) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
    toast(message) {
      const el = h('div', { class: 'toast' }, icon('check'), h('span', {}, message));
      toasts.append(el);
      setTimeout(() => el.classList.add('is-leaving'), 3200);
      setTimeout(() => el.remove(), 3600);
    },
  };
}

export function boot(root = document.getElementById('root')) {
  if (!root) throw new Error('Acme Admin: #root is missing');
  const shell = buildShell(root);
  let current = null;

  const ctx = {
    api,
    currentUser: CURRENT_USER,
    toast: (message) => shell.toast(message),
    navigate(href, { replace = false } = {}) {
      const url = new URL(href, location.href);
      const same = url.href === location.href;
      if (replace || same) history.replaceState(history.state, '', url);
      else history.pushState(null, '', url);
      render();
    },
  };

  function render() {
    if (normalisePath(location.pathname) === '/') {
      history.replaceState(null, '', `/audit${location.search}`);
    }
    const route = matchRoute(location.pathname);
    if (current && current.route === route && typeof current.page.update === 'function') {
      current.page.update();
      return;
    }
    current?.page.destroy?.();
    shell.main.replaceChildren();
    const page = route.mount(shell.main, ctx) ?? {};
    const changedPage = current !== null;
    current = { route, page };
    document.title = `${route.title} · Acme Admin`;
    shell.setCurrent(route);
    if (changedPage) {
      window.scrollTo?.(0, 0);
      shell.main.focus({ preventScroll: true });
    }
  }

  // In-app links use the history API instead of reloading the page.
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!link || link.hasAttribute('download') || link.hasAttribute('data-no-route')) return;
    if (link.target && link.target !== '_self') return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    e.preventDefault();
    ctx.navigate(url.href);
  });
  window.addEventListener('popstate', render);

  render();
  return ctx;
}

boot();
