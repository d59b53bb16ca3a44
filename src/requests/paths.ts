/**
 * Reading and writing the form by dotted path ('person.address.zip',
 * 'case.receiptNumbers.1'), the same paths the schema's issues carry, so
 * a field, its value and its error all go by one name.
 */

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

export function getAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (!isContainer(node)) return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

/** A copy of `root` with `value` at `path`; every container on the way is copied, nothing else. */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const keys = path.split('.');
  const write = (node: unknown, i: number): unknown => {
    const key = keys[i]!;
    const last = i === keys.length - 1;
    if (Array.isArray(node)) {
      const copy = [...node];
      const index = Number(key);
      copy[index] = last ? value : write(copy[index], i + 1);
      return copy;
    }
    const base = isContainer(node) ? (node as Record<string, unknown>) : {};
    return { ...base, [key]: last ? value : write(base[key], i + 1) };
  };
  return write(root, 0) as T;
}
