-- The catalog's half of "the book": its description. Copies and availability belong to the inventory.

-- Immutable wrappers so the search expressions can be indexed (array_to_string is only stable).
CREATE FUNCTION book_authors_text(authors text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(array_to_string(authors, ' '));

CREATE FUNCTION book_search_text(title text, authors text[], isbn text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(title) || ' ' || lower(array_to_string(authors, ' ')) || ' ' || isbn;

CREATE TABLE book (
    id             uuid        PRIMARY KEY,
    isbn           text        NOT NULL CONSTRAINT book_isbn_unique UNIQUE
                               CONSTRAINT book_isbn_13_digits CHECK (isbn ~ '^97[89][0-9]{10}$'),
    title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    authors        text[]      NOT NULL CHECK (cardinality(authors) BETWEEN 1 AND 50),
    publisher      text        CHECK (length(publisher) <= 200),
    published_year integer,
    language       text        CHECK (length(language) <= 35),
    description    text        CHECK (length(description) <= 10000),
    version        bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- browsing in title order, page by page
CREATE INDEX book_title_order ON book (lower(title), id);
-- search anywhere in title, authors or ISBN, and by author
CREATE INDEX book_search_trgm ON book USING gin (book_search_text(title, authors, isbn) extensions.gin_trgm_ops);
CREATE INDEX book_authors_trgm ON book USING gin (book_authors_text(authors) extensions.gin_trgm_ops);

-- the app role serves traffic; it has no business with the migration history
REVOKE ALL ON flyway_schema_history FROM book_catalog_app;
