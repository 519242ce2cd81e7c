-- The reading list belongs to this service alone (single ownership).

-- Its own read-only copy of the catalog data it shows, fed by library.catalog.books: never the catalog's schema.
CREATE TABLE catalog_book (
    book_id         uuid        PRIMARY KEY,
    isbn            text        NOT NULL,
    title           text        NOT NULL,
    authors         text[]      NOT NULL,
    catalog_version bigint      NOT NULL,   -- the newest snapshot applied; older redeliveries are ignored
    removed         boolean     NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reading_list_item (
    reader_id  text        NOT NULL CHECK (reader_id ~ '^[A-Za-z0-9._@-]{1,64}$'),
    book_id    uuid        NOT NULL REFERENCES catalog_book (book_id),
    status     text        NOT NULL CHECK (status IN ('WANT_TO_READ', 'READING', 'FINISHED')),
    added_at   timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (reader_id, book_id)
);

-- a reader's list, newest first, page by page
CREATE INDEX reading_list_newest_first ON reading_list_item (reader_id, added_at DESC, book_id);
-- the lists that hold a book
CREATE INDEX reading_list_by_book ON reading_list_item (book_id);

-- the app role serves traffic; it has no business with the migration history
REVOKE ALL ON flyway_schema_history FROM reading_list_app;
