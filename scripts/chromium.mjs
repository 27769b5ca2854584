// How every part of the project starts Debian's Chromium with the built extension.

/** The browser binary: Debian's Chromium unless CHROME_PATH says otherwise. */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Flags that keep Chromium quiet on a closed network (without the
 * background-networking ones it floods the network with requests).
 */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The quiet flags plus loading our unpacked build (null: a profile without it). */
export function chromiumArgs(extensionPath) {
  return extensionPath
    ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, ...QUIET_FLAGS]
    : [...QUIET_FLAGS];
}
