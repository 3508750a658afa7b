import { readFileSync } from 'node:fs';

const routerFile = new URL('../../src/web/app/router.tsx', import.meta.url);

interface RouteDefinition {
  name: string;
  parent: string;
  /** The path segment it adds; layout routes (`id:`) add none. */
  path: string;
  hasComponent: boolean;
}

/**
 * Reads the web app's route definitions out of src/web/app/router.tsx. The router cannot be
 * imported here (its modules set up i18n on `document`), but its routes are all written the same
 * way: `const nameRoute = createRoute({ getParentRoute: () => parentRoute, path: '…', … })`.
 * Every `createRoute(` must be read, so a route written some other way fails loudly.
 */
function readDefinitions(): RouteDefinition[] {
  const source = readFileSync(routerFile, 'utf8');
  const starts = [...source.matchAll(/const (\w+) = createRoute\(\{/g)];
  const calls = source.match(/createRoute\(/g)?.length ?? 0;
  if (starts.length !== calls) {
    throw new Error(`router.tsx has ${calls} createRoute calls but only ${starts.length} read as \`const x = …\`.`);
  }
  return starts.map((start, index) => {
    const body = source.slice(start.index, starts[index + 1]?.index ?? source.length);
    const parent = /getParentRoute:\s*\(\)\s*=>\s*(\w+)/.exec(body)?.[1];
    const path = /(?<![\w.])path:\s*'([^']*)'/.exec(body)?.[1];
    const id = /(?<![\w.])id:\s*'([^']*)'/.exec(body)?.[1];
    const name = start[1] ?? '';
    if (!parent || (path === undefined && id === undefined)) {
      throw new Error(`Could not read the parent and path of ${name} in router.tsx.`);
    }
    return { name, parent, path: path ?? '', hasComponent: /(?<![\w.])component:/.test(body) };
  });
}

/**
 * Every page of the web app as the router spells its full path (`/orgs/$orgId/cases/$caseId`):
 * each route with a component of its own, layout routes left out.
 */
export function readAppPages(): string[] {
  const definitions = readDefinitions();
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const fullPath = (definition: RouteDefinition): string => {
    const parent = byName.get(definition.parent);
    const base = parent ? fullPath(parent) : '';
    const joined = `${base}/${definition.path}`.replace(/\/{2,}/g, '/');
    return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
  };
  return definitions
    .filter((definition) => definition.hasComponent && definition.path !== '')
    .map(fullPath)
    .sort();
}
