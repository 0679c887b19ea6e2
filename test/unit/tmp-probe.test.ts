// @vitest-environment happy-dom
import { it } from 'vitest';
import { structureReport } from '@/lib/reader/structure-report';
import { readPage } from '@/lib/reader';
function docFrom(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return doc;
}
it('probe', async () => {
  const parts = ["<div title=\"Maria Delgado-Testperson\"><div><div><div data-x=\"Maria Delgado-Testperson\">Credentials<!---->Create Credential<!----></div></div></div></div>"];
  const html = `<body><form>${parts.join('')}<table><tr><td>${parts.join('</td><td>')}</td></tr></table><input type="submit" value="Save"></form></body>`;
  const d = docFrom(html);
  const l = readPage(d).layout;
  console.log(l?.kind, l?.kind === 'case-page' ? l.credentialsCaption?.outerHTML : '');
  const r = structureReport(d);
  console.log(r.split('-->').slice(1).join('-->'));
  const l2 = readPage(docFrom(r)).layout;
  console.log(l2?.kind, JSON.stringify(docFrom(r).body.textContent));
});
