-- Loans and holds: who has which book's copies, until when, and who waits for them. Both are this service's own;
-- the counters of book_inventory stay the one place a copy is taken, so a copy is never lent twice.

-- a copy set aside for the reader at the front of the queue: neither on the shelf nor on loan
ALTER TABLE book_inventory ADD COLUMN held_copies integer NOT NULL DEFAULT 0;
ALTER TABLE book_inventory DROP CONSTRAINT copies_within_bounds;
ALTER TABLE book_inventory ADD CONSTRAINT copies_within_bounds
    CHECK (available_copies >= 0 AND held_copies >= 0 AND available_copies + held_copies <= total_copies
           AND total_copies <= 100000);

CREATE TABLE loan (
    id          uuid        PRIMARY KEY,
    book_id     uuid        NOT NULL REFERENCES book_inventory (book_id),
    -- the borrower's username; null once a returned loan has been kept past its retention
    reader      text        CHECK (reader <> ''),
    -- who lent it and who took it back: a librarian, or the reader herself (then anonymised with her)
    lent_by     text,
    lent_at     timestamptz NOT NULL,
    due_at      timestamptz NOT NULL CHECK (due_at > lent_at),
    renewals    integer     NOT NULL DEFAULT 0 CHECK (renewals >= 0),
    returned_at timestamptz,
    returned_by text,
    CONSTRAINT only_returned_loans_are_anonymous CHECK (reader IS NOT NULL OR returned_at IS NOT NULL)
);
-- one open loan per reader and book, whatever the code above does; it also finds a reader's open loans
CREATE UNIQUE INDEX loan_one_open_per_reader_and_book ON loan (reader, book_id) WHERE returned_at IS NULL;
CREATE INDEX loan_open_by_book ON loan (book_id, lent_at) WHERE returned_at IS NULL;
CREATE INDEX loan_open_by_due_date ON loan (due_at) WHERE returned_at IS NULL;
CREATE INDEX loan_returned_and_named ON loan (returned_at) WHERE reader IS NOT NULL AND returned_at IS NOT NULL;

CREATE TABLE hold (
    id          uuid        PRIMARY KEY,
    book_id     uuid        NOT NULL REFERENCES book_inventory (book_id),
    -- null once a closed hold has been kept past its retention
    reader      text        CHECK (reader <> ''),
    -- the place in the queue: holds are taken in the order they were placed (under the book's row lock)
    queued      bigint      GENERATED ALWAYS AS IDENTITY,
    placed_at   timestamptz NOT NULL,
    status      text        NOT NULL DEFAULT 'WAITING'
                            CHECK (status IN ('WAITING', 'READY', 'FULFILLED', 'EXPIRED', 'CANCELLED')),
    -- set when a copy was set aside for the reader: she may borrow it until then
    ready_until timestamptz,
    closed_at   timestamptz,
    CONSTRAINT a_ready_hold_has_a_pickup_window CHECK (status <> 'READY' OR ready_until IS NOT NULL),
    CONSTRAINT only_closed_holds_are_anonymous CHECK (reader IS NOT NULL OR closed_at IS NOT NULL)
);
CREATE UNIQUE INDEX hold_one_active_per_reader_and_book ON hold (reader, book_id) WHERE status IN ('WAITING', 'READY');
CREATE INDEX hold_queue ON hold (book_id, queued) WHERE status IN ('WAITING', 'READY');
CREATE INDEX hold_ready_until ON hold (ready_until) WHERE status = 'READY';
CREATE INDEX hold_closed_and_named ON hold (closed_at) WHERE reader IS NOT NULL AND closed_at IS NOT NULL;
