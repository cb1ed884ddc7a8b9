import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {timelineMark} from '../../src/util/timeline.js';
import {manuscript, run} from '../cli/helpers.js';

describe('timelineMark', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('writes nothing without BRIEFING_TIMELINE, and the time and step with it', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.stubEnv('BRIEFING_TIMELINE', '');
    timelineMark('step');
    expect(write).not.toHaveBeenCalled();
    vi.stubEnv('BRIEFING_TIMELINE', '1');
    const before = Date.now();
    timelineMark('page made');
    const line = String(write.mock.calls[0]?.[0]);
    expect(line).toMatch(/^briefing-timeline \d+\.\d page made\n$/);
    expect(Math.abs(Number(line.split(' ')[1]) - before)).toBeLessThan(1000);
  });

  it('notes every step of a build, from both threads, in the order they come', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'briefing-timeline-'));
    try {
      await writeFile(path.join(dir, 'note.md'), manuscript('Timeline'));
      const {code, stderr} = await run(['build', 'note.md', '-o', 'out'], {cwd: dir, env: {BRIEFING_TIMELINE: '1'}});
      expect(code).toBe(0);
      const marks = [...stderr.matchAll(/^briefing-timeline (\S+) (.+)$/gm)].map(([, at, step]) => ({at: Number(at), step}));
      expect(marks.map((mark) => mark.step)).toEqual(['command started', 'HTML thread started', 'HTML stage loaded', 'template loaded', 'page made', 'printed', 'PDF completed', 'exit']);
      expect(marks.map((mark) => mark.at)).toEqual(marks.map((mark) => mark.at).sort((a, b) => a - b));
      // Without the variable, none.
      expect((await run(['build', 'note.md', '-o', 'out'], {cwd: dir})).stderr).not.toContain('briefing-timeline');
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
