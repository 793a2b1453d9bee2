--liquibase formatted sql

--changeset consilium:001-schema-privileges
-- The application role uses the schema; it never creates or owns anything in it.
grant usage on schema public to ${appRole};
revoke create on schema public from public;

--changeset consilium:001-tenant-catalog
-- The tenant catalog: which programmes exist and which configuration version is current.
-- Platform data, read before any tenant is known (host resolution), so it has no row-level security;
-- it holds no patient data. In Citus it is a reference table.
create table tenant (
    tenant_id       varchar(32) primary key,
    display_name    text        not null,
    status          varchar(16) not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    current_version integer     not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

-- Every configuration a tenant ever had, immutable: the YAML exactly as validated.
create table tenant_config_version (
    tenant_id   varchar(32) not null references tenant (tenant_id),
    version     integer     not null,
    fingerprint char(64)    not null,
    source_name text        not null,
    source_yaml text        not null,
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    primary key (tenant_id, version)
);

-- Logos, favicons and IdP metadata a configuration version refers to.
create table tenant_asset (
    tenant_id  varchar(32) not null,
    version    integer     not null,
    path       text        not null,
    media_type text        not null,
    sha256     char(64)    not null,
    content    bytea       not null,
    primary key (tenant_id, version, path),
    foreign key (tenant_id, version) references tenant_config_version (tenant_id, version)
);

grant select, insert, update on tenant to ${appRole};
grant select, insert on tenant_config_version, tenant_asset to ${appRole};
