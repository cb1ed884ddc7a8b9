import type {Expected} from '../helpers/messages.js';

/**
 * Every way a manuscript could make the printing browser (or a reader's browser, opening
 * the HTML) send a request. `CANARY` is replaced by `http://127.0.0.1:<port>` and `PORT`
 * by the port of a server that records every request and connection; each case asks for
 * paths under `/<name>` so a hit names its case.
 */
export interface NetworkCase {
  readonly name: string;
  /** The body, after a title-only front matter (line 5 on), or a whole manuscript. */
  readonly body?: string;
  readonly input?: string;
  /** A message that must be reported. */
  readonly reported?: Expected;
}

const remote: Expected = {rule: 'remote-image', at: '5:1', severity: 'warning'};
const raw: Expected = {rule: 'raw-html', at: '5:1', severity: 'warning'};

export const networkCases: readonly NetworkCase[] = [
  // Markdown images, in every spelling of this machine.
  {name: 'image', body: '![x](CANARY/image/x.png)', reported: remote},
  {name: 'image-localhost', body: '![x](http://localhost:PORT/image-localhost/x.png)', reported: remote},
  {name: 'image-ipv6-loopback', body: '![x](http://[::1]:PORT/image-ipv6-loopback/x.png)', reported: remote},
  {name: 'image-short-ip', body: '![x](http://127.1:PORT/image-short-ip/x.png)', reported: remote},
  {name: 'image-decimal-ip', body: '![x](http://2130706433:PORT/image-decimal-ip/x.png)', reported: remote},
  {name: 'image-hex-ip', body: '![x](http://0x7f000001:PORT/image-hex-ip/x.png)', reported: remote},
  {name: 'image-upper-case-scheme', body: '![x](HTTP://127.0.0.1:PORT/image-upper-case-scheme/x.png)', reported: remote},
  {name: 'image-https', body: '![x](https://127.0.0.1:PORT/image-https/x.png)', reported: remote},
  {name: 'image-protocol-relative', body: '![x](//127.0.0.1:PORT/image-protocol-relative/x.png)', reported: remote},
  {name: 'image-reference', body: '![x][r]\n\n[r]: CANARY/image-reference/x.png', reported: {rule: /./}},
  {name: 'image-in-link', body: '[![x](CANARY/image-in-link/x.png)](CANARY/image-in-link/target)', reported: {rule: 'remote-image', at: '5:2'}},

  // Links are for readers: printing must not follow them.
  {name: 'link', body: '[x](CANARY/link/target)'},
  {name: 'link-localhost', body: '[x](http://localhost:PORT/link-localhost/target)'},
  {name: 'autolink', body: '<CANARY/autolink/target>'},
  {name: 'autolink-literal', body: 'See CANARY/autolink-literal/target today.'},

  // Raw HTML that loads: images, srcset, styles, fonts, media, SVG, frames, redirects.
  {name: 'raw-img', body: '<img src="CANARY/raw-img/x.png">', reported: raw},
  {name: 'raw-img-localhost', body: '<img src="http://localhost:PORT/raw-img-localhost/x.png">', reported: raw},
  {name: 'raw-img-ipv6-loopback', body: '<img src="http://[::1]:PORT/raw-img-ipv6-loopback/x.png">', reported: raw},
  {name: 'raw-img-srcset', body: '<img srcset="CANARY/raw-img-srcset/1.png 1x, CANARY/raw-img-srcset/2.png 2x">', reported: raw},
  {name: 'raw-picture-source', body: '<picture><source srcset="CANARY/raw-picture-source/s.png"><img src="CANARY/raw-picture-source/i.png"></picture>', reported: raw},
  {name: 'raw-link-stylesheet', body: '<link rel="stylesheet" href="CANARY/raw-link-stylesheet/x.css">', reported: raw},
  {name: 'raw-link-preload', body: '<link rel="preload" as="image" href="CANARY/raw-link-preload/x.png">', reported: raw},
  {name: 'raw-link-prefetch', body: '<link rel="prefetch" href="CANARY/raw-link-prefetch/x">', reported: raw},
  {name: 'raw-link-icon', body: '<link rel="icon" href="CANARY/raw-link-icon/favicon.ico">', reported: raw},
  {name: 'raw-style-import', body: '<style>@import url("CANARY/raw-style-import/x.css");</style>', reported: raw},
  {name: 'raw-style-url', body: '<style>body{background:url(CANARY/raw-style-url/bg.png)}</style>', reported: raw},
  {name: 'raw-style-font-face', body: '<style>@font-face{font-family:leak;src:url(CANARY/raw-style-font-face/f.woff2)}body{font-family:leak}</style>', reported: raw},
  {name: 'raw-style-attribute', body: '<p style="background-image:url(CANARY/raw-style-attribute/bg.png)">Text</p>', reported: raw},
  {name: 'raw-video', body: '<video src="CANARY/raw-video/v.mp4" poster="CANARY/raw-video/poster.png" autoplay preload="auto"></video>', reported: raw},
  {name: 'raw-audio', body: '<audio src="CANARY/raw-audio/a.mp3" autoplay preload="auto"></audio>', reported: raw},
  {name: 'raw-source-track', body: '<video autoplay preload="auto"><source src="CANARY/raw-source-track/s.mp4"><track src="CANARY/raw-source-track/t.vtt" default></video>', reported: raw},
  {name: 'raw-svg-image', body: '<svg><image href="CANARY/raw-svg-image/x.png" width="10" height="10"/></svg>', reported: raw},
  {name: 'raw-svg-xlink-image', body: '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="CANARY/raw-svg-xlink-image/x.png" width="10" height="10"/></svg>', reported: raw},
  {name: 'raw-svg-use', body: '<svg><use href="CANARY/raw-svg-use/x.svg#a"/></svg>', reported: raw},
  {name: 'raw-object', body: '<object data="CANARY/raw-object/x"></object>', reported: raw},
  {name: 'raw-embed', body: '<embed src="CANARY/raw-embed/x">', reported: raw},
  {name: 'raw-iframe', body: '<iframe src="CANARY/raw-iframe/x"></iframe>', reported: raw},
  {name: 'raw-iframe-srcdoc', body: '<iframe srcdoc="&lt;img src=&quot;CANARY/raw-iframe-srcdoc/x.png&quot;&gt;"></iframe>', reported: raw},
  {name: 'raw-meta-refresh', body: '<meta http-equiv="refresh" content="0;url=CANARY/raw-meta-refresh/x">', reported: raw},
  {name: 'raw-base', body: '<base href="CANARY/raw-base/">', reported: raw},
  {name: 'raw-input-image', body: '<input type="image" src="CANARY/raw-input-image/x.png">', reported: raw},
  {name: 'raw-body-background', body: '<body background="CANARY/raw-body-background/x.png">', reported: raw},
  {name: 'raw-table-background', body: '<table background="CANARY/raw-table-background/x.png"><tr><td>x</td></tr></table>', reported: raw},
  {name: 'raw-script-src', body: '<script src="CANARY/raw-script-src/x.js"></script>', reported: raw},
  {name: 'raw-onerror-fetch', body: '<img src="x" onerror="fetch(\'CANARY/raw-onerror-fetch/x\')">', reported: raw},
  {name: 'raw-anchor-ping', body: '<a href="https://example.org/" ping="CANARY/raw-anchor-ping/x">x</a>', reported: raw},

  // An SVG inside the project, inlined: its own references must load nothing.
  {name: 'svg-file-external', body: '![x](images/external.svg)'},

  // Front matter and directive attributes are text.
  {name: 'matter-url', input: '---\ntitle: "CANARY/matter-url/title"\npublisher: "CANARY/matter-url/publisher"\n---\n\nBody.\n'},
  {name: 'directive-cite', body: ':::pullquote{cite="CANARY/directive-cite/x"}\nWords.\n:::'}
];

/**
 * The SVG `images/external.svg`: every reference an SVG can make, to the canary.
 *
 * @param canary
 *   The canary's origin.
 * @returns
 *   The file.
 */
export function externalSvg(canary: string): string {
  const at = `${canary}/svg-file-external`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="300" height="100">',
    `<style>@import url("${at}/import.css"); rect{fill:url(${at}/paint.svg#p)}</style>`,
    `<image href="${at}/image.png" width="10" height="10"/>`,
    `<image xlink:href="${at}/xlink.png" width="10" height="10"/>`,
    `<use href="${at}/use.svg#a"/>`,
    `<filter id="f"><feImage href="${at}/feimage.png"/></filter>`,
    `<rect width="10" height="10" filter="url(#f)" style="background:url(${at}/style.png)"/>`,
    `<foreignObject width="100" height="50"><img xmlns="http://www.w3.org/1999/xhtml" src="${at}/foreign.png"/></foreignObject>`,
    `<script href="${at}/script.js"/>`,
    '<text x="4" y="90">external references</text>',
    '</svg>'
  ].join('\n');
}
