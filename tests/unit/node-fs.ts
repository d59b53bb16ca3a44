/**
 * The few node:fs calls the page-side tests need (unit and component).
 * The app tsconfig carries no Node types on purpose, so page code cannot
 * lean on them; the calls used are typed here once. Under jsdom pass plain
 * paths relative to the project root: jsdom's `URL` is not one node:fs takes.
 */
interface NodeFs {
  readFileSync(path: string | URL, encoding: 'utf8'): string;
  existsSync(path: string | URL): boolean;
  readdirSync(path: string | URL): string[];
  readdirSync(path: string | URL, options: { withFileTypes: true }): { name: string; isDirectory(): boolean }[];
}

// A string variable, so neither the type checker nor Vite resolves the module.
const NODE_FS: string = 'node:fs';

export const { existsSync, readdirSync, readFileSync } = (await import(/* @vite-ignore */ NODE_FS)) as NodeFs;
