// Types of scripts/lean-visit.mjs, for its tests.
import type {Plugin} from 'esbuild';

export const visitParentsModule: RegExp;
export function withoutVisitorNames(source: string): string;
export const leanVisit: Plugin;
