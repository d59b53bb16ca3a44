import type { Rolldown } from 'vite';

/**
 * An HTML page of the build by its file name ('index.html', 'guide.html'),
 * for the plugins that rewrite pages after Vite wrote them; undefined when
 * this build has no such page.
 */
export function builtPage(bundle: Rolldown.OutputBundle, fileName: string): Rolldown.OutputAsset | undefined {
  const file = bundle[fileName];
  return file?.type === 'asset' ? file : undefined;
}
