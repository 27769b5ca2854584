import { useEffect, useState } from 'preact/hooks';
import { RunbookEditor } from '../editor/RunbookEditor';
import { HistorySection } from './HistorySection';
import { PackManager } from './PackManager';
import { watchPacks } from './packs-state';
import { watchAdapterHealth } from './review-state';
import { SettingsView } from './SettingsView';
import { SitesSection } from './SitesSection';

const SECTIONS = [
  { id: 'packs', label: 'Packs', hint: 'Runbooks your team uses' },
  { id: 'editor', label: 'Write a runbook', hint: 'Edit and preview' },
  { id: 'history', label: 'History', hint: 'Cases and escalations' },
  { id: 'sites', label: 'Sites', hint: 'Your own consoles' },
  { id: 'settings', label: 'Settings', hint: 'Updates, policy, privacy' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

function sectionFromHash(): SectionId {
  // "#sites?add=…" carries a site to offer; the part before "?" names the section.
  const id = location.hash.replace(/^#/, '').split('?')[0];
  return SECTIONS.some((s) => s.id === id) ? (id as SectionId) : 'packs';
}

/**
 * The options page. Every section stays mounted (only hidden), so switching tabs
 * never throws away an unsaved runbook; the address (#packs, #editor, …) can be
 * bookmarked or linked from the panel.
 */
export function OptionsApp() {
  const [section, setSection] = useState<SectionId>(sectionFromHash);

  useEffect(() => {
    watchPacks();
    watchAdapterHealth();
    const onHash = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = `${SECTIONS.find((s) => s.id === section)?.label ?? 'Settings'} · Trailguide`;
  }, [section]);

  return (
    <div class="options">
      <header class="topbar">
        <span class="brand-mark" aria-hidden="true">T</span>
        <span class="brand-name">Trailguide</span>
        <span class="muted topbar-sub">Runbooks for your audit logs</span>
      </header>
      <div class="options-body">
        <nav class="side-nav" aria-label="Trailguide settings">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} data-testid={`nav-${s.id}`} aria-current={section === s.id ? 'page' : undefined} class={section === s.id ? 'is-current' : ''}>
                  <span class="nav-label">{s.label}</span>
                  <span class="nav-hint">{s.hint}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="options-main">
          <div hidden={section !== 'packs'} data-section="packs">
            <PackManager />
          </div>
          <div hidden={section !== 'editor'} data-section="editor">
            <RunbookEditor />
          </div>
          <div hidden={section !== 'history'} data-section="history">
            <HistorySection />
          </div>
          <div hidden={section !== 'sites'} data-section="sites">
            <SitesSection />
          </div>
          <div hidden={section !== 'settings'} data-section="settings">
            <SettingsView />
          </div>
        </main>
      </div>
    </div>
  );
}
