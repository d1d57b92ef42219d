import type { Store, StoredDocument } from '../store/store.js';

/**
 * A reviewed document written back as a gold file (codebook section 3): its
 * events as the analyst left them (corrections applied, events marked wrong
 * left out), so that reviewing grows the evaluation set.
 */
export async function goldFor(store: Store, doc: StoredDocument) {
  const events = [];
  for (const e of await store.documentEvents(doc.id)) {
    if (e.status === 'wrong') continue;
    const { evidence, ...fields } = e.event;
    void evidence;
    events.push(fields);
  }
  // The first words of the body (after the title) must survive cleaning.
  const paras = doc.text.split(/\n\n+/);
  const body = (doc.title && paras[0] === doc.title ? paras[1] : paras[0]) ?? '';
  return {
    source: { url: doc.url, published: doc.published },
    language: doc.language,
    events,
    clean: { must_contain: body ? [body.split(/\s+/).slice(0, 8).join(' ')] : [], must_not_contain: [] },
    notes: `Written by attache from the reviewed events of document ${doc.id}.`,
  };
}
