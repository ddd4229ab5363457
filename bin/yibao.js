#!/usr/bin/env node
// `npx yibao …`: npx puts node_modules/.bin first on PATH, so this runs on the pinned Node 24.
import '../src/cli/main.ts';
