import type {Expected} from '../helpers/messages.js';

/**
 * Live markup an untrusted manuscript may try: raw HTML of every kind, event handlers,
 * dangerous URL schemes in every spelling, and markup in front-matter text. Each must
 * build (a PDF and an inert page), with a positioned warning where something was dropped.
 * In the manner of DOMPurify's payload fixtures.
 */
export interface MarkupCase {
  readonly name: string;
  /** The body, after a title-only front matter: its first line is line 5. */
  readonly body?: string;
  /** A whole manuscript instead, for payloads in the front matter. */
  readonly input?: string;
  /** Warnings that must be reported (others may be too). */
  readonly warnings: readonly Expected[];
  /** Text that must survive in the page: content is kept, only the markup goes. */
  readonly keeps?: string;
}

const raw = (at: `${number}:${number}`): Expected => ({rule: 'raw-html', at, severity: 'warning'});
const unsafe = (at: `${number}:${number}`): Expected => ({rule: 'unsafe-url', at, severity: 'warning'});
const payload = 'https://example.org/payload';

export const markupCases: readonly MarkupCase[] = [
  // Scripts.
  {name: 'script-block', body: '<script>alert(1)</script>', warnings: [raw('5:1')]},
  {name: 'script-inline', body: 'Text <script>alert(1)</script> more.', warnings: [raw('5:6')], keeps: 'Text'},
  {name: 'script-src', body: `<script src="${payload}.js"></script>`, warnings: [raw('5:1')]},
  {name: 'script-uppercase', body: '<SCRIPT>alert(1)</SCRIPT>', warnings: [raw('5:1')]},
  {name: 'escaped-markup-stays-text', body: '&lt;script&gt;alert(1)&lt;/script&gt;', warnings: [], keeps: '<script>alert(1)</script>'},

  // Event handlers.
  {name: 'img-onerror', body: '<img src=x onerror=alert(1)>', warnings: [raw('5:1')]},
  {name: 'img-onerror-inline', body: 'A picture <img src=x onerror="alert(1)"> here.', warnings: [raw('5:11')], keeps: 'A picture'},
  {name: 'svg-onload', body: '<svg onload=alert(1)>', warnings: [raw('5:1')]},
  {name: 'svg-slash-onload', body: 'Text <svg/onload=alert(1)> more.', warnings: []},
  {name: 'body-onload', body: '<body onload=alert(1)>', warnings: [raw('5:1')]},
  {name: 'details-ontoggle', body: '<details open ontoggle=alert(1)>', warnings: [raw('5:1')]},
  {name: 'comment-hidden-img', body: '<!-- a --><img src=x onerror=alert(1)><!-- b -->', warnings: [raw('5:1')]},

  // Styles, and elements that load, frame, submit or redirect.
  {name: 'style-element', body: `<style>body{background:url(${payload})}</style>`, warnings: [raw('5:1')]},
  {name: 'style-attribute', body: `<p style="background:url(${payload})">Styled.</p>`, warnings: [raw('5:1')]},
  {name: 'link-stylesheet', body: `<link rel=stylesheet href="${payload}.css">`, warnings: [raw('5:1')]},
  {name: 'base-href', body: `<base href="${payload}/">`, warnings: [raw('5:1')]},
  {name: 'meta-refresh', body: `<meta http-equiv="refresh" content="0;url=${payload}">`, warnings: [raw('5:1')]},
  {name: 'iframe', body: `<iframe src="${payload}"></iframe>`, warnings: [raw('5:1')]},
  {name: 'iframe-srcdoc', body: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', warnings: [raw('5:1')]},
  {name: 'object', body: `<object data="${payload}.swf"></object>`, warnings: [raw('5:1')]},
  {name: 'embed', body: `<embed src="${payload}.swf">`, warnings: [raw('5:1')]},
  {name: 'frameset', body: `<frameset><frame src="${payload}"></frameset>`, warnings: [raw('5:1')]},
  {name: 'form', body: `<form action="${payload}"><input name=q><button formaction="javascript:alert(1)">Go</button></form>`, warnings: [raw('5:1')]},

  // Namespace confusion (mutation XSS).
  {name: 'math-mglyph-style', body: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', warnings: [raw('5:1')]},
  {name: 'svg-foreignobject', body: `<svg><foreignObject><iframe src="${payload}"></iframe></foreignObject></svg>`, warnings: [raw('5:1')]},
  {name: 'svg-anchor-javascript', body: '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>', warnings: [raw('5:1')]},
  {name: 'noscript-title', body: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', warnings: [raw('5:1')]},
  {name: 'textarea', body: '<textarea><img src=x onerror=alert(1)></textarea>', warnings: [raw('5:1')]},
  {name: 'svg-cdata', body: '<svg><![CDATA[</svg><img src=x onerror=alert(1)>]]></svg>', warnings: [raw('5:1')]},

  // javascript:, vbscript:, file:, data: and other schemes, in every spelling.
  {name: 'link-javascript', body: '[click](javascript:alert(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-javascript-mixed-case', body: '[click](JaVaScRiPt:alert(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-javascript-tab-entity', body: '[click](java&#x09;script:alert(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-javascript-newline-entity', body: '[click](java&#x0A;script:alert(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-javascript-decimal-entity', body: '[click](&#106;avascript:alert(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-javascript-hex-entities', body: '[click](&#x6A;&#x61;&#x76;&#x61;script&#x3A;alert(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-javascript-named-colon', body: '[click](javascript&colon;alert(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-javascript-leading-space', body: '[click](&#32;javascript:alert(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-javascript-angle', body: '[click](<javascript:alert(1)>)', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-vbscript', body: '[click](vbscript:msgbox(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-vbscript-mixed-case', body: '[click](VBScript:msgbox(1))', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-file', body: '[click](file:///etc/passwd)', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-file-upper', body: '[click](FILE:///etc/passwd)', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-file-one-slash', body: '[click](file:/etc/passwd)', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-file-host', body: '[click](file://localhost/etc/passwd)', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-data-base64', body: '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-data-upper', body: '[click](DATA:text/html,<script>alert(1)</script>)', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-smb', body: '[click](smb://attacker.example/share)', warnings: [unsafe('5:1')], keeps: 'click'},
  {name: 'link-protocol-relative', body: '[click](//attacker.example/x)', warnings: [], keeps: 'click'},
  {name: 'link-title-breakout', body: `[click](${payload} "x\\" onmouseover=\\"alert(1)")`, warnings: [], keeps: 'click'},
  {name: 'autolink-javascript', body: '<javascript:alert(1)>', warnings: [unsafe('5:1')]},
  {name: 'autolink-javascript-upper', body: '<JAVASCRIPT:alert(1)>', warnings: [unsafe('5:1')]},
  {name: 'autolink-vbscript', body: '<vbscript:msgbox(1)>', warnings: [unsafe('5:1')]},
  {name: 'autolink-file', body: '<file:///etc/passwd>', warnings: [unsafe('5:1')]},
  {name: 'autolink-data', body: '<data:text/html;base64,PHNjcmlwdD4=>', warnings: [unsafe('5:1')]},
  {name: 'reference-full', body: '[click][evil]\n\n[evil]: javascript:alert(1)', warnings: [unsafe('7:1')], keeps: 'click'},
  {name: 'reference-collapsed', body: '[evil][]\n\n[evil]: javascript:alert(1)', warnings: [unsafe('7:1')], keeps: 'evil'},
  {name: 'reference-shortcut-titled', body: '[evil]\n\n[evil]: JaVaScRiPt:alert(1) "Title"', warnings: [unsafe('7:1')], keeps: 'evil'},
  {name: 'reference-file', body: '[click][leak]\n\n[leak]: file:///etc/passwd', warnings: [unsafe('7:1')], keeps: 'click'},
  {name: 'image-javascript', body: '![x](javascript:alert(1))', warnings: [unsafe('5:1')]},
  {name: 'image-data-svg', body: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)', warnings: [unsafe('5:1')]},
  {name: 'footnote-javascript', body: 'Text.[^1]\n\n[^1]: [click](javascript:alert(1))', warnings: [unsafe('7:7')], keeps: 'click'},

  // Directives carry attributes: none may become one on the page.
  {name: 'directive-attributes', body: ':::pullquote{onclick="alert(1)" style="color:red" cite="Someone"}\nQuoted words.\n:::', warnings: [], keeps: 'Quoted words.'},
  {name: 'directive-unknown-leaf', body: `::iframe{src="${payload}"}`, warnings: [{rule: 'directive-unknown', at: '5:1', severity: 'warning'}]},
  {name: 'directive-unknown-text', body: 'Text :script[alert(1)]{src=x onload=y} more.', warnings: [], keeps: 'Text'},

  // Front matter is text: placed into the template as text nodes, never parsed as markup.
  {name: 'matter-title-script', input: '---\ntitle: "</title><script>alert(1)</script>"\n---\n\nBody.\n', warnings: [], keeps: '</title><script>alert(1)</script>'},
  {name: 'matter-title-style-breakout', input: `---\ntitle: "</style><style>@import url(${payload}.css)</style>"\n---\n\nBody.\n`, warnings: []},
  {
    name: 'matter-fields-markup',
    input: [
      '---',
      'title: Fields',
      'subtitle: "<img src=x onerror=alert(1)>"',
      'publisher: "<iframe src=javascript:alert(1)>"',
      'authors:',
      '  - name: "<svg onload=alert(1)>"',
      '    role: "<script>alert(1)</script>"',
      'tags: ["\\"><script>alert(1)</script>"]',
      'summary: ["<img src=x onerror=alert(1)>", "[click](javascript:alert(1))"]',
      '---',
      '',
      'Body.',
      ''
    ].join('\n'),
    warnings: [],
    keeps: '[click](javascript:alert(1))'
  }
];
