// Package story groups near-duplicate items into stories.
//
// A story is a set of items that carry the same message: a tweet and its
// retweets (with or without added text), quote posts, a news article and its
// syndicated copies on other sites with small edits, a re-post under another
// URL. Detection is MinHash over word shingles of normalised text, with
// locality-sensitive hashing (LSH) bands to find candidates quickly:
//
//   - [Normalise] lower-cases the text and strips URLs, @mentions, the
//     retweet marker "RT", HTML entities, punctuation and symbols (emoji), and
//     collapses whitespace;
//   - [Grouper.Signature] hashes every run of k consecutive words (a shingle)
//     and keeps, for each of [SigSize] independent hash functions, the
//     smallest value: a [Sig], 256 bytes that can be stored with a record;
//   - [Similar] estimates the Jaccard similarity of two texts' shingle sets as
//     the fraction of positions where their signatures agree;
//   - [Grouper.Add] looks the signature up in the LSH bands (rows of
//     consecutive signature values hashed together), compares it with the
//     items found there and puts it in the story of the most similar one when
//     the similarity reaches the threshold, else starts a new story whose id
//     is the item's own id.
//
// A Grouper is safe for concurrent use.
package story
