// A do-nothing extension with the same content-script matches and timing as the
// real build. Loading a page with it shows the floor every content script pays
// (an isolated world, extension bindings) — the part no code change of ours removes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeControlExtension(builtExtensionDir, outDir) {
  const built = JSON.parse(await readFile(join(builtExtensionDir, 'manifest.json'), 'utf8'));
  const script = built.content_scripts?.[0];
  if (!script) throw new Error('the built manifest has no content script');
  const manifest = {
    manifest_version: 3,
    name: 'Trailguide bench control (empty content script)',
    version: '0.0.1',
    content_scripts: [{ matches: script.matches, run_at: script.run_at ?? 'document_idle', js: ['content.js'] }],
  };
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(outDir, 'content.js'), '// intentionally empty\n');
  return outDir;
}
