--liquibase formatted sql

--changeset consilium:005-api-client
-- A tenant's API clients (partner systems), client-credentials only. Secrets are stored hashed.
create table api_client (
    tenant_id          varchar(32)  not null,
    id                 uuid         not null,
    client_id          varchar(100) not null,
    client_secret_hash text         not null,
    name               varchar(120) not null,
    scopes             varchar(400) not null,
    status             varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    created_at         timestamptz  not null,
    primary key (tenant_id, id),
    unique (tenant_id, client_id)
);
alter table api_client enable row level security;
alter table api_client force row level security;
create policy api_client_tenant_isolation on api_client
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on api_client to ${appRole};

--changeset consilium:005-signing-key
-- Token signing keys of the installation. Private keys are sealed with the installation key; retired
-- keys stay published until every token they signed has expired.
create table oauth2_signing_key (
    kid         varchar(64) primary key,
    private_key text        not null,
    public_key  text        not null,
    status      varchar(16) not null check (status in ('ACTIVE', 'RETIRED')),
    created_at  timestamptz not null,
    retired_at  timestamptz
);
grant select, insert, update on oauth2_signing_key to ${appRole};

--changeset consilium:005-oauth2-authorization
-- Spring Authorization Server's authorization store (standard schema, PostgreSQL types). Holds
-- issued tokens (signed JWTs carrying no health data) for revocation and introspection.
create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text ,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text ,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text ,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text ,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text ,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text ,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
create index oauth2_authorization_expiry on oauth2_authorization (access_token_expires_at);
grant select, insert, update, delete on oauth2_authorization to ${appRole};
