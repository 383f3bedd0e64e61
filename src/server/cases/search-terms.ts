// What cases.search's title text matches: the words of the title each kind shows in lists (the
// nickname asked for, a violation's category, an emergency's title, a guest's name…), stored with
// the case as terms. A term is a word or one of its suffixes, so "matches a prefix of a term" is
// "appears inside a word": both databases answer that from an index (a range; an anchored RegExp).
import type { Case } from '../../core/model';
import { kinds } from './kinds';

/** Suffixes shorter than this are not kept: a query needs SEARCH_TEXT_MIN characters. */
const MIN_TERM = 2;
/** A long word (a feedback's text has no spaces) keeps its first suffixes only. */
const MAX_TERMS = 40;

/** Full-width to half-width, lower case: how both a title and a query are compared. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Words: runs of letters and digits (CJK included); punctuation, quotes and spaces separate them. */
export function wordsOf(text: string): string[] {
  return normalise(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export function termsOfTitle(title: string): string[] {
  const terms = new Set<string>();
  for (const word of wordsOf(title)) {
    const chars = [...word];
    for (let i = 0; i + MIN_TERM <= chars.length; i++) terms.add(chars.slice(i).join(''));
  }
  return [...terms].slice(0, MAX_TERMS);
}

/** The stored terms of a case: its list title's. */
export function caseTerms(c: Case): string[] {
  // An index field never fails a write: a case whose data lacks its title field has no terms.
  return termsOfTitle(kinds[c.kind].title(c) ?? '');
}
