--liquibase formatted sql

--changeset consilium:024-config-version-origin
-- Where each configuration version came from and why: the tenant files, the admin console, an
-- imported file, a rollback to an earlier version, or onboarding by a platform admin.
alter table tenant_config_version
    add column origin varchar(16) not null default 'FILE'
        check (origin in ('FILE', 'CONSOLE', 'IMPORT', 'ROLLBACK', 'ONBOARDING')),
    add column note text;
-- The file sync compares a file with the last version that came from files, so a console edit is
-- not undone by an unchanged file at the next start.
create index tenant_config_version_by_origin on tenant_config_version (tenant_id, origin, version);
