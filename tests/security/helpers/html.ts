import type {Element, Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {visit} from 'unist-util-visit';

// HTML: what may appear in a page made from an untrusted manuscript.

/** Elements that run code, load something, submit something, or change how the page is read. */
const forbiddenElements = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'button', 'textarea', 'select',
  'option', 'base', 'link', 'svg', 'math', 'foreignobject', 'video', 'audio', 'source', 'track', 'picture', 'portal',
  'noscript', 'template', 'marquee', 'xmp', 'plaintext', 'noembed', 'noframes', 'image', 'isindex', 'dialog', 'slot'
]);

/** Attributes that hold a URL a browser may load or go to. */
const urlAttributes = ['href', 'src', 'action', 'formAction', 'data', 'poster', 'background', 'cite', 'longDesc', 'ping', 'srcSet', 'xLinkHref', 'codeBase', 'manifest', 'icon', 'lowsrc', 'dynsrc'];

/** Images the pipeline inlines. */
const inlineImage = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]*$/;

/** Link targets a reader may follow from a mailed page or a PDF. */
const followable = /^(?:https?:\/\/[^/\\]|mailto:|#)/i;

/**
 * Everything live in a page that the pipeline should never let through: script, event
 * handlers, elements that load or submit, inline styles, and URLs other than absolute
 * http(s)/mailto links, fragments and inlined images. The template's own `<style>` and
 * `<meta>` elements in the head are allowed; everything else is judged as untrusted.
 *
 * @param html
 *   A complete page.
 * @returns
 *   Problems, one line each; empty when the page is inert.
 */
export function liveMarkup(html: string): string[] {
  const tree: Root = fromHtml(html);
  const problems: string[] = [];
  let styles = 0;
  let csp: string | undefined;
  visit(tree, 'element', (node: Element, _index, parent) => {
    const name = node.tagName.toLowerCase();
    const where = `<${name}> in <${parent && parent.type === 'element' ? parent.tagName : 'root'}>`;
    if (forbiddenElements.has(name)) problems.push(`forbidden element ${where}`);
    if (name === 'style') {
      styles++;
      if (!(parent && parent.type === 'element' && parent.tagName === 'head')) problems.push(`style outside head: ${where}`);
    }
    if (name === 'meta') {
      const equiv = String(node.properties['httpEquiv'] ?? '').toLowerCase();
      if (equiv === 'content-security-policy') csp ??= String(node.properties['content'] ?? '');
      else if (equiv) problems.push(`meta http-equiv=${equiv}`);
    }
    if (name === 'input' && !(node.properties['type'] === 'checkbox' && node.properties['disabled'] === true)) problems.push(`input ${where}`);
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) problems.push(`event handler ${key} on ${where}`);
      if (key === 'style') problems.push(`style attribute on ${where}`);
      if (key === 'srcDoc') problems.push(`srcdoc on ${where}`);
      if (!urlAttributes.includes(key)) continue;
      const url = Array.isArray(value) ? value.join(' ') : String(value);
      if (name === 'img' && key === 'src') {
        if (!inlineImage.test(url)) problems.push(`image source ${url.slice(0, 80)} on ${where}`);
      } else if (name === 'a' && key === 'href') {
        if (!followable.test(url.trim())) problems.push(`link ${url.slice(0, 80)} on ${where}`);
      } else if (name === 'blockquote' && key === 'cite') {
        if (!followable.test(url.trim())) problems.push(`cite ${url.slice(0, 80)} on ${where}`);
      } else {
        problems.push(`${key}=${url.slice(0, 80)} on ${where}`);
      }
    }
  });
  if (styles > 1) problems.push(`${styles} <style> elements, expected only the template's`);
  if (csp === undefined) problems.push('no Content-Security-Policy <meta>');
  else if (!/default-src 'none'/.test(csp)) problems.push(`weak Content-Security-Policy: ${csp}`);
  return problems;
}

/**
 * Every `data:` URL payload in a page, decoded: inlined images are where a file's bytes
 * would be smuggled.
 *
 * @param html
 *   A page.
 * @returns
 *   The decoded payloads, as latin1 text.
 */
export function dataPayloads(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/data:[\w.+/-]*(;[\w-]+=[\w-]+)*;base64,([A-Za-z0-9+/=]+)/g)) {
    found.push(Buffer.from(match[2] ?? '', 'base64').toString('latin1'));
  }
  for (const match of html.matchAll(/data:[\w.+/-]*,([^"'\s)]+)/g)) {
    try {
      found.push(decodeURIComponent(match[1] ?? ''));
    } catch {
      found.push(match[1] ?? '');
    }
  }
  return found;
}

/**
 * Whether a page carries a secret, as text or inside an inlined file.
 *
 * @param html
 *   A page.
 * @param secret
 *   The secret.
 * @returns
 *   Whether it is there.
 */
export function pageCarries(html: string, secret: string): boolean {
  return html.includes(secret) || dataPayloads(html).some((payload) => payload.includes(secret));
}
