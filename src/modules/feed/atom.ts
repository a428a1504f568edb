/**
 * Atom 1.0 (RFC 4287) written by hand: a feed is a few elements, and every text passes through
 * one escape, which also drops the control characters XML 1.0 does not allow.
 */
export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  selfLink: string;
  alternateLink: string;
  /** The newest entry's time, or the time of the request for an empty feed. */
  updated: string;
  entries: readonly AtomEntry[];
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Exactly the characters XML 1.0 forbids.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title type="text">${escapeXml(entry.title)}</title>
    <updated>${escapeXml(entry.updated)}</updated>
    <link rel="alternate" href="${escapeXml(entry.link)}"/>
    <summary type="text">${escapeXml(entry.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(feed.id)}</id>
  <title type="text">${escapeXml(feed.title)}</title>
  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>
  <updated>${escapeXml(feed.updated)}</updated>
  <author><name>unfree</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfLink)}"/>
  <link rel="alternate" href="${escapeXml(feed.alternateLink)}"/>
${entries.join('')}</feed>
`;
}
