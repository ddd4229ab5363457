// What a page folder's index.ts declares: its pages' routes, its menu entries (each with the
// permission code its API routes declare) and where its detail pages belong. pages/index.ts lists
// the folders; routes.ts and nav.ts assemble them and know no page themselves.
import { type ComponentType, createElement, lazy } from 'react';
import type { RouteObject } from 'react-router';

export interface NavItem {
  path: string;
  label: string;
  permission: string;
  /** Place in the menu, ascending across all folders; an entry with a deeper path (/matter/todo)
   * comes before its section's (/matter): the menu lights the first entry that begins the path. */
  order: number;
}

export interface PageFolder {
  /** Pages inside the staff workbench's layout, paths relative to the site root. */
  readonly routes?: readonly RouteObject[];
  /** Pages outside it, with their own layout or none (the rating tablet, the self-service site). */
  readonly outerRoutes?: readonly RouteObject[];
  readonly nav?: readonly NavItem[];
  /** Detail pages whose first segment is not their section's: /households/:id belongs to /persons. */
  readonly sections?: Readonly<Record<string, string>>;
  /** Titles of detail pages by their first segment: /settlements/:id is a 结算单. */
  readonly detailTitles?: Readonly<Record<string, string>>;
}

/** A page as its own lazy chunk, so the login page loads none of them (nor the chart library). */
export const page = (load: () => Promise<{ default: ComponentType }>) => createElement(lazy(load));
