-- The inventory's half of "the book": how many copies the library has and how many are on the shelf.
-- The description belongs to book_catalog; a row here exists because the catalog published the book.
CREATE TABLE book_inventory (
    book_id          uuid        PRIMARY KEY,
    total_copies     integer     NOT NULL DEFAULT 0,
    available_copies integer     NOT NULL DEFAULT 0,
    status           text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- never oversold, never more on the shelf than owned, whatever the code above does
    CONSTRAINT copies_within_bounds CHECK (available_copies >= 0 AND available_copies <= total_copies
                                           AND total_copies <= 100000)
);

-- the app role serves traffic; it has no business with the migration history
REVOKE ALL ON flyway_schema_history FROM book_inventory_app;
