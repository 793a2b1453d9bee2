-- What the platform does at start-up when CONSILIUM_DB_BOOTSTRAP=true and it may (see DatabaseBootstrap).
-- On a managed PostgreSQL run this once as an administrator, with your own passwords, then start the
-- platform with CONSILIUM_DB_BOOTSTRAP=false.

-- Owns the schema; Liquibase migrates as this role.
create role consilium_owner login password 'change-me-owner';
-- The application connects as this role. It must never own tables nor bypass row-level security.
create role consilium_app login password 'change-me-app' nosuperuser nobypassrls nocreatedb nocreaterole;

create database consilium owner consilium_owner;
-- The migrations grant consilium_app exactly the table privileges it needs (see db/changelog).
