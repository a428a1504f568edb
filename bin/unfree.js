#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the CLI needs no build step after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
