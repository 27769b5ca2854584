// Controlled inputs, the way React does them.
//
// React keeps the truth in state: an input shows whatever the state says, and
// the state changes only when an `input`/`change` event reports a value that
// differs from the last value React knows about. To know that, React wraps the
// element's own `value` property: every assignment through `el.value = …`
// updates a private "last known value". So:
//   - `el.value = 'x'` alone changes nothing the app sees;
//   - `el.value = 'x'` then an `input` event is ignored too (no difference);
//   - the native prototype setter (which bypasses the wrapper) plus an `input`
//     event is seen as a change — that is what real typing looks like.
// This module implements the same contract for the demo console.

const trackers = new WeakMap();

function findValueDescriptor(el) {
  let proto = Object.getPrototypeOf(el);
  while (proto) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
    if (descriptor && descriptor.get && descriptor.set) return descriptor;
    proto = Object.getPrototypeOf(proto);
  }
  return null;
}

/** Starts tracking `el.value` (idempotent). */
export function trackValue(el) {
  if (trackers.has(el)) return;
  const native = findValueDescriptor(el);
  if (!native) return;
  let lastKnown = String(native.get.call(el));
  Object.defineProperty(el, 'value', {
    configurable: true,
    enumerable: native.enumerable,
    get() {
      return native.get.call(this);
    },
    set(next) {
      lastKnown = String(next);
      native.set.call(this, next);
    },
  });
  trackers.set(el, {
    read: () => String(native.get.call(el)),
    get lastKnown() {
      return lastKnown;
    },
    set lastKnown(v) {
      lastKnown = v;
    },
  });
}

/**
 * Called from an input/change event: returns the new value when the element's
 * real value differs from the last known one (and records it), else null.
 */
export function takeChangedValue(el) {
  const tracker = trackers.get(el);
  if (!tracker) return el.value;
  const current = tracker.read();
  if (current === tracker.lastKnown) return null;
  tracker.lastKnown = current;
  return current;
}

/** Renders a value from state into the element (only touches the DOM if it differs). */
export function renderValue(el, value) {
  const next = value ?? '';
  if (el.value !== next) el.value = next;
  else {
    const tracker = trackers.get(el);
    if (tracker) tracker.lastKnown = next;
  }
}

export function renderChecked(el, checked) {
  if (el.checked !== Boolean(checked)) el.checked = Boolean(checked);
}
