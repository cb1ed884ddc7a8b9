import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';

/** A peer briefing is compared with: its version, or why it cannot run here. */
export interface Peer {
  readonly name: string;
  readonly version?: string | undefined;
  /** Why it is not installed here (the table says so); undefined when it runs. */
  readonly missing?: string | undefined;
}

function packageVersion(file: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as {version?: string}).version;
  } catch {
    return undefined;
  }
}

function commandVersion(command: string): string | undefined {
  try {
    return execFileSync(command, ['--version'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim().split('\n')[0];
  } catch {
    return undefined;
  }
}

/**
 * The peers `bench/setup.sh` installs, as they are here.
 *
 * @param {string} bench
 *   The bench folder.
 * @returns {{mdToPdf: Peer; pandoc: Peer; typst: Peer}}
 *   md-to-pdf, pandoc + WeasyPrint and the Typst Node compiler.
 */
export function detectPeers(bench: string): {mdToPdf: Peer; pandoc: Peer; typst: Peer} {
  const modules = path.join(bench, 'node_modules');
  const mdToPdf = packageVersion(path.join(modules, 'md-to-pdf', 'package.json'));
  const typst = packageVersion(path.join(modules, '@myriaddreamin', 'typst-ts-node-compiler', 'package.json'));
  const pandoc = commandVersion('pandoc');
  const weasyprint = commandVersion('weasyprint');
  return {
    mdToPdf: {name: 'md-to-pdf', version: mdToPdf, missing: mdToPdf ? undefined : 'not installed (npm ci --prefix bench failed)'},
    pandoc: {
      name: 'pandoc + WeasyPrint',
      version: pandoc && weasyprint ? `${pandoc}; ${weasyprint}` : undefined,
      missing: pandoc && weasyprint ? undefined : `not installed here (${[pandoc ? '' : 'pandoc', weasyprint ? '' : 'weasyprint'].filter(Boolean).join(' and ')} missing: apt-get install pandoc weasyprint)`
    },
    typst: {
      name: 'Typst (Node compiler)',
      version: typst ? `@myriaddreamin/typst-ts-node-compiler ${typst}` : undefined,
      missing: typst ? undefined : 'not installed (npm ci --prefix bench failed)'
    }
  };
}
