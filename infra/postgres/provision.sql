-- Provisions the library database: one database, one schema per service, two roles per schema.
--
-- This is the only place roles are created. docker-compose, the local stack and the tests all run it,
-- as a superuser, connected to the maintenance database `postgres`. It is idempotent: running it again
-- leaves an existing database as it is (and resets the role passwords to the given ones).
--
-- Written for psql. Every password is a psql variable (:'<role>_password'); the runners pass them in,
-- taking each from the environment variable <ROLE>_PASSWORD (e.g. BOOK_CATALOG_APP_PASSWORD) and
-- defaulting to the role's own name for local use. The Java runner understands exactly the psql
-- features used here: \connect, \gexec and :'variable'.
--
-- Per schema:
--   <schema>_owner  owns the schema and runs its Flyway migrations; cannot log in anywhere else.
--   <schema>_app    serves traffic: USAGE on its schema, DML on its tables, nothing elsewhere,
--                   no DDL (no CREATE on any schema).

\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', r)
  FROM unnest(ARRAY['book_catalog_owner', 'book_catalog_app',
                    'book_inventory_owner', 'book_inventory_app',
                    'reading_list_owner', 'reading_list_app',
                    'audit_owner', 'audit_app']) AS r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r)
\gexec

ALTER ROLE book_catalog_owner   LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'book_catalog_owner_password';
ALTER ROLE book_catalog_app     LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'book_catalog_app_password';
ALTER ROLE book_inventory_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'book_inventory_owner_password';
ALTER ROLE book_inventory_app   LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'book_inventory_app_password';
ALTER ROLE reading_list_owner   LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'reading_list_owner_password';
ALTER ROLE reading_list_app     LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'reading_list_app_password';
ALTER ROLE audit_owner          LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'audit_owner_password';
ALTER ROLE audit_app            LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'audit_app_password';

SELECT 'CREATE DATABASE library ENCODING ''UTF8'' TEMPLATE template0'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'library')
\gexec

REVOKE ALL ON DATABASE library FROM PUBLIC;
GRANT CONNECT ON DATABASE library TO
  book_catalog_owner, book_catalog_app, book_inventory_owner, book_inventory_app,
  reading_list_owner, reading_list_app, audit_owner, audit_app;

\connect library

-- Nobody but a superuser creates anything in public; the app roles see nothing there either.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Trigram search for the catalog; pg_trgm lives in its own schema so no service role needs public.
CREATE SCHEMA IF NOT EXISTS extensions;
REVOKE ALL ON SCHEMA extensions FROM PUBLIC;
GRANT USAGE ON SCHEMA extensions TO book_catalog_owner, book_catalog_app;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;

-- book_catalog ----------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS book_catalog AUTHORIZATION book_catalog_owner;
REVOKE ALL ON SCHEMA book_catalog FROM PUBLIC;
GRANT USAGE ON SCHEMA book_catalog TO book_catalog_app;
ALTER DEFAULT PRIVILEGES FOR ROLE book_catalog_owner IN SCHEMA book_catalog
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO book_catalog_app;
ALTER DEFAULT PRIVILEGES FOR ROLE book_catalog_owner IN SCHEMA book_catalog
  GRANT USAGE, SELECT ON SEQUENCES TO book_catalog_app;
ALTER ROLE book_catalog_owner IN DATABASE library SET search_path = book_catalog, extensions;
ALTER ROLE book_catalog_app   IN DATABASE library SET search_path = book_catalog, extensions;

-- book_inventory --------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS book_inventory AUTHORIZATION book_inventory_owner;
REVOKE ALL ON SCHEMA book_inventory FROM PUBLIC;
GRANT USAGE ON SCHEMA book_inventory TO book_inventory_app;
ALTER DEFAULT PRIVILEGES FOR ROLE book_inventory_owner IN SCHEMA book_inventory
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO book_inventory_app;
ALTER DEFAULT PRIVILEGES FOR ROLE book_inventory_owner IN SCHEMA book_inventory
  GRANT USAGE, SELECT ON SEQUENCES TO book_inventory_app;
ALTER ROLE book_inventory_owner IN DATABASE library SET search_path = book_inventory;
ALTER ROLE book_inventory_app   IN DATABASE library SET search_path = book_inventory;

-- reading_list ----------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS reading_list AUTHORIZATION reading_list_owner;
REVOKE ALL ON SCHEMA reading_list FROM PUBLIC;
GRANT USAGE ON SCHEMA reading_list TO reading_list_app;
ALTER DEFAULT PRIVILEGES FOR ROLE reading_list_owner IN SCHEMA reading_list
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO reading_list_app;
ALTER DEFAULT PRIVILEGES FOR ROLE reading_list_owner IN SCHEMA reading_list
  GRANT USAGE, SELECT ON SEQUENCES TO reading_list_app;
ALTER ROLE reading_list_owner IN DATABASE library SET search_path = reading_list;
ALTER ROLE reading_list_app   IN DATABASE library SET search_path = reading_list;

-- audit: append-only for the role that writes it ---------------------------------------------------
CREATE SCHEMA IF NOT EXISTS audit AUTHORIZATION audit_owner;
REVOKE ALL ON SCHEMA audit FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO audit_app;
ALTER DEFAULT PRIVILEGES FOR ROLE audit_owner IN SCHEMA audit
  GRANT SELECT, INSERT ON TABLES TO audit_app;
ALTER DEFAULT PRIVILEGES FOR ROLE audit_owner IN SCHEMA audit
  GRANT USAGE, SELECT ON SEQUENCES TO audit_app;
ALTER ROLE audit_owner IN DATABASE library SET search_path = audit;
ALTER ROLE audit_app   IN DATABASE library SET search_path = audit;
