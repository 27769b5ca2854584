// Memory of a Chromium profile, read from Linux's /proc: the browser process that
// owns a user-data-dir and every process below it (zygotes, GPU, utility, renderers,
// the extension's process). PSS (proportional set size) splits shared pages between
// the processes that share them, so the sum over a tree is what the tree costs the
// machine, and two trees can be compared.
import { readdirSync, readFileSync } from 'node:fs';

function readText(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended meanwhile
  }
}

/** Every process: pid, parent pid and command line (NUL-separated arguments as an array). */
function processTable() {
  const table = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readText(`/proc/${name}/stat`);
    const cmdline = readText(`/proc/${name}/cmdline`);
    if (!stat || cmdline === null) continue;
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    // Chromium rewrites its children's process titles: their command line is then one string, spaces between arguments.
    const nul = cmdline.split('\0').filter(Boolean);
    table.push({ pid: Number(name), ppid, args: nul.length === 1 ? nul[0].split(' ') : nul });
  }
  return table;
}

/** The processes of the browser started with `--user-data-dir=<dir>`, with their Chromium process type. */
export function profileProcesses(userDataDir) {
  const table = processTable();
  const root = table.find((p) => p.args.includes(`--user-data-dir=${userDataDir}`) && !p.args.some((a) => a.startsWith('--type=')));
  if (!root) throw new Error(`no Chromium process runs the profile ${userDataDir}`);
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...table.filter((p) => p.ppid === tree[i].pid));
  return tree.map((p) => {
    const type = p.args.find((a) => a.startsWith('--type='))?.slice('--type='.length) ?? 'browser';
    return { pid: p.pid, type, extension: p.args.includes('--extension-process') };
  });
}

/** PSS in kB from /proc/<pid>/smaps_rollup (0 when the process is gone). */
export function pssKb(pid) {
  const text = readText(`/proc/${pid}/smaps_rollup`);
  const match = text && /^Pss:\s+(\d+) kB/m.exec(text);
  return match ? Number(match[1]) : 0;
}

/** The profile's total PSS in bytes, and the part in each kind of process. */
export function profileMemory(userDataDir) {
  const processes = profileProcesses(userDataDir).map((p) => ({ ...p, pssBytes: pssKb(p.pid) * 1024 }));
  const byType = {};
  for (const p of processes) {
    const key = p.extension ? 'extension' : p.type;
    byType[key] = (byType[key] ?? 0) + p.pssBytes;
  }
  return { totalBytes: processes.reduce((sum, p) => sum + p.pssBytes, 0), byType, processes: processes.length };
}
