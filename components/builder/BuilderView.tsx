import './builder.css';
import { missingSteps } from '../../utils/builder/assemble';
import { ROLE_INFO, type BuilderRole } from '../../utils/builder/roles';
import type { CandidateKind } from '../../utils/builder/selectors';
import { widgetSentence } from '../../utils/builder/widget-names';
import { ShowMe } from './ShowMe';
import { ClassOffer } from './ClassOffer';
import {
  adapterName,
  armed,
  arm,
  closeBuilder,
  message,
  picks,
  runLiveTest,
  saveAdapter,
  saved,
  saving,
  stepBlocked,
  stopPointing,
  testing,
} from './builder-state';
import { adapter } from '../panel/state';
import { LiveTestReportView, SaveProblems } from './LiveTestReport';
import { TeachMeanings } from './TeachMeanings';
import { SentenceTeach } from './SentenceTeach';
import { RecheckCard, RecheckHold } from './RecheckCard';
import { recheckHoldsSave, stillLost } from './recheck-state';
import { sentenceDraft } from './sentence-state';

/** "Teach Trailguide this page": point at the parts of an unknown console, test, save. */
const FILTER_STEPS: BuilderRole[] = ['search', 'actor', 'action', 'since', 'until', 'submit'];
const RESULT_STEPS: BuilderRole[] = ['row', 'col-time', 'col-actor', 'col-action', 'col-target', 'next'];

const HOW: Record<CandidateKind, string> = {
  id: 'its id',
  'test-id': 'its test id',
  name: 'its name',
  'aria-label': 'its label',
  'role-name': 'its role and label',
  attribute: 'one of its attributes',
  class: 'its style name',
  tag: 'its kind',
  anchored: 'the labelled area it sits in',
  position: 'its place in the row',
  structural: 'its place on the page',
};

function Step({ role }: { role: BuilderRole }) {
  const info = ROLE_INFO[role];
  const pick = picks.value[role];
  const isArmed = armed.value === role;
  const blocked = stepBlocked(role);
  const lost = stillLost.value.includes(role);
  const state = pick ? 'picked' : 'todo';
  return (
    <li class={`builder-step is-${state} ${isArmed ? 'is-armed' : ''}`}>
      <button
        class="builder-step-button"
        data-testid="builder-step"
        data-role={role}
        data-state={state}
        data-widget={pick?.field?.family}
        data-recheck={lost ? 'lost' : undefined}
        aria-pressed={isArmed}
        disabled={blocked !== null}
        onClick={() => void (isArmed ? stopPointing() : arm(role))}
      >
        <span class="builder-step-mark" aria-hidden="true">{lost ? '!' : pick ? '✓' : isArmed ? '◎' : '○'}</span>
        <span class="builder-step-text">
          <span class="builder-step-title">
            {info.title}
            {!info.required && <span class="muted small"> (if the page has one)</span>}
          </span>
          <span class="builder-step-sub">
            {isArmed
              ? 'Now click it on the page…'
              : lost
                ? 'Not found after the reload — click here, then on it on the page'
              : pick
                ? pick.taught?.checked
                  ? `Shown on the page — “${pick.taught.value}” worked`
                  : role === 'row'
                  ? `${pick.rowCount ?? 0} rows found`
                  : `“${(pick.role.startsWith('col-') ? pick.sample : pick.label) || '(empty)'}”${widgetSentence(pick.field) ? ` — ${widgetSentence(pick.field)}` : ''}`
                : role.startsWith('col-') && sentenceDraft() ? 'Read from the sentence below (or click here to point at it instead)' : (blocked ?? 'Click here, then on the page')}
          </span>
        </span>
      </button>
      <ShowMe role={role} />
      <ClassOffer role={role} />
      {pick && (
        <details class="builder-how" data-testid="builder-how" {...(pick.header ? { 'data-header': pick.header } : {})}>
          <summary>How Trailguide finds it</summary>
          {pick.header ? (
            // What the adapter keeps for a column under a header row (assemble.ts): the header, then the way inside its cell.
            <p class="small muted">By the column headed “{pick.header}”, wherever it is moved{pick.inner && pick.inner.length > 0 ? ', then inside its cell:' : '.'}</p>
          ) : (
            <p class="small muted">By {HOW[pick.kinds[0] ?? 'structural']}{pick.selectors.length > 1 ? `, with ${pick.selectors.length - 1} backup${pick.selectors.length > 2 ? 's' : ''}` : ''}:</p>
          )}
          <ul>
            {(pick.header ? (pick.inner ?? []) : pick.selectors).map((s) => (
              <li key={s}><code>{s}</code></li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function Message() {
  const m = message.value;
  if (!m) return null;
  return (
    <div class={`builder-message ${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'}>
      <p>{m.text}</p>
      {m.details && m.details.length > 0 && (
        <ul>
          {m.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function BuilderView() {
  const missing = missingSteps(picks.value, sentenceDraft() !== undefined);
  return (
    <article class="builder" aria-labelledby="builder-heading">
      {adapter.value && <button class="back" onClick={closeBuilder}>← Runbooks</button>}
      <h1 id="builder-heading">Teach Trailguide this page</h1>
      <p class="lede">
        Show Trailguide where things are on this page, so runbooks can search it and read its results for you. For each item:
        click it here, then click the same thing on the page.
      </p>

      <Message />

      <section class="card" aria-labelledby="builder-filters">
        <h2 id="builder-filters">1. The search filters</h2>
        <ol class="builder-steps">
          {FILTER_STEPS.map((r) => <Step key={r} role={r} />)}
        </ol>
      </section>

      <section class="card" aria-labelledby="builder-results">
        <h2 id="builder-results">2. The results</h2>
        <p class="small muted">Pick one row first; then click its time, person and event type in that row.</p>
        <ol class="builder-steps">
          {RESULT_STEPS.map((r) => <Step key={r} role={r} />)}
        </ol>
        {picks.value.row && <SentenceTeach rowSelectors={picks.value.row.selectors} />}
      </section>

      <section class="card" aria-labelledby="builder-check">
        <h2 id="builder-check">3. Check it</h2>
        <p class="small muted">Trailguide reads the rows on the page and types a test word into the search box (then takes it out again). What it found is outlined on the page.</p>
        <button class="button secondary" data-testid="builder-test" disabled={testing.value || missing.length > 0} aria-busy={testing.value} onClick={() => void runLiveTest()}>
          {testing.value ? 'Testing…' : 'Test on this page'}
        </button>
        {missing.length > 0 && <p class="small muted builder-missing">Still to point at: {missing.map((r) => ROLE_INFO[r].title.toLowerCase()).join(', ')}.</p>}
        <LiveTestReportView />
        <RecheckCard disabled={missing.length > 0} />
      </section>

      <TeachMeanings />

      <section class="card" aria-labelledby="builder-save">
        <h2 id="builder-save">4. Save</h2>
        <label class="builder-name">
          <span>What is this page called?</span>
          <input
            data-testid="builder-name"
            type="text"
            placeholder="e.g. Helpdesk activity log"
            value={adapterName.value}
            maxLength={80}
            onInput={(e) => (adapterName.value = e.currentTarget.value)}
          />
        </label>
        <button class="button" data-testid="builder-save" disabled={saving.value || missing.length > 0 || recheckHoldsSave.value} aria-busy={saving.value} onClick={() => void saveAdapter()}>
          {saving.value ? 'Saving…' : 'Save'}
        </button>
        <RecheckHold />
        <SaveProblems />
        {saved.value && (
          <button class="link-button" onClick={closeBuilder}>Show the runbooks for this page</button>
        )}
      </section>
    </article>
  );
}
