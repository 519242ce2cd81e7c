-- Case is folded by Postgres' built-in Unicode collation (pg_c_utf8), on the stored text and on the query alike:
-- lower() under the database's own locale leaves 'Ü' alone in a "C" database, so a search would depend on how
-- the cluster was created. The built-in provider does not depend on the operating system's locales either.
CREATE OR REPLACE FUNCTION book_authors_text(authors text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(array_to_string(authors, ' ') COLLATE pg_c_utf8);

CREATE OR REPLACE FUNCTION book_search_text(title text, authors text[], isbn text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(title COLLATE pg_c_utf8) || ' ' || lower(array_to_string(authors, ' ') COLLATE pg_c_utf8) || ' '
        || isbn;

-- the same text, folded anew: the indexes are rebuilt on it
REINDEX INDEX book_search_trgm;
REINDEX INDEX book_authors_trgm;
