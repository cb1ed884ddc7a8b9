// Types of scripts/bundles.mjs, for the tests' global setup.
import type {OutputFile} from 'esbuild';

export function bundleCommand(): Promise<OutputFile[]>;
export function bundleHtmlStage(): Promise<OutputFile[]>;
export function writeOutputs(files: readonly OutputFile[]): Promise<number>;
