// A do-nothing extension with the same content-script matches and timing as the
// real build. Loading a page with it shows the floor every content script pays
// (an isolated world, extension bindings) — the part no code change of ours removes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeControlExtension(builtExtensionDir, outDir) {
  const built = JSON.parse(await readFile(join(builtExtensionDir, 'manifest.json'), 'utf8'));
  const scripts = built.content_scripts ?? [];
  if (scripts.length === 0) throw new Error('the built manifest has no content script');
  // Every page that gets any of our scripts (the detector on audit-log addresses, the
  // navigation watcher on the rest of the hosts) gets the empty one.
  const matches = [...new Set(scripts.flatMap((script) => script.matches))];
  const manifest = {
    manifest_version: 3,
    name: 'Trailguide bench control (empty content script)',
    version: '0.0.1',
    content_scripts: [{ matches, run_at: scripts[0].run_at ?? 'document_idle', js: ['content.js'] }],
  };
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(outDir, 'content.js'), '// intentionally empty\n');
  return outDir;
}
