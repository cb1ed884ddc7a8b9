import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {resolveSettings, type Settings, type SettingsLayers} from '../../src/config/config.js';
import {remarkBriefingMatter} from '../../src/markdown/remark-briefing-matter.js';
import {remarkDocumentSettings} from '../../src/markdown/remark-document-settings.js';
import {remarkYamlFrontMatter} from '../../src/markdown/remark-yaml-front-matter.js';

/** A manuscript through the front matter's reader and `remarkDocumentSettings`, with the run's layers. */
async function settle(input: string, layers: SettingsLayers = {}): Promise<{settings: Settings | undefined; ruleIds: string[]}> {
  const file = new VFile({path: 'm.md', value: input});
  const chain = unified().use(remarkParse).use(remarkYamlFrontMatter).use(remarkBriefingMatter, {strict: false}).use(remarkDocumentSettings, {settings: resolveSettings(layers)});
  await chain.run(chain.parse(file), file);
  return {settings: file.data.settings, ruleIds: file.messages.map((message) => String(message.ruleId))};
}

const pick = (settings: Settings | undefined) => settings && {template: settings.template, paper: settings.paper, edition: settings.edition, origins: settings.origins};

/** Front matter, the run's layers → the document's template, paper, edition and who chose each. */
const cases: Array<[string, string, SettingsLayers, ReturnType<typeof pick>]> = [
  ['no front matter: the defaults', 'Text.\n', {}, {template: 'briefing', paper: 'a4', edition: 'screen', origins: {}}],
  [
    'the front matter chooses its document keys',
    '---\ntitle: T\ntemplate: memo\npaper: letter\nedition: print\n---\n',
    {},
    {template: 'memo', paper: 'letter', edition: 'print', origins: {template: 'matter', paper: 'matter', edition: 'matter'}}
  ],
  ['the front matter beats the configuration', '---\ntitle: T\npaper: letter\n---\n', {config: {paper: 'a4', edition: 'print'}}, {template: 'briefing', paper: 'letter', edition: 'print', origins: {paper: 'matter', edition: 'config'}}],
  [
    'flags beat the front matter, key by key',
    '---\ntitle: T\npaper: letter\nedition: print\n---\n',
    {flags: {edition: 'screen'}},
    {template: 'briefing', paper: 'letter', edition: 'screen', origins: {paper: 'matter', edition: 'flags'}}
  ],
  ['a front matter with an error chooses nothing it got wrong', '---\ntitle: T\npaper: a5\n---\n', {}, {template: 'briefing', paper: 'a4', edition: 'screen', origins: {}}]
];

describe('remarkDocumentSettings', () => {
  it.each(cases)('%s', async (_name, input, layers, expected) => {
    expect(pick((await settle(input, layers)).settings)).toEqual(expected);
  });

  it('takes nothing from a front matter value the schema refuses (that is its error)', async () => {
    const {settings, ruleIds} = await settle('---\ntitle: T\npaper: a5\nedition: print\n---\n');
    expect(ruleIds).toContain('front-matter-schema');
    expect(pick(settings)).toMatchObject({paper: 'a4'});
  });

  it('puts the settings on the file once, frozen, keeping the run\'s other settings', async () => {
    const {settings} = await settle('---\ntitle: T\nedition: print\n---\n', {config: {timeout: 5000, outDir: 'build'}});
    expect(settings).toMatchObject({timeout: 5000, outDir: 'build', edition: 'print'});
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings?.origins)).toBe(true);
  });
});
