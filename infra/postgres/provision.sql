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

-- One row per service schema: the owner owns it, the app role may use it and do DML on what the owner
-- creates there (default privileges, so later migrations are covered), and nothing else. The audit trail is
-- append-only for the role that writes it: SELECT and INSERT, never UPDATE, DELETE or TRUNCATE.
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', name, name || '_owner'),
       format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', name),
       format('GRANT USAGE ON SCHEMA %I TO %I', name, name || '_app'),
       format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT %s ON TABLES TO %I',
              name || '_owner', name, table_privileges, name || '_app'),
       format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
              name || '_owner', name, name || '_app'),
       format('ALTER ROLE %I IN DATABASE library SET search_path = %s', name || '_owner', search_path),
       format('ALTER ROLE %I IN DATABASE library SET search_path = %s', name || '_app', search_path)
  FROM (VALUES ('book_catalog',   'SELECT, INSERT, UPDATE, DELETE', 'book_catalog, extensions'),
               ('book_inventory', 'SELECT, INSERT, UPDATE, DELETE', 'book_inventory'),
               ('reading_list',   'SELECT, INSERT, UPDATE, DELETE', 'reading_list'),
               ('audit',          'SELECT, INSERT',                 'audit'))
       AS service_schema (name, table_privileges, search_path)
\gexec

-- The catalog answers anyone's searches: however a search is worded, none of its app role's statements holds a
-- connection, and the database, longer than this. Its answers take milliseconds; a statement cut off is a 503.
ALTER ROLE book_catalog_app IN DATABASE library SET statement_timeout = '2s';
