import {describe, expect, it} from 'vitest';
import {cssString, pageCss} from '../../../src/html/template/page-css.js';

describe('cssString', () => {
  it('quotes plain text unchanged', () => {
    expect(cssString('The Xi–Trump Call: a pause')).toBe('"The Xi–Trump Call: a pause"');
  });

  it('escapes double quotes and backslashes so the value cannot leave the string', () => {
    expect(cssString('say "hi"')).toBe('"say \\22 hi\\22 "');
    expect(cssString('back\\slash')).toBe('"back\\5c slash"');
    expect(cssString('\\"')).toBe('"\\5c \\22 "');
  });

  it('escapes line breaks and other control characters', () => {
    expect(cssString('one\ntwo\r\tthree\u007F')).toBe('"one\\a two\\d \\9 three\\7f "');
  });

  it('escapes angle brackets so the value cannot close the <style> element', () => {
    const quoted = cssString('</style><script>alert(1)</script>');
    expect(quoted).toBe('"\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e "');
    expect(quoted).not.toMatch(/[<>]/);
  });

  it('leaves exactly two unescaped quotes and no raw line break', () => {
    const hostile = '"; } body { display: none } :root { --x: "\n</style>';
    const quoted = cssString(hostile);
    expect(quoted.replaceAll(/\\[\da-f]+ /g, '')).toMatch(/^"[^"\\\n<>]*"$/);
  });
});

describe('pageCss', () => {
  const strings = {running: 'Ada · Institute', title: 'Title "quoted"', date: '6 June 2025', lang: 'en'};

  it('sets the paper size', () => {
    expect(pageCss({paper: 'a4', ...strings})).toContain('@page{size:A4}');
    expect(pageCss({paper: 'letter', ...strings})).toContain('@page{size:letter}');
  });

  it('passes the running strings through cssString', () => {
    const css = pageCss({paper: 'a4', ...strings});
    expect(css).toContain(`--briefing-running-byline:${cssString(strings.running)}`);
    expect(css).toContain(`--briefing-running-title:${cssString(strings.title)}`);
    expect(css).toContain(`--briefing-running-date:${cssString(strings.date)}`);
  });
});
