-- Search ranked by relevance, at a cost that does not grow with the catalog (docs/performance.md, "Search at a
-- million books").
--
-- A book's words (title, then authors) are indexed with every prefix of each word as a lexeme of its own: 'gar>',
-- 'gard>', ... 'garden>'. A query word is then one exact index entry, however short. Postgres' own prefix match
-- (garden:*) would gather every matching entry into a bitmap first, which costs tens of milliseconds for a common
-- word at a million books, before the LIMIT can help. Prefixes stop at 20 characters; a longer query word matches
-- on its first 20.
--
-- Case is folded by the built-in Unicode collation before the parser sees the words, on the stored side and in the
-- query alike (as V2 did for the trigram search), so 'ÜBER' finds 'Über' whatever the database's locale.

-- every prefix of every lexeme of doc, at the lexeme's positions, with the weight given
CREATE FUNCTION book_word_prefixes(doc tsvector, weight "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT coalesce(string_agg(format('%s:%s%s', quote_literal(left(word.lexeme, length) || '>'), position,
                                              weight), ' '), '')::tsvector
              FROM unnest(doc) AS word, unnest(word.positions) AS position,
                   generate_series(1, least(length(word.lexeme), 20)) AS length);

-- the title weighs most (A), then the authors (B)
CREATE FUNCTION book_search_vector(title text, authors text[]) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN book_word_prefixes(to_tsvector('simple'::regconfig, lower(title COLLATE pg_c_utf8)), 'A')
        || book_word_prefixes(to_tsvector('simple'::regconfig, book_authors_text(authors)), 'B');

-- The reader's words as websearch_to_tsquery reads them ("a phrase", or, -word), each word turned into its prefix
-- lexeme; weights, when given ('B'), restrict every word to them. Cast rather than to_tsquery: the parser would
-- strip the '>'.
CREATE FUNCTION book_search_query(words text, weights text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(websearch_to_tsquery('simple'::regconfig, lower(words COLLATE pg_c_utf8))::text,
                          '''((?:[^'']|''''){1,20})(?:[^'']|'''')*''',
                          '''\1>''' || CASE WHEN weights = '' THEN '' ELSE ':' || weights END, 'g')::tsquery;

ALTER TABLE book ADD COLUMN search tsvector GENERATED ALWAYS AS (book_search_vector(title, authors)) STORED;
CREATE INDEX book_search ON book USING gin (search);

-- the trigram search is gone: an ISBN is found through the unique index on isbn
DROP INDEX book_search_trgm;
DROP INDEX book_authors_trgm;
DROP FUNCTION book_search_text(text, text[], text);

-- a deep page of the catalog in title order is found in the index alone (an index-only scan needs the title it
-- folds), and only its own rows are read from the table
DROP INDEX book_title_order;
CREATE INDEX book_title_order ON book (lower(title), id) INCLUDE (title);
