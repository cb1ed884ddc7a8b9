import {MessageChannel, type MessagePort} from 'node:worker_threads';
import {afterEach, describe, expect, it} from 'vitest';
import {resolveSettings} from '../../src/config/config.js';
import type {HtmlStageRequest, HtmlStageResponse} from '../../src/pipeline/html-stage-protocol.js';
import {serveHtmlStage} from '../../src/pipeline/html-stage-worker.js';

// The worker's side of the protocol, served in this thread over a real message channel
// (answers are cloned as between threads); tests/pipeline/html-stage.test.ts runs it in
// its own thread, as builds do.
let ports: MessagePort[] = [];

afterEach(() => {
  for (const port of ports) port.close();
  ports = [];
});

/** Serve a stage on one end of a channel; the other end sends requests and collects answers. */
function channel(print: boolean) {
  const {port1, port2} = new MessageChannel();
  ports.push(port1, port2);
  serveHtmlStage({settings: resolveSettings({config: {root: process.cwd()}}), print}, port1);
  const answers: HtmlStageResponse[] = [];
  const waiting: Array<() => void> = [];
  port2.on('message', (answer: HtmlStageResponse) => {
    answers.push(answer);
    for (const wake of waiting.splice(0)) wake();
  });
  const next = async (count: number): Promise<HtmlStageResponse[]> => {
    while (answers.length < count) await new Promise<void>((resolve) => waiting.push(resolve));
    return answers.slice(0, count);
  };
  const send = (request: HtmlStageRequest): void => port2.postMessage(request);
  return {next, send};
}

const manuscript = (title: string): string => ['---', `title: ${title}`, '---', '', ':::summary', `- About ${title}.`, ':::', '', '![](missing.png)', ''].join('\n');

describe('serveHtmlStage', () => {
  it('sends the warm-up page first, then answers each request by its id, sending each font once', async () => {
    const stage = channel(true);
    stage.send({type: 'render', id: 1, path: 'one.md', cwd: process.cwd(), value: manuscript('One'), lint: false});
    stage.send({type: 'render', id: 2, path: 'two.md', cwd: process.cwd(), value: manuscript('Two'), lint: false});
    const [warmUp, first, second] = await stage.next(3);
    expect(warmUp?.type).toBe('warm-up');
    const warmFonts = warmUp?.type === 'warm-up' ? (warmUp.page?.fonts ?? []) : [];
    expect(warmFonts.length).toBeGreaterThan(0);
    for (const [index, answer] of [first, second].entries()) {
      if (answer?.type !== 'rendered') throw new Error(`expected a page, got ${JSON.stringify(answer)}`);
      expect(answer.id).toBe(index + 1);
      expect(answer.html).toMatch(/^<!doctype html>/i);
      expect(answer.data.summary?.points).toEqual([`About ${index === 0 ? 'One' : 'Two'}.`]);
      // The fonts the warm-up page sent are not sent again with the pages.
      for (const [url] of answer.print?.fonts ?? []) expect(warmFonts.map(([sent]) => sent)).not.toContain(url);
    }
  });

  it('lints instead of making the page, with every field of the rules’ messages', async () => {
    const stage = channel(false);
    stage.send({type: 'render', id: 7, path: 'lint.md', cwd: process.cwd(), value: manuscript('Lint'), lint: true});
    const [warmUp, answer] = await stage.next(2);
    expect(warmUp).toEqual({type: 'warm-up', page: undefined});
    if (answer?.type !== 'rendered') throw new Error(`expected an answer, got ${JSON.stringify(answer)}`);
    expect(answer.html).toBeUndefined();
    expect(answer.print).toBeUndefined();
    const alt = answer.messages.find((message) => message.ruleId === 'image-alt');
    expect(alt).toMatchObject({file: 'lint.md', source: 'briefing-lint', place: {start: {line: 9, column: 1}}, url: expect.stringMatching(/#image-alt$/)});
  });
});
