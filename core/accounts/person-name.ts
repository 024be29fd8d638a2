// How a person is addressed in a tight space: Vietnamese names are family name, middle names, then the given
// name, and people are called by the given name ("chị Hương" for Nguyễn Thị Thu Hương). A name in another
// order (a foreign name written given-first) still shows its last word, never a cut-off middle.

/** The last word of a full name (the given name of a Vietnamese name); the whole trimmed name if one word. */
export function givenName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  return words.at(-1) ?? '';
}
