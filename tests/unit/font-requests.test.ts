import {describe, expect, it} from 'vitest';
import {fontOrigin, fontsAsRequests} from '../../src/print/font-requests.js';

const csp = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";
const serif = Buffer.from('serif font bytes').toString('base64');
const sans = Buffer.from('sans font bytes!').toString('base64');

function page(body: string, policy = csp): string {
  return [
    '<!doctype html><html><head>',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    `<style>@font-face{src:url(data:font/woff2;base64,${serif}) format('woff2')}`,
    `@font-face{src:url(data:font/woff2;base64,${sans}) format('woff2')}`,
    `@font-face{src:url(data:font/woff2;base64,${serif}) format('woff2')}</style>`,
    `</head><body>${body}</body></html>`
  ].join('\n');
}

describe('fontsAsRequests', () => {
  it('moves the fonts of the head to URLs named by content, and lets the policy fetch them', () => {
    const {html, fonts} = fontsAsRequests(page('<p>Text</p>'));
    expect(html).not.toContain('data:font/');
    expect([...fonts.values()].sort()).toEqual([sans, serif].sort());
    for (const url of fonts.keys()) {
      expect(url.startsWith(`${fontOrigin}/`)).toBe(true);
      expect(url.endsWith('.woff2')).toBe(true);
      expect(html).toContain(`url(${url})`);
    }
    // The same font twice is one URL.
    expect(fonts.size).toBe(2);
    expect(html).toContain(`font-src data: ${fontOrigin};`);
    expect(html).toContain('<body><p>Text</p></body>');
  });

  it('leaves text in the body that looks like a font URL alone', () => {
    const text = `<p>url(data:font/woff2;base64,${sans})</p>`;
    const {html} = fontsAsRequests(page(text));
    expect(html).toContain(`<body>${text}</body>`);
  });

  it('leaves a page without the template policy as it is', () => {
    const original = page('<p>Text</p>', "default-src 'none'");
    expect(fontsAsRequests(original)).toEqual({html: original, fonts: new Map()});
    const headless = '<p>No head</p>';
    expect(fontsAsRequests(headless)).toEqual({html: headless, fonts: new Map()});
  });
});
