// Which product modules exist yet, and loading the ones a measurement needs.
// Other engineers land code while the bench is written: a missing module is
// reported as "not-built-yet", never guessed at.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { bundleEntry, importBundle } from './bundle.mjs';

/** The files in `paths` (relative to root) that do not exist. */
export async function missingFiles(root, paths) {
  const missing = [];
  for (const path of paths) {
    try {
      await access(join(root, path));
    } catch {
      missing.push(path);
    }
  }
  return missing;
}

export function notBuiltReason(missing) {
  return `Not built yet: ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist in this checkout.`;
}

/** The demo console's adapter from the built-in pack, validated by the real schema (defaults filled). */
export async function loadDemoAdapter({ root, buildDir }) {
  const { file } = await bundleEntry({
    root,
    outDir: buildDir,
    name: 'adapter-schema',
    platform: 'node',
    contents: "export { adapterSchema } from './utils/schema/adapter.ts';\n",
  });
  const { adapterSchema } = await importBundle(file);
  const text = await readFile(join(root, 'runbooks', 'adapters', 'acme-demo.yaml'), 'utf8');
  return adapterSchema.parse(parseYaml(text));
}

/**
 * Runs a browser bundle (an IIFE that sets globalThis.__tgBench) in a page via CDP, which
 * lets the script in past the page's CSP — but not its code's eval (zod checks for eval and
 * must see what the extension sees: no eval in extension pages).
 */
export async function injectBundle(context, page, text) {
  const cdp = await context.newCDPSession(page);
  try {
    const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: text, allowUnsafeEvalBlockedByCSP: false });
    if (exceptionDetails) throw new Error(`bundle failed in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  } finally {
    await cdp.detach();
  }
}

/** Evaluates an expression (awaiting a promise) in a page, past any CSP, and returns its JSON value. */
export async function evaluateInPage(context, page, expression) {
  const cdp = await context.newCDPSession(page);
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      // Behave like the page's own code: where its CSP forbids eval (extension pages), so does this.
      allowUnsafeEvalBlockedByCSP: false,
    });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description?.split('\n').slice(0, 4).join(' ') ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach();
  }
}
