import { useState } from 'preact/hooks';
import type { Runbook, RunbookStep } from '../../utils/schema/runbook';
import { Markdown } from '../common/Markdown';
import { describeAction } from './describe-action';
import { glossary, openRunbookId } from './state';

function Terms({ terms }: { terms: string[] }) {
  const entries = terms.map((t) => ({ term: t, entry: glossary.value.get(t.toLowerCase()) })).filter((t) => t.entry);
  if (entries.length === 0) return null;
  return (
    <section class="card" aria-labelledby="terms-heading">
      <h2 id="terms-heading">Key terms</h2>
      <dl class="terms">
        {entries.map(({ term, entry }) => (
          <div key={term} class="term" data-testid="glossary-term">
            <dt><code>{term}</code></dt>
            <dd>
              <Markdown source={entry!.meaning} inline />
              {entry!.example && <span class="muted"> — e.g. <code>{entry!.example}</code></span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Step({ step, index, done, onToggle }: { step: RunbookStep; index: number; done: boolean; onToggle: () => void }) {
  return (
    <li class={`step ${done ? 'is-done' : ''}`} data-testid="step" data-step-index={index} data-state={done ? 'done' : 'todo'}>
      <label class="step-check">
        <input type="checkbox" checked={done} onChange={onToggle} aria-label={`Mark step ${index + 1} as done`} />
      </label>
      <div class="step-content">
        <h3 class="step-title">{step.title}</h3>
        {step.text && <Markdown source={step.text} />}
        {step.action && <p class="step-action-note">{describeAction(step.action)}</p>}
      </div>
    </li>
  );
}

export function RunbookView({ runbook }: { runbook: Runbook }) {
  const [done, setDone] = useState<Set<number>>(new Set());
  const toggle = (i: number) =>
    setDone((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });

  return (
    <article class="runbook">
      <button class="back" onClick={() => (openRunbookId.value = null)}>← All runbooks</button>
      <h1 class="runbook-title" data-testid="runbook-title">{runbook.title}</h1>
      <p class="lede">{runbook.summary}</p>
      {runbook.audience.length > 0 && <p class="muted small">For: {runbook.audience.join(', ')}</p>}

      {runbook.inputs.length > 0 && (
        <section class="card" aria-labelledby="inputs-heading">
          <h2 id="inputs-heading">What you need</h2>
          <ul class="needs">
            {runbook.inputs.map((input) => (
              <li key={input.name}>
                <strong>{input.label}</strong>
                {!input.required && <span class="muted"> (optional)</span>}
                {input.example && <span class="muted"> — e.g. <code>{input.example}</code></span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps <span class="muted small">{done.size} of {runbook.steps.length} done</span></h2>
        <ol class="steps">
          {runbook.steps.map((step, i) => (
            <Step key={i} step={step} index={i} done={done.has(i)} onToggle={() => toggle(i)} />
          ))}
        </ol>
      </section>

      {runbook.outcomes.length > 0 && (
        <section class="card" aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">What it means</h2>
          <dl class="outcomes">
            {runbook.outcomes.map((o) => (
              <div key={o.when} class={`outcome ${o.escalate ? 'is-escalate' : ''}`}>
                <dt>{o.when}</dt>
                <dd>
                  <Markdown source={o.meaning} />
                  {o.next && <Markdown source={`**Next:** ${o.next}`} />}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {runbook.guide && (
        <details class="card guide" open>
          <summary>How to read this log</summary>
          <Markdown source={runbook.guide.replace(/^##\s+How to read this log\s*\n/i, '')} />
        </details>
      )}

      <Terms terms={runbook.terms} />

      {runbook.permissions.length > 0 && (
        <section class="card" aria-labelledby="perm-heading">
          <h2 id="perm-heading">Who can see what</h2>
          <dl class="permissions">
            {runbook.permissions.map((p) => (
              <div key={p.role}>
                <dt>{p.role}</dt>
                <dd><Markdown source={p.sees} /></dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {runbook.escalation && (
        <section class="card escalation" aria-labelledby="esc-heading">
          <h2 id="esc-heading">When to escalate</h2>
          <Markdown source={runbook.escalation.when} />
          {runbook.escalation.to && <p class="small">Send it to: <strong>{runbook.escalation.to}</strong></p>}
        </section>
      )}
    </article>
  );
}
