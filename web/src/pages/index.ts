// The workbench's page folders, one per server module word (src/modules/index.ts is the server's
// list). Each folder's index.ts declares its routes, menu entries and detail pages; routes.ts and
// lib/nav.ts assemble them. Add a folder with one line here.
import type { PageFolder } from '../lib/page-folder.ts';
import * as accounts from './accounts/index.ts';
import * as audit from './audit/index.ts';
import * as calendar from './calendar/index.ts';
import * as casework from './casework/index.ts';
import * as catalogue from './catalogue/index.ts';
import * as collection from './collection/index.ts';
import * as dashboard from './dashboard/index.ts';
import * as enrollment from './enrollment/index.ts';
import * as importing from './import/index.ts';
import * as institutions from './institutions/index.ts';
import * as matter from './matter/index.ts';
import * as medstaff from './medstaff/index.ts';
import * as persons from './persons/index.ts';
import * as rating from './rating/index.ts';
import * as registry from './registry/index.ts';
import * as selfservice from './selfservice/index.ts';
import * as settlement from './settlement/index.ts';
import * as supervision from './supervision/index.ts';
import * as ticket from './ticket/index.ts';

export const pageFolders: readonly PageFolder[] = [
  accounts,
  audit,
  calendar,
  casework,
  catalogue,
  collection,
  dashboard,
  enrollment,
  importing,
  institutions,
  matter,
  medstaff,
  persons,
  rating,
  registry,
  selfservice,
  settlement,
  supervision,
  ticket,
];
