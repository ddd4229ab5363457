#!/usr/bin/env -S node --max-semi-space-size=32
// `npx yibao …`: npx puts node_modules/.bin first on PATH, so this runs on the pinned Node 24. The
// young generation's 32 MB semi-spaces mean fewer minor collections in the server (3101's p99 about 6 ms
// lower in paired bench runs).
import '../src/cli/main.ts';
