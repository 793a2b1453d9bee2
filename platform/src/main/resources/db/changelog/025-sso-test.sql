--liquibase formatted sql

--changeset consilium:025-sso-test
-- Test sign-ins a tenant admin started (decision 024): kept in the database so the identity
-- provider's answer may reach any node. The token is stored only as its SHA-256; a row lives ten
-- minutes; the report holds what the IdP sent about the tested person, so it is tenant data under
-- row-level security and is deleted when it expires.
create table sso_test (
    tenant_id     varchar(32) not null,
    token_sha256  char(64)    not null,
    provider_id   text        not null,
    admin_id      text        not null,
    admin_name    text        not null,
    admin_email   text        not null,
    admin_roles   text        not null,
    expires_at    timestamptz not null,
    report        text,
    primary key (tenant_id, token_sha256)
);

alter table sso_test enable row level security;
alter table sso_test force row level security;
create policy sso_test_tenant_isolation on sso_test
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert, update, delete on sso_test to ${appRole};
