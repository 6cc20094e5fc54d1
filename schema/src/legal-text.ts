/**
 * The plain-text format of the legal pages (pure): blocks separated by an empty line; a line starting with "## " is
 * a heading, lines starting with "- " are list items, other lines form a paragraph (their line breaks kept, as in
 * an address).
 */
export type LegalBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; items: string[] };

export function legalBlocks(body: string): LegalBlock[] {
  const blocks: LegalBlock[] = [];
  let open: LegalBlock | null = null;
  const close = () => {
    if (open) blocks.push(open);
    open = null;
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') close();
    else if (line.startsWith('## ')) {
      close();
      blocks.push({ kind: 'heading', text: line.slice(3).trim() });
    } else if (line.startsWith('- ')) {
      if (open?.kind !== 'list') {
        close();
        open = { kind: 'list', items: [] };
      }
      open.items.push(line.slice(2).trim());
    } else {
      if (open?.kind !== 'paragraph') {
        close();
        open = { kind: 'paragraph', lines: [] };
      }
      open.lines.push(line);
    }
  }
  close();
  return blocks;
}

/** The text in the reader's language, or the German one (always present) marked as German. */
export function legalTextFor<T extends { language: string }>(
  texts: readonly T[],
  language: string,
): { text: T | undefined; fallback: boolean } {
  const own = texts.find((t) => language.startsWith(t.language));
  if (own) return { text: own, fallback: false };
  return { text: texts.find((t) => t.language === 'de'), fallback: !language.startsWith('de') };
}
