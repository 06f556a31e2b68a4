import { escapeHtml, markup, trusted } from './html.js';
import { renderPlanReportHtml } from './plan-report.html.js';
import { hostileReport } from './testing/reports.js';

describe('HTML escaping', () => {
  it('escapes the five characters that can open a tag or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(0)).toBe('0');
  });

  it('escapes every interpolation of a template, but not markup built by one, nor trusted constants', () => {
    const inner = markup`<b>${'<i>'}</b>`;
    expect(
      markup`<p title="${'"x"'}">${inner}${['<', '>']}${null}${false}${trusted('<br>')}</p>`.markup,
    ).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;&gt;<br></p>');
  });

  it('renders a plan whose texts are hostile without one tag or attribute of them getting through', () => {
    const page = renderPlanReportHtml(hostileReport());
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(&quot;plan&quot;)&lt;/script&gt;');
    expect(page).toContain('Forum &lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(page).toContain('<code>KZ-&quot; onmouseover=&quot;x</code>');
    expect(page).toContain('class="status &quot;&gt;&lt;b&gt;"');
    // The only elements and attributes are the page's own.
    const inTags = [...page.matchAll(/<[a-z0-9]+((?:\s[^>]*)?)>/gi)].map((m) => m[1]);
    // Every tag holds name="value" pairs and nothing else.
    expect(inTags.filter((a) => a.replace(/\s[a-z-]+="[^"]*"/gi, '').trim() !== '')).toEqual([]);
    const attributes = new Set(inTags.flatMap((a) => [...a.matchAll(/\s([a-z-]+)="/gi)].map((m) => m[1])));
    expect([...attributes].sort()).toEqual(['charset', 'class', 'content', 'lang', 'name', 'style']);
    const tags = new Set([...page.matchAll(/<([a-z0-9]+)[\s>]/gi)].map((m) => m[1].toLowerCase()));
    expect([...tags].sort()).toEqual(
      [
        'b',
        'body',
        'br',
        'code',
        'dd',
        'div',
        'dl',
        'dt',
        'footer',
        'h1',
        'h2',
        'head',
        'header',
        'html',
        'li',
        'meta',
        'p',
        'section',
        'span',
        'style',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'title',
        'tr',
        'ul',
      ].sort(),
    );
  });
});
