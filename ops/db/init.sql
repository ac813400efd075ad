-- EsRegions: roles and database. Idempotent; run as superuser `postgres` against database `postgres`:
--   psql -X -v ON_ERROR_STOP=1 -U postgres -d postgres -v dbname=esregions -f ops/db/init.sql
-- Optional psql variables (defaults below): dbname, owner_password, app_password.
-- Roles are created when missing and their attributes/passwords are (re)asserted on every run, so an
-- existing role drifted by hand is put back. Table privileges for esregions_app are granted by the app
-- after it applies its migrations (as esregions_owner), not here.

\set ON_ERROR_STOP on

\if :{?dbname}
\else
  \set dbname esregions
\endif
\if :{?owner_password}
\else
  \set owner_password esregions_owner_dev
\endif
\if :{?app_password}
\else
  \set app_password esregions_app_dev
\endif

-- Owner of the database and of every table (runs the migrations).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'esregions_owner') THEN
    CREATE ROLE esregions_owner LOGIN NOSUPERUSER;
  END IF;
END
$$;
ALTER ROLE esregions_owner WITH LOGIN NOSUPERUSER PASSWORD :'owner_password';

-- The role the app connects as: no ownership, no BYPASSRLS, so Row-Level Security applies to it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'esregions_app') THEN
    CREATE ROLE esregions_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
  END IF;
END
$$;
ALTER ROLE esregions_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT
  PASSWORD :'app_password';

-- The database, only when missing (CREATE DATABASE cannot run inside a DO block, hence \gexec).
SELECT format('CREATE DATABASE %I OWNER esregions_owner ENCODING %L TEMPLATE template0', :'dbname', 'UTF8')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_database WHERE datname = :'dbname')
\gexec

SELECT format('GRANT CONNECT ON DATABASE %I TO esregions_app', :'dbname')
\gexec
